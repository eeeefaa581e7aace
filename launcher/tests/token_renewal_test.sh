#!/usr/bin/env bash
# Long CLI runs keep a usable token and show progress: `./herd fleet import` and `./herd advisories import` against
# launcher/tests/fake_platform.py, whose tokens expire after 2 s while the runs take longer. Once renewing by age
# (HERD_TOKEN_RENEW_SECONDS=1), once only after a 401 (renewal by age off). Exit 0 when every case holds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work=$(mktemp -d)
server=''
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
[ -z "${HERD_TEST_KEEP:-}" ] || trap - EXIT
failures=0
check() {
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

python3 "$here/fake_platform.py" "$work/port" 2 "$work/requests.log" &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
export HERD_HOME="$work/home" HERD_KEYCLOAK_PORT=$port HERD_GATEWAY_PORT=$port HERD_HUB_PORT=$port
# The stand-in platform speaks plain HTTP: this test is about token renewal, not TLS.
export HERD_TLS_ALLOW_PLAIN_HTTP=true HERD_GATEWAY_PLAIN_PORT=$port
export HERD_PROGRESS_SECONDS=1

python3 - "$work/fleet.json" "$work/advisories.json" <<'PY'
import json, sys
json.dump([{"machine": "m-%02d" % n, "os": {"id": "debian", "versionId": "12"},
            "packages": [{"name": "tar", "arch": "amd64", "version": "1.34+dfsg-1.2"}]} for n in range(25)],
          open(sys.argv[1], "w"))
json.dump([{"id": "TEST-%d" % n, "modified": "2026-01-01T00:00:00Z"} for n in range(30)], open(sys.argv[2], "w"))
PY

for mode in age 401; do
    : >"$work/requests.log"
    if [ "$mode" = age ]; then renew=1; else renew=100000; fi
    HERD_TOKEN_RENEW_SECONDS=$renew "$root/herd" fleet import --tenant t1 "$work/fleet.json" \
        >"$work/fleet.out" 2>"$work/fleet.err" && status=0 || status=$?
    check "fleet import ($mode): exit 0" [ "$status" -eq 0 ]
    check "fleet import ($mode): 25 machines stored" [ "$(grep -c "report 1 stored" "$work/fleet.out")" -eq 25 ]
    check "fleet import ($mode): logged in more than once" [ "$(grep -c '^login' "$work/requests.log")" -gt 1 ]
    check "fleet import ($mode): progress with the total" grep -q '^fleet import: [0-9]*/25 machines, [0-9.]*/s' "$work/fleet.err"
    check "fleet import ($mode): final progress 25/25" grep -q "^fleet import: 25/25 machines" "$work/fleet.err"
    if [ "$mode" = age ]; then
        check "fleet import (age): no request refused" [ "$(grep -c '^401' "$work/requests.log" || true)" -eq 0 ]
    else
        check "fleet import (401): refused tokens were renewed" [ "$(grep -c '^401' "$work/requests.log")" -gt 0 ]
    fi

    : >"$work/requests.log"
    HERD_TOKEN_RENEW_SECONDS=$renew HERD_IMPORT_BATCH=2 "$root/herd" advisories import --provider p \
        "$work/advisories.json" >"$work/advisories.out" 2>"$work/advisories.err" && status=0 || status=$?
    check "advisories import ($mode): exit 0" [ "$status" -eq 0 ]
    check "advisories import ($mode): 30 accepted, indexes 0..29 in the file" python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(0 if [l["index"] for l in lines] == list(range(30)) and all(l["status"] == "accepted" for l in lines) else 1)' \
        "$work/advisories.out"
    check "advisories import ($mode): logged in more than once" [ "$(grep -c '^login' "$work/requests.log")" -gt 1 ]
    check "advisories import ($mode): final progress 30/30" grep -q '^advisories import: 30/30 documents' "$work/advisories.err"
done

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
echo "token renewal and progress: all passed"
