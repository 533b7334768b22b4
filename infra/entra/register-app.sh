#!/usr/bin/env bash
# Creates (or brings up to date) the app's Microsoft Entra registration, with the Azure CLI:
#   - single tenant; the bot's identity (MicrosoftAppId) and the tab's SSO app (same registration)
#   - Application ID URI api://<host>/botid-<app id>, scope access_as_user, v2 access tokens,
#     the groups claim (for EDI_OFFICER_GROUP_ID), Teams and Microsoft 365 clients pre-authorised
#   - Microsoft Graph application permissions, least privilege:
#       Sites.Selected                                (the plan site only, after grant-site.ps1)
#       TeamsAppInstallation.ReadWriteSelfForUser.All (install this app, and only it, for task owners)
#       User.Read.All                                 (approvers: a person's manager; people search)
#     and admin consent for them.
# With --new-secret it also adds a client secret (1 year) and writes it to env/.env.<env>.user
# (git-ignored) as SECRET_BOT_PASSWORD, for the next step; nothing else is written to disk.
#
# Usage: infra/entra/register-app.sh <app name> [--env <env name, default prod>] [--host <custom host>] [--new-secret]
# Needs: az login as an Application Administrator (consent: Privileged Role Administrator or Global Administrator).
set -euo pipefail

APP_NAME="${1:-}"
[[ "$APP_NAME" =~ ^[a-z0-9][a-z0-9-]{1,19}[a-z0-9]$ ]] || { echo "Usage: $0 <app name: 3-21 lower-case letters, digits, hyphens> [--env prod] [--host edi.example.gov.uk] [--new-secret]" >&2; exit 2; }
shift
ENV_NAME=prod; HOST="$APP_NAME.azurewebsites.net"; NEW_SECRET=no
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) ENV_NAME="$2"; shift 2 ;;
    --host) HOST="$(tr '[:upper:]' '[:lower:]' <<<"$2")"; shift 2 ;;
    --new-secret) NEW_SECRET=yes; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ENV_FILE="$ROOT/env/.env.$ENV_NAME"
GRAPH=00000003-0000-0000-c000-000000000000
DISPLAY_NAME="EDI Action Plan ($APP_NAME)"
# Teams desktop/mobile, Teams web, Microsoft 365 web/desktop/mobile (and Outlook desktop), Outlook web, Outlook mobile.
TEAMS_CLIENTS=(1fec8e78-bce4-4aaf-ab1b-5451cc387264 5e3ce6c0-2b1f-4285-8d4b-75ee78787346 4765445b-32c6-49b0-83e6-1d93765276ca 0ec893e0-5785-4de6-99da-4ed124e5296c d3590ed6-52b3-4102-aeff-aad2292ab01c bc59ab01-8403-45c6-8796-ac3ef710b3e3 27922004-5251-4030-b22d-91ecd9a37ea4)

TENANT_ID="$(az account show --query tenantId -o tsv)"
APP_ID="$(az ad app list --display-name "$DISPLAY_NAME" --query '[0].appId' -o tsv)"
if [[ -z "$APP_ID" ]]; then
  APP_ID="$(az ad app create --display-name "$DISPLAY_NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  echo "Created app registration $DISPLAY_NAME ($APP_ID)."
else
  echo "Updating app registration $DISPLAY_NAME ($APP_ID)."
fi
OBJECT_ID="$(az ad app show --id "$APP_ID" --query id -o tsv)"
az ad sp show --id "$APP_ID" >/dev/null 2>&1 || az ad sp create --id "$APP_ID" >/dev/null

# The scope keeps its id once created (Entra refuses to change an enabled scope's id).
SCOPE_ID="$(az ad app show --id "$APP_ID" --query "api.oauth2PermissionScopes[?value=='access_as_user'].id | [0]" -o tsv)"
[[ -n "$SCOPE_ID" ]] || SCOPE_ID="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"
APP_ID_URI="api://$HOST/botid-$APP_ID"

patch_app() { az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" --headers 'Content-Type=application/json' --body "$1" >/dev/null; }

# 1. Application ID URI, the scope, v2 tokens and the groups claim.
patch_app "$(cat <<JSON
{
  "identifierUris": ["$APP_ID_URI"],
  "groupMembershipClaims": "SecurityGroup",
  "api": {
    "requestedAccessTokenVersion": 2,
    "oauth2PermissionScopes": [{
      "id": "$SCOPE_ID", "value": "access_as_user", "type": "User", "isEnabled": true,
      "adminConsentDisplayName": "Use the EDI action plan as the signed-in user",
      "adminConsentDescription": "Lets Teams sign people in to the EDI action plan tab with their own account.",
      "userConsentDisplayName": "Use the EDI action plan as you",
      "userConsentDescription": "Lets Teams sign you in to the EDI action plan tab."
    }]
  }
}
JSON
)"

# 2. Pre-authorise the Teams and Microsoft 365 clients for that scope (a separate request: the
#    scope must exist first).
CLIENTS_JSON="$(printf '{"appId":"%s","delegatedPermissionIds":["'"$SCOPE_ID"'"]},' "${TEAMS_CLIENTS[@]}")"
patch_app "{\"api\":{\"preAuthorizedApplications\":[${CLIENTS_JSON%,}]}}"

# 3. Microsoft Graph permissions, looked up by name (no GUIDs to mistype).
role_id() { az ad sp show --id "$GRAPH" --query "appRoles[?value=='$1'].id | [0]" -o tsv; }
scope_id() { az ad sp show --id "$GRAPH" --query "oauth2PermissionScopes[?value=='$1'].id | [0]" -o tsv; }
ACCESS=""
for role in Sites.Selected TeamsAppInstallation.ReadWriteSelfForUser.All User.Read.All; do ACCESS+="{\"id\":\"$(role_id "$role")\",\"type\":\"Role\"},"; done
for scope in openid profile offline_access; do ACCESS+="{\"id\":\"$(scope_id "$scope")\",\"type\":\"Scope\"},"; done
patch_app "{\"requiredResourceAccess\":[{\"resourceAppId\":\"$GRAPH\",\"resourceAccess\":[${ACCESS%,}]}]}"

echo "Granting admin consent for the Graph permissions..."
az ad app permission admin-consent --id "$APP_ID" || echo "Admin consent failed: ask a Privileged Role Administrator to run: az ad app permission admin-consent --id $APP_ID" >&2

# Values the packaging and the deployment read (env/.env.<env>; no secrets).
upsert() {
  touch "$2"
  if grep -q "^$1=" "$2"; then sed -i "s|^$1=.*|$1=$3|" "$2"; else printf '%s=%s\n' "$1" "$3" >>"$2"; fi
}
[[ -f "$ENV_FILE" ]] || cp "$ROOT/env/.env.dev.sample" "$ENV_FILE"
upsert TEAMSFX_ENV "$ENV_FILE" "$ENV_NAME"
upsert AZURE_APP_NAME "$ENV_FILE" "$APP_NAME"
upsert BOT_ID "$ENV_FILE" "$APP_ID"
upsert TAB_SSO_CLIENT_ID "$ENV_FILE" "$APP_ID"
upsert TAB_ENDPOINT "$ENV_FILE" "https://$HOST"
upsert TAB_DOMAIN "$ENV_FILE" "$HOST"
upsert TAB_SSO_APP_ID_URI "$ENV_FILE" "$APP_ID_URI"
grep -q '^TEAMS_APP_ID=.\+' "$ENV_FILE" || upsert TEAMS_APP_ID "$ENV_FILE" "$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"

if [[ "$NEW_SECRET" == yes ]]; then
  SECRET="$(az ad app credential reset --id "$APP_ID" --append --display-name "app service $(date +%Y-%m-%d)" --years 1 --query password -o tsv)"
  (umask 077; upsert SECRET_BOT_PASSWORD "$ENV_FILE.user" "$SECRET")
  echo "A new client secret (valid 1 year) is in env/.env.$ENV_NAME.user as SECRET_BOT_PASSWORD. Delete that file once the deployment has put it in Key Vault."
fi

cat <<DONE

App registration ready.
  BOT_ID / MicrosoftAppId / TAB_SSO_CLIENT_ID   $APP_ID
  MicrosoftAppTenantId                           $TENANT_ID
  TAB_SSO_APP_ID_URI                             $APP_ID_URI
Written to env/.env.$ENV_NAME. Next: grant the app the plan site (infra/entra/grant-site.ps1).
DONE
