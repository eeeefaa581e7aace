# ./herd tenants add NAME [--display-name TEXT]: register a tenant in the provider portal (as an MSSP admin).
herd_command() {
    local action=${1:-} id=${2:-} display='' token status body answer
    if [ "$action" != add ] || [ -z "$id" ]; then
        herd_error "usage: ./herd tenants add NAME [--display-name TEXT]   (NAME: 2-63 lower-case letters, digits, dashes)"
        exit 2
    fi
    shift 2
    while [ $# -gt 0 ]; do
        case $1 in
            --display-name) display=${2:-}; shift 2 ;;
            *) herd_error "unknown option $1"; exit 2 ;;
        esac
    done
    [ -n "$display" ] || display=$id
    token=$(herd_api_token)
    body="{\"id\":\"$(herd_json_escape "$id")\",\"displayName\":\"$(herd_json_escape "$display")\"}"
    answer=$(mktemp)
    status=$(curl -s -o "$answer" -w '%{http_code}' -m 30 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants" || true)
    body=$(cat "$answer"); rm -f "$answer"
    case $status in
        201) herd_info "registered tenant $id ($display)" ;;
        000) herd_die "tenant $id not registered: no answer from the portal at http://127.0.0.1:$HERD_PORTAL_PORT (is './herd up' running?)" ;;
        *) herd_die "tenant $id not registered (HTTP $status): $(herd_problem_text "$body")" ;;
    esac
}

# A problem body as one line: its detail, then each field error as 'field: message'.
