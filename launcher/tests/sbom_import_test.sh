#!/usr/bin/env bash
# `./herd sbom import` against launcher/tests/fake_platform.py: a machine's and an application's SBOM reach the
# portal's two paths (names percent-encoded) with the operator's token, CycloneDX XML and SPDX tag-value go with their
# own Content-Type (by the file's name, or sniffed from its content), a refused document prints the problem and exits
# 1, and bad usage exits 2. Exit 0 when every case holds.
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

resources="$root/provider-portal/src/test/resources/sbom"
"$root/herd" sbom import --tenant acme --machine web-01 "$resources/order-service-log4j-2.14.1.cdx.xml" \
    >"$work/xml.out" 2>"$work/xml.err" && status=0 || status=$?
check "CycloneDX XML (.cdx.xml): exit 0" [ "$status" -eq 0 ]
check "CycloneDX XML: the portal's answer printed" grep -q '"format":"CYCLONEDX","components":6' "$work/xml.out"
check "CycloneDX XML: posted as application/vnd.cyclonedx+xml" \
    grep -q '^sbom acme machines web-01 application/vnd.cyclonedx+xml$' "$work/requests.log"

"$root/herd" sbom import --tenant acme --application shop "$resources/order-service-log4j-2.14.1.spdx" \
    >"$work/spdx.out" 2>"$work/spdx.err" && status=0 || status=$?
check "SPDX tag-value (.spdx): exit 0" [ "$status" -eq 0 ]
check "SPDX tag-value: the portal's answer printed" grep -q '"format":"SPDX","components":7' "$work/spdx.out"
check "SPDX tag-value: posted as text/spdx" grep -q '^sbom acme applications shop text/spdx$' "$work/requests.log"

# names that tell nothing: the content decides
cp "$resources/order-service-log4j-2.17.1.cdx.xml" "$work/bom-xml.txt"
{ printf '# made by hand\n\n'; cat "$resources/order-service-log4j-2.17.1.spdx"; } >"$work/bom-tag-value.txt"
cp "$resources/order-service-log4j-2.17.1.spdx.json" "$work/bom-json"
for sniffed in bom-xml.txt:application/vnd.cyclonedx+xml bom-tag-value.txt:text/spdx bom-json:application/json; do
    "$root/herd" sbom import --tenant acme --application "${sniffed%%:*}" "$work/${sniffed%%:*}" >/dev/null 2>&1 \
        && status=0 || status=$?
    check "${sniffed%%:*} sniffed: exit 0" [ "$status" -eq 0 ]
    check "${sniffed%%:*} sniffed: posted as ${sniffed#*:}" \
        grep -q "^sbom acme applications ${sniffed%%:*} ${sniffed#*:}\$" "$work/requests.log"
done

printf '<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components>' >"$work/bad.cdx.xml"
"$root/herd" sbom import --tenant acme --machine web-01 "$work/bad.cdx.xml" >"$work/badxml.out" 2>"$work/badxml.err" \
    && status=0 || status=$?
check "refused XML: exit 1" [ "$status" -eq 1 ]
check "refused XML: the problem's detail" grep -q 'HTTP 400.*not a well-formed XML document' "$work/badxml.err"

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
