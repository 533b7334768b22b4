#!/usr/bin/env bash
# Builds the web app's package and deploys it to App Service (zip deploy, run from package).
#   - `npm run build` bundles the server, the CLIs and the tab into dist/ (esbuild, source maps);
#     the package is dist/, package.json, package-lock.json and the production dependencies
#     (npm ci --omit=dev): no TypeScript sources, tsx, tests, benchmarks, env files or secrets
#   - App Service runs `node --enable-source-maps dist/start.js` (npm run start:prod)
# Build on Linux x64 with Node 24 (Azure Cloud Shell, WSL, or CI): the package carries native
# binaries (better-sqlite3's prebuilt Node-API module) that must match App Service's Linux.
#
# Usage: infra/deploy-code.sh <resource group> <app name>
set -euo pipefail
RG="${1:-}"; APP="${2:-}"
[[ -n "$RG" && -n "$APP" ]] || { echo "Usage: $0 <resource group> <app name>" >&2; exit 2; }
[[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] || { echo "Build on Linux x64 (Azure Cloud Shell, WSL or CI): App Service runs Linux x64." >&2; exit 2; }
[[ "$(node -p 'process.versions.node.split(".")[0]')" == 24 ]] || { echo "Use Node 24 LTS, as App Service runs (node --version says $(node --version))." >&2; exit 2; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cd "$ROOT"
npm ci --no-audit --no-fund
npm run build
cp -r dist package.json package-lock.json "$STAGE/"
(cd "$STAGE" && npm ci --omit=dev --no-audit --no-fund && zip -qr "$STAGE.zip" .)
echo "Package: $(du -h "$STAGE.zip" | cut -f1). Deploying to $APP..."
az webapp deploy --resource-group "$RG" --name "$APP" --src-path "$STAGE.zip" --type zip
rm -f "$STAGE.zip"

HOST="$(az webapp show --resource-group "$RG" --name "$APP" --query defaultHostName -o tsv)"
echo "Waiting for https://$HOST/readyz ..."
for _ in $(seq 1 30); do
  if curl -fsS "https://$HOST/readyz"; then echo; echo "Deployed and ready."; exit 0; fi
  sleep 10
done
echo "The app did not report ready within 5 minutes. See ADMIN.md, 'Troubleshooting' (az webapp log tail -g $RG -n $APP)." >&2
exit 1
