# ./herd findings --tenant T [--json] [--machine NAME] [--closed]: the tenant's findings from the portal. --json prints
# one JSON array with an object per (machine, advisory, package): machine, package (the source package on Debian),
# installed, fixed, advisory, aliases, sourceDocument, action, state, source (INVENTORY or SBOM; an application's SBOM
# findings show app:NAME as machine). Without --json, a table. Open findings only
# unless --closed (then closed ones too). Runs as HERD_USER (default the MSSP admin). Follows the list's cursor
# (X-Next-Cursor, docs/findings-api.md) page by page until the last.
herd_command() {
    local tenant='' json=false machine='' closed=false page=0 size=1000 status cursor='' total dir
    while [ $# -gt 0 ]; do
        case $1 in
            --tenant) tenant=${2:-}; shift 2 ;;
            --machine) machine=${2:-}; shift 2 ;;
            --json) json=true; shift ;;
            --closed) closed=true; shift ;;
            *) herd_error "unknown option $1"; herd_findings_usage; exit 2 ;;
        esac
    done
    [ -n "$tenant" ] || { herd_findings_usage; exit 2; }
    dir=$(mktemp -d)
    trap "rm -rf '$dir'" EXIT
    herd_progress_start "findings of $tenant" 0 read
    while :; do
        herd_api_token_renew
        status=$(curl -s -G -o "$dir/page-$page.json" -D "$dir/headers" -w '%{http_code}' -m 300 \
            -H "Authorization: Bearer $HERD_API_TOKEN" ${cursor:+--data-urlencode "cursor=$cursor"} --data-urlencode "size=$size" \
            --data-urlencode "includeClosed=$closed" ${machine:+--data-urlencode "machine=$machine"} \
            "http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants/$tenant/findings" || true)
        case $status in
            200) ;;
            000) herd_die "no answer from the portal at http://127.0.0.1:$HERD_PORTAL_PORT (is './herd up' running?)" ;;
            *) herd_die "findings of tenant $tenant not read (HTTP $status): $(herd_problem_text "$(cat "$dir/page-$page.json")")" ;;
        esac
        cursor=$(sed -n 's/^[Xx]-[Nn]ext-[Cc]ursor: *\([A-Za-z0-9_-]*\).*/\1/p' "$dir/headers")
        total=$(sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: *\([0-9]*\).*/\1/p' "$dir/headers")
        page=$((page + 1))
        [ -n "$cursor" ] || break
        herd_progress_total "${total:-0}"
        herd_progress $((page * size))
    done
    python3 - "$json" "$dir" "$page" <<'PY'
import json, sys
as_json, folder, pages = sys.argv[1] == "true", sys.argv[2], int(sys.argv[3])
findings = []
for n in range(pages):
    with open("%s/page-%d.json" % (folder, n)) as f:
        findings.extend(json.load(f))
def subject(f):
    # SBOM findings of an application have no machine (docs/sbom.md)
    return f.get("machine") or ("app:" + f["application"] if f.get("application") else "-")
rows = [{"machine": subject(f), "source": f.get("source", "INVENTORY"), "package": f["package"], "installed": f["installed"], "fixed": f.get("fixed"),
         "advisory": f["advisory"], "aliases": f.get("aliases") or [], "sourceDocument": f.get("sourceDocument"),
         "action": f["action"], "state": f["state"]} for f in findings]
if as_json:
    json.dump(rows, sys.stdout, indent=1)
    sys.stdout.write("\n")
else:
    print("%-20s %-22s %-26s %-26s %-20s %-20s %s" % ("MACHINE", "PACKAGE", "INSTALLED", "FIXED", "ADVISORY", "ACTION", "STATE"))
    for r in rows:
        print("%-20s %-22s %-26s %-26s %-20s %-20s %s" % (r["machine"], r["package"], r["installed"], r["fixed"] or "-",
                                                       r["advisory"], r["action"], r["state"]))
    print("%d findings" % len(rows), file=sys.stderr)
PY
}

herd_findings_usage() {
    herd_error "usage: ./herd findings --tenant T [--json] [--machine NAME] [--closed]"
}
