# ./herd up [--replicas 1|2]: start the whole platform on this machine with the demo data, then print where
# everything is. With --replicas 2: two instances each of the hub, the gateway and the portal behind a load balancer,
# and two clustered Artemis nodes (launcher/lib/replicas.sh, docs/replicas.md).
herd_command() {
    local started=$SECONDS part missing=0
    herd_require_java
    mkdir -p "$HERD_HOME" "$HERD_RUN" "$HERD_LOGS"
    herd_up_replicas "$@"

    for part in "${HERD_SERVICES[@]}"; do [ -f "$(herd_service_jar "$part")" ] || missing=1; done
    [ -f "$(herd_agent_jar)" ] || missing=1
    if [ $missing -eq 1 ]; then
        source "$HERD_ROOT/launcher/commands/build.sh"
        herd_command
    fi

    herd_up_check_ports
    herd_up_parts postgres
    if [ "$(herd_replicas)" = 2 ]; then herd_up_parts artemis artemis-2 keycloak; else herd_up_parts artemis keycloak; fi
    herd_start_site_router
    herd_up_parts "${HERD_SERVICES[@]}"
    [ "$(herd_replicas)" = 1 ] || herd_up_parts balancer
    herd_up_parts agent

    herd_step "loading demo data"
    herd_demo_load
    herd_up_summary $((SECONDS - started))
}

# --replicas N (1 or 2; default: what the running platform has, else 1). A running platform keeps its count.
herd_up_replicas() {
    local wanted=''
    while [ $# -gt 0 ]; do
        case $1 in
            --replicas) [ $# -ge 2 ] || herd_die "usage: ./herd up [--replicas 1|2]"; wanted=$2; shift 2 ;;
            --replicas=*) wanted=${1#--replicas=}; shift ;;
            *) herd_error "unknown argument '$1'"; herd_die "usage: ./herd up [--replicas 1|2]" ;;
        esac
    done
    [ -n "$wanted" ] || wanted=$(herd_replicas)
    [[ "$wanted" =~ ^[12]$ ]] || herd_die "--replicas takes 1 or 2, not '$wanted'"
    if [ "$wanted" != "$(herd_replicas)" ] && herd_alive postgres; then
        herd_die "the running platform has $(herd_replicas) replica(s); './herd down' first to start it with $wanted"
    fi
    herd_replicas_set "$wanted"
}

# Before anything starts: every port of a part that is not running yet must be free; the gateway's plain HTTP port
# too when HERD_TLS_ALLOW_PLAIN_HTTP=true (otherwise the gateway serves HTTPS only and does not open it).
herd_up_check_ports() {
    local entry part port variable plain=() replicated=() instance
    [ "$HERD_TLS_ALLOW_PLAIN_HTTP" = true ] \
        && plain=("tenant-gateway $HERD_GATEWAY_PLAIN_PORT HERD_GATEWAY_PLAIN_PORT")
    if [ "$(herd_replicas)" = 2 ]; then
        replicated=("artemis-2 $HERD_ARTEMIS_2_PORT HERD_ARTEMIS_2_PORT"
            "artemis-2 $HERD_ARTEMIS_2_CONSOLE_PORT HERD_ARTEMIS_2_CONSOLE_PORT")
        for instance in advisory-hub advisory-hub-2 tenant-gateway tenant-gateway-2 provider-portal provider-portal-2; do
            replicated+=("$instance $(herd_service_port "$instance") HERD_REPLICA_PORT_STEP")
        done
    fi
    for entry in "postgres $HERD_PG_PORT HERD_PG_PORT" \
        "artemis $HERD_ARTEMIS_PORT HERD_ARTEMIS_PORT" "artemis $HERD_ARTEMIS_CONSOLE_PORT HERD_ARTEMIS_CONSOLE_PORT" \
        "keycloak $HERD_KEYCLOAK_PORT HERD_KEYCLOAK_PORT" "keycloak $HERD_KEYCLOAK_MGMT_PORT HERD_KEYCLOAK_MGMT_PORT" \
        "advisory-hub $HERD_HUB_PORT HERD_HUB_PORT" "tenant-gateway $HERD_GATEWAY_PORT HERD_GATEWAY_PORT" \
        "provider-portal $HERD_PORTAL_PORT HERD_PORTAL_PORT" "recovery-broker $HERD_RECOVERY_PORT HERD_RECOVERY_PORT" \
        "${plain[@]}" "${replicated[@]}"; do
        read -r part port variable <<<"$entry"
        herd_alive "$part" || herd_require_free_port "$port" "$part" "$variable"
    done
}

# Starts the given parts (those not already running), then waits for all of them to be healthy.
herd_up_parts() {
    local part timeout
    for part in "$@"; do
        if herd_alive "$part"; then
            herd_info "  $part already running (pid $(herd_pid "$part"))"
            # A running PostgreSQL may have lost the platform's database (dropped by hand to start afresh).
            [ "$part" != postgres ] || herd_pg_create_db "$(herd_pg_bindir)" "$HERD_PG_PORT" "$HERD_DB_NAME"
            continue
        fi
        herd_step "starting $part"
        case $part in
            postgres | artemis | keycloak | agent | balancer) "herd_start_$part" ;;
            artemis-2) herd_start_artemis artemis-2 ;;
            *) herd_start_service "$part" ;;
        esac
    done
    for part in "$@"; do
        # HERD_START_TIMEOUT (seconds, default 120) for a service on a busy machine; Keycloak gets twice that.
        case $part in
            keycloak) timeout=$((2 * ${HERD_START_TIMEOUT:-120})) ;;
            postgres) timeout=60 ;;
            *) timeout=${HERD_START_TIMEOUT:-120} ;;
        esac
        herd_wait_healthy "$part" "$timeout" || herd_die "$part did not become healthy; './herd down' stops the rest"
    done
}

# Demo tenants and providers, registered through the APIs as the demo MSSP admin (repeatable: 409 is fine).
herd_demo_load() {
    local token
    token=$(herd_user_token herd-admin demo)
    [ -n "$token" ] || herd_die "could not log in to Keycloak as the demo admin herd-admin"
    herd_demo_post "$token" "http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants" '{"id":"acme","displayName":"ACME Corporation"}'
    herd_demo_post "$token" "http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants" '{"id":"globex","displayName":"Globex Inc."}'
    herd_demo_post "$token" "http://127.0.0.1:$HERD_HUB_PORT/api/providers" '{"id":"csaf-demo","displayName":"Demo CSAF provider","trustTier":4}'
    herd_demo_post "$token" "http://127.0.0.1:$HERD_HUB_PORT/api/providers" '{"id":"osv-demo","displayName":"Demo OSV provider","trustTier":3}'
}

herd_demo_post() {
    local token=$1 url=$2 body=$3 status
    status=$(curl -s -o "$HERD_LOGS/demo-last-response.json" -w '%{http_code}' -m 10 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "$url")
    case $status in
        201) herd_info "  created $(printf '%s' "$body" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p') at $url" ;;
        409) ;;
        *) herd_die "demo data: POST $url answered $status: $(cat "$HERD_LOGS/demo-last-response.json")" ;;
    esac
}

herd_up_summary() {
    cat <<TEXT

${_green}Herd is up${_reset} (${1} s). Everything is healthy; './herd status' checks again, './herd down' stops it.

  Portal (log in)     http://localhost:$HERD_PORTAL_PORT/ui
  Advisory hub API    http://localhost:$HERD_HUB_PORT/q/swagger-ui
  Tenant gateway API  https://localhost:$HERD_GATEWAY_PORT/q/swagger-ui  (CA $(herd_gateway_ca), SHA-256 $(cat "$(herd_tls_dir)/ca.sha256"))
  Portal API          http://localhost:$HERD_PORTAL_PORT/q/swagger-ui
  Recovery broker API http://localhost:$HERD_RECOVERY_PORT/q/swagger-ui
  Keycloak admin      http://localhost:$HERD_KEYCLOAK_PORT/admin  ($HERD_KEYCLOAK_ADMIN / $HERD_KEYCLOAK_ADMIN_PASSWORD)
  Artemis console     http://localhost:$HERD_ARTEMIS_CONSOLE_PORT/console  ($HERD_BROKER_USER / $HERD_BROKER_PASSWORD)
  PostgreSQL          127.0.0.1:$HERD_PG_PORT database $HERD_DB_NAME ($HERD_DB_USER / $HERD_DB_PASSWORD)

  Demo logins (password 'demo' for all):
    herd-admin      MSSP admin, every tenant
    herd-analyst    MSSP analyst, every tenant
    acme-admin      tenant admin of acme     (acme-viewer: read-only)
    globex-admin    tenant admin of globex

  Logs: $HERD_LOGS  ('./herd logs PART')
TEXT
}
