# ./herd fleet import --tenant T FILE: send each machine of a fleet file through the gateway as an enrolled agent would.
# One line per machine on stdout; progress (done/total, machines/s) on stderr every HERD_PROGRESS_SECONDS. The
# operator's token is renewed as the run goes (herd_api_token_renew), so a fleet of any size gets through.
herd_command() {
    local action=${1:-} tenant='' file='' work count=0 failed=0 total line index machine rc
    shift || true
    while [ $# -gt 0 ]; do
        case $1 in
            --tenant) tenant=${2:-}; shift 2 ;;
            -*) herd_error "unknown option $1"; exit 2 ;;
            *) file=$1; shift ;;
        esac
    done
    if [ "$action" != import ] || [ -z "$tenant" ] || [ -z "$file" ]; then
        herd_error "usage: ./herd fleet import --tenant T FILE   (FILE like ../shared/data/debian12/debian12-fleet.json)"
        exit 2
    fi
    [ -r "$file" ] || herd_die "cannot read fleet file $file"
    work=$(mktemp -d)
    trap "rm -rf '$work'" EXIT
    herd_fleet_split "$file" "$work" || herd_die "$file is not a fleet file (a JSON array of {machine, os, packages})"
    total=$(wc -l <"$work/index")
    herd_api_token_renew
    herd_progress_start "fleet import" "$total" machines
    while IFS=$'\t' read -r index machine; do
        count=$((count + 1))
        herd_api_token_renew
        line=$(herd_fleet_send "$tenant" "$machine" "$work/$index.json" "$HERD_API_TOKEN") && rc=0 || rc=$?
        if [ "$rc" -eq 3 ]; then
            # The token was refused (expired early, or Keycloak restarted): log in again and retry once.
            herd_api_token_renew --force
            line=$(herd_fleet_send "$tenant" "$machine" "$work/$index.json" "$HERD_API_TOKEN") && rc=0 || rc=$?
        fi
        if [ "$rc" -eq 0 ]; then
            herd_info "$line"
        else
            herd_error "$line"
            failed=$((failed + 1))
        fi
        herd_progress "$count"
    done <"$work/index"
    herd_progress_end "$count"
    herd_info "fleet import: $((count - failed)) of $count machines enrolled and reported for tenant $tenant, $failed failed"
    [ "$failed" -eq 0 ] || exit 1
}

# Writes WORK/N.json (the first report of machine N: sequence 1, FULL) and WORK/index (N TAB machine name).
herd_fleet_split() {
    python3 - "$1" "$2" <<'PY'
import collections, json, os, sys
fleet = json.load(open(sys.argv[1]))
if not isinstance(fleet, list):
    sys.exit(1)
with open(os.path.join(sys.argv[2], "index"), "w") as index:
    for n, entry in enumerate(fleet):
        name = str(entry["machine"])
        packages = [{"name": p["name"], "version": p["version"], "architecture": p.get("arch"),
                     "sourceName": p.get("source") or p["name"],
                     "sourceVersion": p.get("sourceVersion") or p["version"]} for p in entry["packages"]]
        arches = collections.Counter(p["architecture"] for p in packages if p["architecture"] not in (None, "all"))
        os_part = {"id": entry["os"]["id"], "versionId": entry["os"].get("versionId"),
                   "architecture": arches.most_common(1)[0][0] if arches else "amd64", "hostname": name}
        report = {"sequence": 1, "kind": "FULL",
                  "report": {"hostname": name, "os": os_part, "packages": packages,
                             # Fleet files name no addresses: each machine gets one of its own in 10.200.0.0/16.
                             "interfaces": [{"name": "eth0", "ipv4": ["10.200.%d.%d/16" % (n // 250, 1 + n % 250)],
                                             "ipv6": []}]}}
        with open(os.path.join(sys.argv[2], "%d.json" % n), "w") as out:
            json.dump(report, out)
        index.write("%d\t%s\n" % (n, name.replace("\t", " ").replace("\n", " ")))
PY
}

# Enrols MACHINE for TENANT with a fresh enrolment token and posts its first report; prints one line either way.
# Returns 3 when the operator's token was refused (HTTP 401), 1 on any other failure.
# A spent request budget (429) is retried after its Retry-After (curl --retry), like a timeout.
herd_fleet_send() {
    local tenant=$1 machine=$2 report=$3 token=$4 gateway answer status
    gateway=$(herd_gateway_url)
    local enrolment agent credential nonce
    answer=$(herd_gateway_curl -s --retry 5 -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"tenantId\":\"$(herd_json_escape "$tenant")\"}" "$gateway/api/enrolment-tokens" || true)
    status=${answer##*$'\n'}
    [ "$status" != 401 ] || { herd_fleet_failed "$machine" "enrolment token" "$status" "${answer%$'\n'*}"; return 3; }
    [ "$status" = 201 ] || { herd_fleet_failed "$machine" "enrolment token" "$status" "${answer%$'\n'*}"; return 1; }
    enrolment=$(herd_json_field token "${answer%$'\n'*}")
    answer=$(herd_gateway_curl -s --retry 5 -m 30 -w '\n%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"token\":\"$enrolment\",\"hostname\":\"$(herd_json_escape "$machine")\",\"machineId\":\"fleet-$(herd_json_escape "$machine")\"}" \
        "$gateway/agent/enrol" || true)
    status=${answer##*$'\n'}
    [ "$status" = 201 ] || { herd_fleet_failed "$machine" "enrolment" "$status" "${answer%$'\n'*}"; return 1; }
    agent=$(herd_json_field agentId "${answer%$'\n'*}")
    credential=$(herd_json_field credential "${answer%$'\n'*}")
    nonce="fleet-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    answer=$(herd_gateway_curl -s --retry 5 -m 60 -w '\n%{http_code}' -H "Authorization: Agent $credential" \
        -H "X-Herd-Timestamp: $(date +%s)" -H "X-Herd-Nonce: $nonce" -H 'Content-Type: application/json' \
        --data-binary "@$report" "$gateway/agent/reports" || true)
    status=${answer##*$'\n'}
    [ "$status" = 200 ] || { herd_fleet_failed "$machine" "report 1" "$status" "${answer%$'\n'*}"; return 1; }
    printf 'machine %s: enrolled as %s, report 1 %s\n' "$machine" "$agent" \
        "$( [ "$(herd_json_field status "${answer%$'\n'*}")" = accepted ] && echo stored || echo "already stored")"
}

herd_fleet_failed() {
    local detail
    detail=$(herd_json_field detail "$4")
    [ "$3" = 000 ] && detail="no answer from the gateway at $(herd_gateway_url) (is './herd up' running? its CA: $(herd_gateway_ca))"
    printf 'machine %s: %s failed (HTTP %s): %s\n' "$1" "$2" "$3" "${detail:-$4}"
}
