<#
.SYNOPSIS
  Grants the EDI Action Plan app a role on the ONE SharePoint site that holds the plan
  (Microsoft Graph Sites.Selected), and prints the site id for SHAREPOINT_SITE_ID.

.DESCRIPTION
  Run by a SharePoint Administrator (or Global Administrator) in PowerShell 7 with the Microsoft
  Graph PowerShell SDK (Azure Cloud Shell: choose PowerShell; elsewhere: Install-Module Microsoft.Graph.Sites).
  The Azure CLI cannot do this step: its Graph token never carries Sites.FullControl.All.

  -Role manage  while provisioning the lists (npm run provision), then
  -Role write   for running the app (least privilege). Re-running updates the existing grant.
  Without -AppId it only prints the site id.

.EXAMPLE
  ./infra/entra/grant-site.ps1 -SiteUrl https://northvale.sharepoint.com/sites/edi -AppId <BOT_ID> -Role manage
#>
param(
  [Parameter(Mandatory = $true)][string] $SiteUrl,
  [string] $AppId,
  [ValidateSet('read', 'write', 'manage', 'fullcontrol')][string] $Role = 'write',
  [string] $DisplayName = 'EDI Action Plan'
)
$ErrorActionPreference = 'Stop'
# Device code sign-in works everywhere, Cloud Shell included.
Connect-MgGraph -Scopes 'Sites.FullControl.All' -UseDeviceCode -NoWelcome

$uri = [Uri] $SiteUrl
$site = Invoke-MgGraphRequest -Method GET -Uri ("https://graph.microsoft.com/v1.0/sites/{0}:{1}?`$select=id,displayName" -f $uri.Host, $uri.AbsolutePath.TrimEnd('/'))
Write-Host "Site: $($site.displayName)  id: $($site.id)"
if (-not $AppId) {
  # Only the id was asked for (e.g. for env/.env.<env> before the app registration exists).
  Write-Host "SHAREPOINT_SITE_ID=$($site.id)"
  return
}

$existing = (Invoke-MgGraphRequest -Method GET -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions").value |
  Where-Object { $_.grantedToIdentitiesV2.application.id -contains $AppId -or $_.grantedToIdentities.application.id -contains $AppId }

if ($existing) {
  Invoke-MgGraphRequest -Method PATCH -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions/$($existing[0].id)" -Body (@{ roles = @($Role) } | ConvertTo-Json) -ContentType 'application/json' | Out-Null
  Write-Host "Updated the app's role on the site to '$Role'."
} else {
  $body = @{ roles = @($Role); grantedToIdentities = @(@{ application = @{ id = $AppId; displayName = $DisplayName } }) } | ConvertTo-Json -Depth 5
  Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/v1.0/sites/$($site.id)/permissions" -Body $body -ContentType 'application/json' | Out-Null
  Write-Host "Granted the app '$Role' on the site."
}
Write-Host "SHAREPOINT_SITE_ID=$($site.id)"
