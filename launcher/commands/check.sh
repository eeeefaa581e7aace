# ./herd check debian12 [--tenant T]: end-to-end check against the running platform (./herd up). Imports the Debian 12
# sample advisories through the hub (provider debian12-sample), registers a fresh tenant (or T), imports the sample
# fleet through the gateway, waits until the portal's findings settle, and compares them with debian12-dev-truth.json:
# every (machine, advisory, package) pair with its installed and fixed versions. Exit 0 only when they are equal.
herd_command() {
    local what=${1:-} tenant="truth-$(date +%s)"
    shift || true
    while [ $# -gt 0 ]; do
        case $1 in
            --tenant) tenant=${2:-}; shift 2 ;;
            *) herd_error "unknown option $1"; exit 2 ;;
        esac
    done
    [ "$what" = debian12 ] || { herd_error "usage: ./herd check debian12 [--tenant T]"; exit 2; }
    local data="$HERD_ROOT/../shared/data/debian12"
    [ -r "$data/debian12-dev-truth.json" ] || data="$HERD_ROOT/testdata/shared-data/debian12"
    local part
    for part in advisory-hub tenant-gateway provider-portal; do
        herd_health "$part" >/dev/null || herd_die "$part is not healthy: start the platform with ./herd up"
    done
    local work token
    work=$(mktemp -d)
    trap "rm -rf '$work'" EXIT
    token=$(herd_api_token)

    herd_step "provider debian12-sample (tier 3) and its 2,880 advisories, through the hub"
    herd_api_post "$token" "http://127.0.0.1:$HERD_HUB_PORT/api/providers" \
        '{"id":"debian12-sample","displayName":"Debian 12 sample advisories","trustTier":3}'
    "$HERD_ROOT/herd" advisories import --provider debian12-sample "$data/debian12-dev-osv.json" >"$work/import.ndjson" \
        || herd_die "advisory import failed: $(grep -v '"accepted"\|"merged"\|"unchanged"' "$work/import.ndjson" | head -3)"
    herd_info "$(python3 -c 'import collections,json,sys; print(dict(collections.Counter(json.loads(l)["status"] for l in open(sys.argv[1]))))' "$work/import.ndjson")"

    herd_step "tenant $tenant and the sample fleet (40 machines), through the gateway"
    herd_api_post "$token" "http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants" "{\"id\":\"$tenant\",\"displayName\":\"Debian 12 truth check\"}"
    "$HERD_ROOT/herd" fleet import --tenant "$tenant" "$data/debian12-fleet.json" >"$work/fleet.log" 2>&1 \
        || herd_die "fleet import failed: $(tail -3 "$work/fleet.log")"

    herd_step "waiting for the portal's findings of $tenant to settle"
    local last=-1 count stable=0 waited=0
    while [ "$stable" -lt 3 ]; do
        sleep 3
        herd_api_token_renew
        waited=$((waited + 3))
        [ "$waited" -le 600 ] || herd_die "findings still changing after 600 s (last count $last)"
        count=$(curl -s -G -D - -o /dev/null -m 30 -H "Authorization: Bearer $HERD_API_TOKEN" \
            --data-urlencode size=1 --data-urlencode total=exact \
            "http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants/$tenant/findings" \
            | sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: *\([0-9]*\).*/\1/p')
        count=${count:-0}
        if [ "$count" -gt 0 ] && [ "$count" = "$last" ]; then stable=$((stable + 1)); else stable=0; fi
        last=$count
        herd_info "  $count findings after ${waited} s"
    done

    herd_step "comparing with $(basename "$data")/debian12-dev-truth.json"
    "$HERD_ROOT/herd" findings --tenant "$tenant" --json >"$work/findings.json" || herd_die "could not read the findings"
    python3 - "$work/findings.json" "$data/debian12-dev-truth.json" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))
truth = json.load(open(sys.argv[2]))
def key(machine, advisory, package, installed, fixed):
    return (machine, advisory, package, installed, fixed or "")
expected = {key(t["machine"], t["advisory"], t["package"], t["installed"], t.get("fixed")) for t in truth}
actual = {key(f["machine"], f["sourceDocument"], f["package"], f["installed"], f.get("fixed")) for f in findings}
missing, extra = sorted(expected - actual), sorted(actual - expected)
print("debian12 truth: %d expected, %d found, %d missing, %d extra" % (len(expected), len(findings), len(missing), len(extra)))
for label, rows in (("missing", missing), ("extra", extra)):
    for row in rows[:10]:
        print("  %s %s" % (label, " ".join(row)))
sys.exit(0 if not missing and not extra and len(findings) == len(expected) else 1)
PY
}
