#!/usr/bin/env bash
# `./herd sbom import` against launcher/tests/fake_platform.py: a machine's and an application's SBOM reach the
# portal's two paths (names percent-encoded) with the operator's token, a refused document prints the problem and
# exits 1, and bad usage exits 2. Exit 0 when every case holds.
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
failures=0
check() {
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

python3 "$here/fake_platform.py" "$work/port" 600 "$work/requests.log" &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
export HERD_HOME="$work/home" HERD_KEYCLOAK_PORT=$port HERD_PORTAL_PORT=$port

sbom="$root/provider-portal/src/test/resources/sbom/order-service-log4j-2.14.1.cdx.json"
"$root/herd" sbom import --tenant acme --machine web-01 "$sbom" >"$work/machine.out" 2>"$work/machine.err" \
    && status=0 || status=$?
check "machine SBOM: exit 0" [ "$status" -eq 0 ]
check "machine SBOM: the portal's answer printed" grep -q '"components":6' "$work/machine.out"
check "machine SBOM: posted to the machine's path as JSON" grep -q '^sbom acme machines web-01 application/json$' \
    "$work/requests.log"

"$root/herd" sbom import --tenant acme --application 'shop@2' "$sbom" >"$work/app.out" 2>"$work/app.err" \
    && status=0 || status=$?
check "application SBOM: exit 0" [ "$status" -eq 0 ]
check "application SBOM: name percent-encoded in the path" grep -q '^sbom acme applications shop%402 ' \
    "$work/requests.log"

printf 'not json' >"$work/bad.json"
"$root/herd" sbom import --tenant acme --machine web-01 "$work/bad.json" >"$work/bad.out" 2>"$work/bad.err" \
    && status=0 || status=$?
check "refused document: exit 1" [ "$status" -eq 1 ]
check "refused document: the problem's detail" grep -q 'HTTP 400.*not a JSON document' "$work/bad.err"

"$root/herd" sbom import --tenant acme --machine web-01 --application shop "$sbom" >/dev/null 2>&1 \
    && status=0 || status=$?
check "machine and application together: exit 2" [ "$status" -eq 2 ]
"$root/herd" sbom import --tenant acme "$sbom" >/dev/null 2>&1 && status=0 || status=$?
check "neither machine nor application: exit 2" [ "$status" -eq 2 ]
"$root/herd" sbom import --tenant acme --machine web-01 "$work/missing.json" >/dev/null 2>&1 && status=0 || status=$?
check "unreadable file: exit 1" [ "$status" -eq 1 ]

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
echo "sbom import: all passed"
