# Calling Herd's APIs from the launcher as an operator: a token for HERD_USER (default the demo MSSP admin).

HERD_USER="${HERD_USER:-herd-admin}"
HERD_PASSWORD="${HERD_PASSWORD:-demo}"

# Prints an access token for HERD_USER, or fails saying why.
herd_api_token() {
    local token
    token=$(herd_user_token "$HERD_USER" "$HERD_PASSWORD")
    [ -n "$token" ] || herd_die "cannot log in to Keycloak at http://localhost:$HERD_KEYCLOAK_PORT as $HERD_USER (is './herd up' running? HERD_USER/HERD_PASSWORD set?)"
    printf '%s\n' "$token"
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
