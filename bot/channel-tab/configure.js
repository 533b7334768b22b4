// Configuration page of the channel (and group chat) tab: nothing to choose, so Save is enabled at
// once and the tab shows the plan view from this server. Uses the teams-js UMD build (served at
// /configure/teams-js.js) so this page needs no bundling.
(function () {
  var status = document.getElementById('status');
  var teams = window.microsoftTeams;
  if (!teams) {
    status.textContent = 'Open this page from Microsoft Teams to add the tab.';
    return;
  }
  teams.app
    .initialize()
    .then(function () {
      var planUrl = window.location.origin + '/';
      teams.pages.config.registerOnSaveHandler(function (saveEvent) {
        teams.pages.config
          .setConfig({ entityId: 'plan', suggestedDisplayName: 'Action plan', contentUrl: planUrl, websiteUrl: planUrl })
          .then(function () { saveEvent.notifySuccess(); })
          .catch(function (err) { saveEvent.notifyFailure(String(err && err.message ? err.message : err)); });
      });
      teams.pages.config.setValidityState(true);
    })
    .catch(function () {
      status.textContent = 'Microsoft Teams did not answer. Close this window and try adding the tab again.';
    });
})();
