<#
.SYNOPSIS
  Grants the EDI Action Plan app a role on the ONE SharePoint site that holds the plan
  (Microsoft Graph Sites.Selected), and prints the site id for SHAREPOINT_SITE_ID.

.DESCRIPTION
  Run by a SharePoint Administrator (or Global Administrator) in PowerShell 7 with the Microsoft
  Graph PowerShell SDK (Azure Cloud Shell: choose PowerShell; elsewhere: Install-Module Microsoft.Graph.Sites).
  The Azure CLI cannot do this step: its Graph token never carries Sites.FullControl.All, which
  creating a site permission needs (https://learn.microsoft.com/graph/api/site-post-permissions).

  -Role fullcontrol  while provisioning the lists (npm run provision), then
  -Role write        for running the app (least privilege). Re-running updates the existing grant.
  Without -AppId it only prints the site id.

  The roles are the four Graph documents for Selected permissions: read, write, owner, fullcontrol
  (https://learn.microsoft.com/graph/permissions-selected-overview, "Roles"). Managing a site's
  lists takes Sites.Selected with FullControl or Owner (same page, "What permissions do I need to
  manage permissions?"); write is documented only to "read and modify the metadata and contents".
  There is no 'manage' role in Graph's documentation, so it is not offered.

.EXAMPLE
  ./infra/entra/grant-site.ps1 -SiteUrl https://northvale.sharepoint.com/sites/edi -AppId <BOT_ID> -Role fullcontrol
#>
param(
  [Parameter(Mandatory = $true)][string] $SiteUrl,
  [string] $AppId,
  [ValidateSet('read', 'write', 'owner', 'fullcontrol', ErrorMessage = "'{0}' is not a documented site role: use fullcontrol to provision, then write to run the app.")]
  [string] $Role = 'write',
  [string] $DisplayName = 'EDI Action Plan'
)
$ErrorActionPreference = 'Stop'
# Device code sign-in works everywhere, Cloud Shell included.
Connect-MgGraph -Scopes 'Sites.FullControl.All' -UseDeviceCode -NoWelcome

$uri = [Uri] $SiteUrl
# https://learn.microsoft.com/graph/api/site-getbypath
$site = Invoke-MgGraphRequest -Method GET -Uri ("https://graph.microsoft.com/v1.0/sites/{0}:{1}?`$select=id,displayName" -f $uri.Host, $uri.AbsolutePath.TrimEnd('/'))
Write-Host "Site: $($site.displayName)  id: $($site.id)"
if (-not $AppId) {
  # Only the id was asked for (e.g. for env/.env.<env> before the app registration exists).
  Write-Host "SHAREPOINT_SITE_ID=$($site.id)"
  return
}

# https://learn.microsoft.com/graph/api/site-list-permissions
$existing = (Invoke-MgGraphRequest -Method GET -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions").value |
  Where-Object { $_.grantedToIdentitiesV2.application.id -contains $AppId -or $_.grantedToIdentities.application.id -contains $AppId }

if ($existing) {
  # https://learn.microsoft.com/graph/api/site-update-permission
  Invoke-MgGraphRequest -Method PATCH -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions/$($existing[0].id)" -Body (@{ roles = @($Role) } | ConvertTo-Json) -ContentType 'application/json' | Out-Null
  Write-Host "Updated the app's role on the site to '$Role'."
} else {
  # https://learn.microsoft.com/graph/api/site-post-permissions
  $body = @{ roles = @($Role); grantedToIdentities = @(@{ application = @{ id = $AppId; displayName = $DisplayName } }) } | ConvertTo-Json -Depth 5
  Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions" -Body $body -ContentType 'application/json' | Out-Null
  Write-Host "Granted the app '$Role' on the site."
}
if ($Role -eq 'fullcontrol' -or $Role -eq 'owner') {
  Write-Host "After 'npm run provision' finishes, lower the grant: -Role write."
}
Write-Host "SHAREPOINT_SITE_ID=$($site.id)"
