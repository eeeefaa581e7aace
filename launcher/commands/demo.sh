# ./herd demo [REPORTS]: against the running platform (./herd up), four providers push advisories, four new tenants
# (alpha-HHMMSS, bravo-, charlie-, delta-, one set per run) enrol five machines each and get protected, then alpha
# reports REPORTS (default 100) damage reports, each with a new signature; every step is printed as it happens. The
# last line is `damage→prevention: p50 N ms, p99 N ms over K reports`, measured from the flow's submission at alpha's
# gateway to the prevention rule in the rule bundle of the last of the other three tenants. Exit 1 when a step fails.
herd_command() {
    local reports=${1:-100} part
    [[ "$reports" =~ ^[1-9][0-9]*$ ]] || { herd_error "usage: ./herd demo [REPORTS]   (a positive number, default 100)"; exit 2; }
    for part in advisory-hub tenant-gateway provider-portal recovery-broker; do
        herd_health "$part" >/dev/null || herd_die "$part is not healthy: start the platform with ./herd up"
    done
    herd_require_java # the site lab's agents run on it
    herd_stop_lab # what an earlier demo, killed, may have left
    # the site lab's agents are sensors: conntrack for flows, tcpdump for the NFLOG of signature and canary rules
    if herd_alive site-router; then herd_apt_install conntrack tcpdump; fi
    HERD_HUB_PORT=$HERD_HUB_PORT HERD_GATEWAY_PORT=$HERD_GATEWAY_PORT HERD_PORTAL_PORT=$HERD_PORTAL_PORT \
        HERD_RECOVERY_PORT=$HERD_RECOVERY_PORT HERD_KEYCLOAK_PORT=$HERD_KEYCLOAK_PORT HERD_USER=$HERD_USER \
        HERD_ARTEMIS_CONSOLE_PORT=$HERD_ARTEMIS_CONSOLE_PORT HERD_SITE_ROUTER_PID="$(herd_alive site-router && herd_pid site-router || true)" \
        HERD_RUN="$HERD_RUN" HERD_AGENT_JAR="$(herd_agent_jar)" \
        HERD_GATEWAY_URL="$(herd_gateway_url)" HERD_GATEWAY_CA="$(herd_gateway_ca)" \
        HERD_TLS_ALLOW_PLAIN_HTTP=$HERD_TLS_ALLOW_PLAIN_HTTP \
        HERD_PASSWORD=$HERD_PASSWORD python3 "$HERD_ROOT/launcher/demo/demo.py" "$reports"
}
