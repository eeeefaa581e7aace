# ./herd providers add ID --tier N [--name NAME]: register an advisory provider with the hub (as an MSSP admin).
herd_command() {
    local action=${1:-} id=${2:-} tier='' name='' token status body
    if [ "$action" != add ] || [ -z "$id" ]; then
        herd_error "usage: ./herd providers add ID --tier N [--name NAME]   (tier 1 least to 5 most trusted)"
        exit 2
    fi
    shift 2
    while [ $# -gt 0 ]; do
        case $1 in
            --tier) tier=${2:-}; shift 2 ;;
            --name) name=${2:-}; shift 2 ;;
            *) herd_error "unknown option $1"; exit 2 ;;
        esac
    done
    [[ "$tier" =~ ^[0-9]+$ ]] || { herd_error "--tier N is required (1 least to 5 most trusted)"; exit 2; }
    token=$(herd_api_token)
    body="{\"id\":\"$(herd_json_escape "$id")\",\"trustTier\":$tier"
    [ -n "$name" ] && body="$body,\"displayName\":\"$(herd_json_escape "$name")\""
    body="$body}"
    status=$(curl -s -o "$HERD_LOGS/cli-last-response.json" -w '%{http_code}' -m 30 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$HERD_HUB_PORT/api/providers")
    case $status in
        201) herd_info "registered provider $id (tier $tier)" ;;
        *) herd_die "provider $id not registered (HTTP $status): $(herd_json_field detail "$(cat "$HERD_LOGS/cli-last-response.json")")" ;;
    esac
}
