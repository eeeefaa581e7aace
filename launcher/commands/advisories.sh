# ./herd advisories import --provider ID FILE...: send advisory files through the hub's push API (as an MSSP admin
# on the provider's behalf). A file holds one document or a JSON array of them; arrays go in batches of
# HERD_IMPORT_BATCH (default 500) documents, each with a token renewed as needed, and progress (done/total documents,
# documents/s) goes to stderr. Prints one JSON object per document on its own line: file, index (in the file),
# status (accepted|merged|unchanged|rejected), id, errors and warnings ({code, message}).
# Exit status 1 when any document was rejected.
# ./herd advisories epss FILE: imports FIRST.org's daily EPSS CSV (plain or .gz) through POST /api/epss and prints the
# hub's answer ({scored, modelVersion, scoreDate, advisoriesChanged}); a refused file prints the problem, exit 1.
herd_command() {
    local action=${1:-} provider='' file rejected=0 work total=0 done=0 count batch offset
    local files=()
    if [ "$action" = epss ]; then
        herd_advisories_epss "${2:-}"
        return
    fi
    [ "$action" = import ] || { herd_error "usage: ./herd advisories import --provider ID FILE... | epss FILE"; exit 2; }
    shift
    while [ $# -gt 0 ]; do
        case $1 in
            --provider) provider=${2:-}; shift 2 ;;
            -*) herd_error "unknown option $1"; exit 2 ;;
            *) files+=("$1"); shift ;;
        esac
    done
    [ -n "$provider" ] && [ ${#files[@]} -gt 0 ] || { herd_error "usage: ./herd advisories import --provider ID FILE..."; exit 2; }
    mkdir -p "$HERD_LOGS"
    work=$(mktemp -d)
    trap "rm -rf '$work'" EXIT
    # Split every readable file first, so that progress knows the total.
    for ((n = 0; n < ${#files[@]}; n++)); do
        [ -r "${files[n]}" ] || continue
        mkdir -p "$work/$n"
        count=$(herd_advisories_split "${files[n]}" "$work/$n" "${HERD_IMPORT_BATCH:-500}") || count=''
        if [ -z "$count" ]; then
            # Not a JSON array (one document, or not JSON at all): sent whole, the hub says what it is.
            rm -f "$work/$n"/batch-*
            cp "${files[n]}" "$work/$n/batch-0.json"
            count=1
        fi
        echo "$count" >"$work/$n/count"
        total=$((total + count))
    done
    herd_progress_start "advisories import" "$total" documents
    for ((n = 0; n < ${#files[@]}; n++)); do
        file=${files[n]}
        if [ ! -r "$file" ]; then
            printf '{"file":"%s","status":"rejected","errors":[{"code":"file-unreadable","message":"cannot read %s"}],"warnings":[]}\n' \
                "$(herd_json_escape "$file")" "$(herd_json_escape "$file")"
            rejected=1
            continue
        fi
        offset=0
        for ((batch = 0; ; batch++)); do
            [ -f "$work/$n/batch-$batch.json" ] || break
            herd_advisories_push "$provider" "$file" "$work/$n/batch-$batch.json" "$offset" || rejected=1
            count=$(cat "$work/$n/batch-$batch.count" 2>/dev/null || cat "$work/$n/count")
            offset=$((offset + count))
            done=$((done + count))
            herd_progress "$done"
        done
    done
    herd_progress_end "$done"
    return $rejected
}

# Writes DIR/batch-K.json (at most SIZE documents each) and DIR/batch-K.count from a file holding a JSON array; prints
# the number of documents. Fails (printing nothing) when the file is not a JSON array.
herd_advisories_split() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, os, sys
try:
    documents = json.load(open(sys.argv[1]))
except ValueError:
    sys.exit(1)
if not isinstance(documents, list):
    sys.exit(1)
size = max(1, int(sys.argv[3]))
for k, start in enumerate(range(0, max(len(documents), 1), size)):
    part = documents[start:start + size]
    with open(os.path.join(sys.argv[2], "batch-%d.json" % k), "w") as out:
        json.dump(part, out)
    with open(os.path.join(sys.argv[2], "batch-%d.count" % k), "w") as out:
        out.write("%d\n" % len(part))
print(len(documents))
PY
}

# Pushes one batch of FILE; prints its documents' lines with their index in FILE (the batch starts at OFFSET).
# Renews the token when it is old, and once more when the hub refuses it. Returns 1 when any document was rejected.
herd_advisories_push() {
    local provider=$1 file=$2 batch=$3 offset=$4 out="$HERD_LOGS/cli-import-response" status line rejected=0 name
    name=$(herd_json_escape "$file")
    herd_api_token_renew
    status=$(herd_advisories_post "$provider" "$batch" "$out")
    if [ "$status" = 401 ]; then
        herd_api_token_renew --force
        status=$(herd_advisories_post "$provider" "$batch" "$out")
    fi
    if [ "$status" = 200 ]; then
        while IFS= read -r line; do
            [ -n "$line" ] || continue
            if [[ $line =~ ^\{\"index\":([0-9]+)(.*)$ ]]; then
                line="{\"index\":$((BASH_REMATCH[1] + offset))${BASH_REMATCH[2]}"
            fi
            printf '{"file":"%s",%s\n' "$name" "${line#\{}"
            case $line in *'"status":"rejected"'*) rejected=1 ;; esac
        done <"$out"
        return $rejected
    fi
    local problem code detail
    problem=$(cat "$out" 2>/dev/null || true)
    code=$(herd_json_field code "$problem")
    detail=$(herd_json_field detail "$problem")
    [ "$status" = 000 ] && detail="no answer from the hub at http://127.0.0.1:$HERD_HUB_PORT (is './herd up' running?)"
    printf '{"file":"%s","status":"rejected","errors":[{"code":"%s","message":"%s"}],"warnings":[]}\n' \
        "$name" "${code:-http-$status}" "$(herd_json_escape "${detail:-HTTP $status}")"
    return 1
}

herd_advisories_post() {
    curl -s -o "$3" -w '%{http_code}' -m 3600 -H "Authorization: Bearer $HERD_API_TOKEN" \
        -H 'Content-Type: application/json' -H 'Accept: application/x-ndjson' --data-binary "@$2" \
        "http://127.0.0.1:$HERD_HUB_PORT/api/advisories?provider=$1" || true
}

# Sends one EPSS file to the hub as it is (the hub tells gzip from plain text); prints the answer or the problem.
herd_advisories_epss() {
    local file=$1 out="$HERD_LOGS/cli-epss-response" status type=text/csv
    [ -n "$file" ] || { herd_error "usage: ./herd advisories epss FILE"; exit 2; }
    [ -r "$file" ] || { herd_error "cannot read $file"; exit 1; }
    case $file in *.gz) type=application/gzip ;; esac
    mkdir -p "$HERD_LOGS"
    herd_api_token_renew
    status=$(curl -s -o "$out" -w '%{http_code}' -m 3600 -H "Authorization: Bearer $HERD_API_TOKEN" \
        -H "Content-Type: $type" --data-binary "@$file" "http://127.0.0.1:$HERD_HUB_PORT/api/epss" || true)
    [ "$status" = 000 ] && { herd_error "no answer from the hub at http://127.0.0.1:$HERD_HUB_PORT (is './herd up' running?)"; return 1; }
    cat "$out"
    echo
    [ "$status" = 200 ]
}
