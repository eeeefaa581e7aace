# Calling Herd's APIs from the launcher as an operator: a token for HERD_USER (default the demo MSSP admin).

HERD_USER="${HERD_USER:-herd-admin}"
HERD_PASSWORD="${HERD_PASSWORD:-demo}"
# Keycloak's access tokens last 600 s; long runs log in again when theirs is older than this.
HERD_TOKEN_RENEW_SECONDS="${HERD_TOKEN_RENEW_SECONDS:-240}"
HERD_API_TOKEN=''
HERD_API_TOKEN_AT=0

# Prints an access token for HERD_USER, or fails saying why.
herd_api_token() {
    local token
    token=$(herd_user_token "$HERD_USER" "$HERD_PASSWORD")
    [ -n "$token" ] || herd_die "cannot log in to Keycloak at http://localhost:$HERD_KEYCLOAK_PORT as $HERD_USER (is './herd up' running? HERD_USER/HERD_PASSWORD set?)"
    printf '%s\n' "$token"
}

# Keeps HERD_API_TOKEN usable in a long run: logs in again when it is older than HERD_TOKEN_RENEW_SECONDS, or
# whatever its age with --force (after a 401). Call it in the loop's own shell, not inside $(...), so that the new
# token outlives the call; then use "$HERD_API_TOKEN".
herd_api_token_renew() {
    if [ "${1:-}" = --force ] || [ -z "$HERD_API_TOKEN" ] \
        || [ $((SECONDS - HERD_API_TOKEN_AT)) -ge "$HERD_TOKEN_RENEW_SECONDS" ]; then
        HERD_API_TOKEN=$(herd_api_token) || exit 1
        HERD_API_TOKEN_AT=$SECONDS
    fi
}

# POSTs a JSON body as the operator; 2xx and 409 (already there) are fine, anything else ends the command.
herd_api_post() {
    local token=$1 url=$2 body=$3 status
    mkdir -p "$HERD_LOGS"
    status=$(curl -s -o "$HERD_LOGS/api-last-response.json" -w '%{http_code}' -m 30 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "$url" || true)
    case $status in
        2??|409) ;;
        *) herd_die "POST $url answered $status: $(herd_problem_text "$(cat "$HERD_LOGS/api-last-response.json")")" ;;
    esac
}

# Escapes a string for use inside a JSON string literal.
herd_json_escape() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    printf '%s' "$s"
}

# The value of a top-level string field in a small JSON object (problem bodies), or nothing.
herd_json_field() {
    printf '%s' "$2" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n 1
}

# The detail of an RFC 9457 problem body (and its field errors), for error messages.
herd_problem_text() {
    printf '%s' "$1" | python3 -c '
import json, sys
try:
    p = json.load(sys.stdin)
except ValueError:
    print("(no problem detail in the answer)"); sys.exit()
errors = "; ".join("%s: %s" % (e.get("field"), e.get("message")) for e in p.get("errors") or [])
print((p.get("detail") or p.get("title") or "") + (" (" + errors + ")" if errors else ""))'
}
