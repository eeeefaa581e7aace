# ./herd advisories import --provider ID FILE...: send advisory files through the hub's push API (as an MSSP admin
# on the provider's behalf). A file holds one document or a JSON array of them. Prints one JSON object per document
# on its own line: file, index, status (accepted|merged|unchanged|rejected), id, errors and warnings ({code, message}).
# Exit status 1 when any document was rejected.
herd_command() {
    local action=${1:-} provider='' token file status out line rejected=0
    local files=()
    [ "$action" = import ] || { herd_error "usage: ./herd advisories import --provider ID FILE..."; exit 2; }
    shift
    while [ $# -gt 0 ]; do
        case $1 in
            --provider) provider=${2:-}; shift 2 ;;
            -*) herd_error "unknown option $1"; exit 2 ;;
            *) files+=("$1"); shift ;;
        esac
    done
    [ -n "$provider" ] && [ ${#files[@]} -gt 0 ] || { herd_error "usage: ./herd advisories import --provider ID FILE..."; exit 2; }
    token=$(herd_api_token)
    mkdir -p "$HERD_LOGS"
    out="$HERD_LOGS/cli-import-response"
    for file in "${files[@]}"; do
        local name
        name=$(herd_json_escape "$file")
        if [ ! -r "$file" ]; then
            printf '{"file":"%s","status":"rejected","errors":[{"code":"file-unreadable","message":"cannot read %s"}],"warnings":[]}\n' "$name" "$name"
            rejected=1
            continue
        fi
        status=$(curl -s -o "$out" -w '%{http_code}' -m 3600 -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -H 'Accept: application/x-ndjson' --data-binary "@$file" \
            "http://127.0.0.1:$HERD_HUB_PORT/api/advisories?provider=$provider")
        if [ "$status" = 200 ]; then
            while IFS= read -r line; do
                [ -n "$line" ] || continue
                printf '{"file":"%s",%s\n' "$name" "${line#\{}"
                case $line in *'"status":"rejected"'*) rejected=1 ;; esac
            done <"$out"
        else
            local problem code detail
            problem=$(cat "$out")
            code=$(herd_json_field code "$problem")
            detail=$(herd_json_field detail "$problem")
            printf '{"file":"%s","status":"rejected","errors":[{"code":"%s","message":"%s"}],"warnings":[]}\n' \
                "$name" "${code:-http-$status}" "$(herd_json_escape "${detail:-HTTP $status}")"
            rejected=1
        fi
    done
    return $rejected
}
