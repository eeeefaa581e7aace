# TLS between agents and the tenant gateway (docs/tenant-gateway.md#tls): a demo CA and the gateway's certificate,
# made once under $HERD_HOME/tls by launcher/tls/make-demo-ca.sh (keytool), and how launcher parts reach the gateway.

herd_tls_dir() { printf '%s/tls\n' "$HERD_HOME"; }

# The CA every client of the gateway trusts and every enrolment token pins.
herd_gateway_ca() { printf '%s/ca.pem\n' "$(herd_tls_dir)"; }

# The gateway's base URL for launcher parts: https, or http on HERD_GATEWAY_PLAIN_PORT when plain HTTP is allowed.
herd_gateway_url() {
    if [ "$HERD_TLS_ALLOW_PLAIN_HTTP" = true ]; then
        printf 'http://127.0.0.1:%s\n' "$HERD_GATEWAY_PLAIN_PORT"
    else
        printf 'https://127.0.0.1:%s\n' "$HERD_GATEWAY_PORT"
    fi
}

# Makes the demo CA and the gateway's certificate unless they exist (a second `up` keeps them, so enrolled agents keep
# trusting the gateway).
herd_tls_ensure() {
    [ -f "$(herd_tls_dir)/gateway.p12" ] && return 0
    herd_step "making a demo CA and the gateway's certificate in $(herd_tls_dir) (keytool)"
    JAVA_HOME="$JAVA_HOME" bash "$HERD_ROOT/launcher/tls/make-demo-ca.sh" "$(herd_tls_dir)" \
        || herd_die "cannot make the demo CA in $(herd_tls_dir)"
}

# The gateway's TLS settings: HTTPS on HERD_GATEWAY_PORT with .herd/tls/gateway.p12, the CA its tokens carry; plain
# HTTP (HERD_GATEWAY_PLAIN_PORT) only when HERD_TLS_ALLOW_PLAIN_HTTP=true, which the gateway then logs as a warning.
# PART is the gateway's instance (tenant-gateway, or tenant-gateway-2 with two replicas: its own ports).
herd_tls_gateway_options() {
    local part=${1:-tenant-gateway} dir insecure=disabled
    dir=$(herd_tls_dir)
    [ "$HERD_TLS_ALLOW_PLAIN_HTTP" = true ] && insecure=enabled
    printf '%s' "-Dquarkus.http.ssl-port=$(herd_instance_port "$part" "$HERD_GATEWAY_PORT")" \
        " -Dquarkus.http.port=$(herd_instance_port "$part" "$HERD_GATEWAY_PLAIN_PORT")" \
        " -Dquarkus.http.insecure-requests=$insecure -Dherd.tls.allow-plain-http=$HERD_TLS_ALLOW_PLAIN_HTTP" \
        " -Dquarkus.tls.key-store.p12.path=$dir/gateway.p12 -Dquarkus.tls.key-store.p12.password=herd-demo-tls" \
        " -Dherd.tls.ca-file=$dir/ca.pem"
}

# For Java clients of the gateway (the recovery broker, the benches): the JDK's CAs plus the demo CA.
herd_tls_java_trust() {
    printf '%s' "-Djavax.net.ssl.trustStore=$(herd_tls_dir)/truststore.p12 -Djavax.net.ssl.trustStorePassword=herd-demo-tls" \
        " -Djavax.net.ssl.trustStoreType=PKCS12"
}

# curl to the gateway: trusts the demo CA only.
herd_gateway_curl() { curl --cacert "$(herd_gateway_ca)" "$@"; }
