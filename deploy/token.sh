#!/usr/bin/env bash
# Prints a bearer token for a demo account of the local OpenID Connect provider that ./deploy/run.sh starts, alone on
# its last line:   TOKEN=$(./deploy/token.sh admin)
# It uses the OAuth2 client-credentials grant: each demo account is a client whose secret is the demo secret kept in
# the data folder (readable by you only). Run it with the same LAB_DATA_DIR as run.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${LAB_DATA_DIR:-.data}"
case "$DATA_DIR" in /*) ;; *) DATA_DIR="$ROOT/$DATA_DIR" ;; esac
AUTH_DIR="$DATA_DIR/auth-server"
ACCOUNTS="$AUTH_DIR/accounts.txt"

if [ ! -f "$AUTH_DIR/demo-secret" ] || [ ! -f "$ACCOUNTS" ]; then
    echo "No local authorization server data in $AUTH_DIR: start the lab with ./deploy/run.sh first." >&2
    exit 1
fi
account="${1:-}"
if [ -z "$account" ] || ! awk -v a="$account" '$1 == a { found = 1 } END { exit !found }' "$ACCOUNTS"; then
    [ -z "$account" ] && echo "Usage: ./deploy/token.sh <account>" >&2 || echo "Unknown account '$account'." >&2
    echo "Demo accounts (name, role, territories):" >&2
    sed 's/^/  /' "$ACCOUNTS" >&2
    exit 2
fi

ISSUER="${AUTH_SERVER_URL:-$(cat "$AUTH_DIR/issuer")}"
# The secret goes to curl on its standard input, not on its command line (which other users may see).
if ! response="$(printf 'user = "%s:%s"\n' "$account" "$(cat "$AUTH_DIR/demo-secret")" |
        curl -sS -K - -d grant_type=client_credentials -w '\n%{http_code}' "$ISSUER/oauth2/token")"; then
    echo "The authorization server does not answer at $ISSUER: is ./deploy/run.sh running?" >&2
    exit 1
fi
status="${response##*$'\n'}"
body="${response%$'\n'*}"
token="$(printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
if [ "$status" != 200 ] || [ -z "$token" ]; then
    echo "The authorization server at $ISSUER refused a token for '$account' ($status): $body" >&2
    exit 1
fi
echo "$token"
