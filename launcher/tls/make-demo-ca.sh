#!/usr/bin/env bash
# Makes a demo CA and a tenant-gateway certificate signed by it, with the JDK's keytool only, in DIR:
#   ca.p12          the CA's key pair (PKCS12), kept to sign again; never given to the gateway or agents
#   ca.pem          the CA certificate (PEM): what agents pin and what clients of the gateway trust
#   gateway.p12     the gateway's key and its chain [gateway, CA] (PKCS12): quarkus.tls.key-store.p12.path
#   truststore.p12  the JDK's own CAs plus the demo CA (PKCS12), for Java clients that take a trust store
#   ca.sha256       the CA's SHA-256 fingerprint (64 hex digits), as enrolment tokens carry it
# Every store's password is $HERD_TLS_PASSWORD (default herd-demo-tls). The gateway's certificate names localhost and
# 127.0.0.1 (plus $HERD_TLS_EXTRA_SAN, e.g. dns:gw.example,ip:10.0.0.5) and lasts $HERD_TLS_DAYS (825) days.
# Usage: make-demo-ca.sh DIR. Makes nothing when DIR/gateway.p12 exists already; exit 1 with keytool's words on failure.
set -euo pipefail

dir=${1:?usage: make-demo-ca.sh DIR}
password=${HERD_TLS_PASSWORD:-herd-demo-tls}
days=${HERD_TLS_DAYS:-825}
san="dns:localhost,ip:127.0.0.1${HERD_TLS_EXTRA_SAN:+,$HERD_TLS_EXTRA_SAN}"
keytool=keytool
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ] && keytool="$JAVA_HOME/bin/keytool"

[ -f "$dir/gateway.p12" ] && exit 0
mkdir -p "$dir"
work=$(mktemp -d "$dir/.make.XXXXXX")
trap 'rm -rf "$work"' EXIT

kt() {
    local out
    out=$("$keytool" "$@" -storetype PKCS12 -storepass "$password" 2>&1) \
        || { echo "make-demo-ca: keytool $1 failed: $out" >&2; exit 1; }
}

kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity "$days" -keystore "$work/ca.p12" \
    -dname "CN=Herd demo CA $(hostname -s 2>/dev/null || echo host) $(date +%Y%m%d%H%M%S)" \
    -ext bc:c=ca:true -ext ku:c=keyCertSign,cRLSign
kt -exportcert -rfc -alias ca -keystore "$work/ca.p12" -file "$work/ca.pem"
kt -genkeypair -alias gateway -keyalg EC -groupname secp256r1 -validity "$days" -keystore "$work/gateway.p12" \
    -dname "CN=localhost, OU=Herd tenant gateway"
kt -certreq -alias gateway -keystore "$work/gateway.p12" -file "$work/gateway.csr"
kt -gencert -alias ca -keystore "$work/ca.p12" -infile "$work/gateway.csr" -outfile "$work/gateway.crt" -rfc \
    -validity "$days" -ext "san=$san" -ext eku=serverAuth -ext ku:c=digitalSignature
kt -importcert -noprompt -alias ca -file "$work/ca.pem" -keystore "$work/gateway.p12"
kt -importcert -noprompt -alias gateway -file "$work/gateway.crt" -keystore "$work/gateway.p12"
# The CA stays in the gateway's chain (so the server sends it) but not as a second entry of the key store.
kt -delete -alias ca -keystore "$work/gateway.p12"

java_home=$(dirname "$(dirname "$(readlink -f "$(command -v "$keytool")")")")
if [ -f "$java_home/lib/security/cacerts" ]; then
    "$keytool" -importkeystore -srckeystore "$java_home/lib/security/cacerts" -srcstorepass changeit \
        -destkeystore "$work/truststore.p12" -deststoretype PKCS12 -deststorepass "$password" >/dev/null 2>&1
fi
kt -importcert -noprompt -alias herd-demo-ca -file "$work/ca.pem" -keystore "$work/truststore.p12"

"$keytool" -printcert -file "$work/ca.pem" | sed -n 's/^[[:space:]]*SHA256: //p' | head -1 | tr -d ':' \
    | tr 'A-F' 'a-f' >"$work/ca.sha256"
[ "$(wc -c <"$work/ca.sha256")" -eq 65 ] || { echo "make-demo-ca: cannot read the CA's SHA-256 fingerprint" >&2; exit 1; }
[ -s "$work/gateway.p12" ] && [ -s "$work/ca.pem" ] || { echo "make-demo-ca: keytool made no key store" >&2; exit 1; }

chmod 600 "$work/ca.p12" "$work/gateway.p12"
for f in ca.p12 ca.pem truststore.p12 ca.sha256 gateway.p12; do mv "$work/$f" "$dir/$f"; done
