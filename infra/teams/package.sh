#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with the placeholders filled in, plus the two icons, zipped at the
# root of infra/teams/build/stepwise-teams.zip, ready for "Upload a custom app" or the Developer Portal.
#
#   MICROSOFT_APP_ID=<app registration's client id> BOT_DOMAIN=<public host> infra/teams/package.sh
#
# Required: MICROSOFT_APP_ID (a GUID: the Azure Bot's Microsoft App ID, also the Teams app id) and BOT_DOMAIN
# (the host Teams reaches the bot on, e.g. stepwise.example.com, without https:// or a path).
# Optional: APP_VERSION (default 1.0.0; raise it for every re-upload of a changed package), WEBSITE_URL (default
# https://$BOT_DOMAIN/), PRIVACY_URL and TERMS_URL (default WEBSITE_URL), OUT_DIR (default infra/teams/build).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fail() { echo "package.sh: $*" >&2; exit 1; }

app_id="${MICROSOFT_APP_ID:-}"
domain="${BOT_DOMAIN:-}"
[[ -n "$app_id" ]] || fail "set MICROSOFT_APP_ID to the app registration's Application (client) ID"
[[ -n "$domain" ]] || fail "set BOT_DOMAIN to the public host of the bot, e.g. stepwise.example.com"
[[ "$app_id" =~ ^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$ ]] \
    || fail "MICROSOFT_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000, not '$app_id'"
[[ "$domain" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] \
    || fail "BOT_DOMAIN must be a bare host name (no https://, port or path), not '$domain'"

version="${APP_VERSION:-1.0.0}"
website="${WEBSITE_URL:-https://$domain/}"
privacy="${PRIVACY_URL:-$website}"
terms="${TERMS_URL:-$website}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "APP_VERSION must look like 1.2.3, not '$version'"
for url in "$website" "$privacy" "$terms"; do
    [[ "$url" =~ ^https://[^[:space:]\"\\]+$ ]] || fail "website, privacy and terms URLs must be https:// URLs, not '$url'"
done

manifest="$(<"$here/manifest.json")"
substitute() { manifest="${manifest//"\${{$1}}"/"$2"}"; }
substitute MICROSOFT_APP_ID "$app_id"
substitute BOT_DOMAIN "$domain"
substitute APP_VERSION "$version"
substitute WEBSITE_URL "$website"
substitute PRIVACY_URL "$privacy"
substitute TERMS_URL "$terms"
if [[ "$manifest" == *'${{'* ]]; then
    fail "manifest.json has a placeholder this script doesn't fill: $(grep -o '\${{[A-Za-z_]*}}' <<<"$manifest" | head -1)"
fi

out_dir="${OUT_DIR:-$here/build}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
printf '%s\n' "$manifest" >"$staging/manifest.json"
cp "$here/color.png" "$here/outline.png" "$staging/"

zip_file="$out_dir/stepwise-teams.zip"
rm -f "$zip_file"
if command -v zip >/dev/null 2>&1; then
    (cd "$staging" && zip -q -X "$zip_file" manifest.json color.png outline.png)
elif command -v python3 >/dev/null 2>&1; then
    python3 - "$zip_file" "$staging" <<'PY'
import os, sys, zipfile
target, staging = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(os.path.join(staging, name), name)
PY
else
    fail "needs zip or python3 to write the package"
fi
echo "$zip_file"
