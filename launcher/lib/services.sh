# The four Quarkus services, run from their fast-jar builds (<module>/target/quarkus-app/quarkus-run.jar).

HERD_SERVICES=(advisory-hub tenant-gateway provider-portal recovery-broker)

herd_service_port() {
    local base
    case $(herd_part_service "$1") in
        advisory-hub) base=$HERD_HUB_PORT ;;
        tenant-gateway) base=$HERD_GATEWAY_PORT ;;
        provider-portal) base=$HERD_PORTAL_PORT ;;
        recovery-broker) base=$HERD_RECOVERY_PORT ;;
    esac
    herd_instance_port "$1" "$base"
}

# Each service's maximum heap, chosen for what dominates it (docs/operations-heap.md); HERD_<SERVICE>_HEAP overrides
# it with any -Xmx size (HERD_PORTAL_HEAP=2g).
herd_service_heap() {
    case $(herd_part_service "$1") in
        advisory-hub) echo "${HERD_HUB_HEAP:-512m}" ;;
        tenant-gateway) echo "${HERD_GATEWAY_HEAP:-512m}" ;;
        provider-portal) echo "${HERD_PORTAL_HEAP:-1g}" ;;
        recovery-broker) echo "${HERD_RECOVERY_HEAP:-256m}" ;;
    esac
}

herd_service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "$HERD_ROOT" "$1"; }

# Starts PART: a service (advisory-hub), or with two replicas its second instance (advisory-hub-2), which talks to
# the second broker node.
herd_start_service() {
    local part=$1 service port jar heap
    service=$(herd_part_service "$part")
    port=$(herd_service_port "$part")
    heap=$(herd_service_heap "$part")
    [[ $heap =~ ^[0-9]+[kKmMgG]?$ ]] || herd_die "heap size of $service must be an -Xmx size such as 512m or 1g, not '$heap'"
    jar=$(herd_service_jar "$service")
    [ -f "$jar" ] || herd_die "$jar is missing: run ./mvnw install -DskipTests (./herd up builds it when missing)"
    [ "$service" = tenant-gateway ] && herd_tls_ensure
    QUARKUS_HTTP_PORT=$port \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$HERD_PG_PORT/$HERD_DB_NAME" \
        QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${HERD_DB_ACQUISITION_TIMEOUT:-30S}" \
        QUARKUS_ARTEMIS_URL="tcp://127.0.0.1:$(herd_instance_artemis_port "$part")?minLargeMessageSize=1048576$(herd_instance_artemis_options)" \
        QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$HERD_KEYCLOAK_PORT/realms/herd" \
        nohup java -Xms32m -Xmx"$heap" -XX:+UseSerialGC --sun-misc-unsafe-memory-access=allow \
        --enable-native-access=ALL-UNNAMED $(herd_service_demo_options "$part") -jar "$jar" \
        >"$HERD_LOGS/$part.log" 2>&1 &
    herd_record_pid "$part" $!
}

# Settings only the demo platform has: isolation point `fw-lan` is a recording driver (there is no real firewall
# behind it on this machine); isolation point `gateway` (the one ./herd demo's topology names) is the tenant gateway's
# own device endpoint (driver gateway: a client-credentials token of Keycloak client recovery-broker); the gateway's
# isolating device applies its rules in the site router's network namespace (site.sh), or records them without one. A recovered machine must stay quiet
# for HERD_DEMO_QUIET_PERIOD (15s here, 10m by default) before it is un-isolated, and a failed device call is retried
# after 5 s rather than 30 s, so the demo walks the whole loop in minutes.
herd_service_demo_options() {
    case $(herd_part_service "$1") in
        recovery-broker)
            printf '%s' "-Dherd.recovery.devices.fw-lan.driver=recording" \
                " -Dherd.recovery.devices.gateway.driver=gateway" \
                " -Dherd.recovery.devices.gateway.url=$(herd_gateway_url)/api/device/orders" \
                " -Dherd.recovery.retry.base=5s " "$(herd_tls_java_trust)"
            ;;
        tenant-gateway)
            herd_tls_gateway_options "$1"
            printf ' '
            herd_site_router_gateway_options
            ;;
        provider-portal)
            printf '%s' "-Dherd.damage.recovery.quiet-period=${HERD_DEMO_QUIET_PERIOD:-15s}" \
                " -Dherd.damage.recovery.check-every=2s" \
                " -Dquarkus.rest-client.hub.url=http://127.0.0.1:$HERD_HUB_PORT"
            ;;
    esac
}

# Ready means the service's readiness (database and broker checks included) answers UP.
herd_service_ready() {
    local port=$1 base=${2:-http://127.0.0.1:$1} body
    local trust=()
    [[ $base == https:* ]] && trust=(--cacert "$(herd_gateway_ca)")
    body=$(curl -s -m 5 "${trust[@]}" "$base/q/health/ready" 2>/dev/null) || { echo "not answering on port $port"; return 1; }
    case $body in
        *'"status": "UP"'* | *'"status":"UP"'*) return 0 ;;
        '') echo "not answering on port $port"; return 1 ;;
        *) echo "not ready: $(printf '%s' "$body" | tr -d '\n ' | grep -o '"name":"[^"]*","status":"DOWN"' | sed 's/"name":"\([^"]*\)".*/\1/' | paste -sd, -) DOWN"; return 1 ;;
    esac
}

# Health of a service part (either instance): its readiness on its own port, over HTTPS for the gateway.
herd_service_health() {
    local port
    port=$(herd_service_port "$1")
    if [ "$(herd_part_service "$1")" = tenant-gateway ]; then
        herd_service_ready "$port" "https://127.0.0.1:$port"
    else
        herd_service_ready "$port"
    fi
}

herd_health_advisory_hub() { herd_service_health advisory-hub; }
herd_health_tenant_gateway() { herd_service_health tenant-gateway; }
herd_health_provider_portal() { herd_service_health provider-portal; }
herd_health_recovery_broker() { herd_service_ready "$HERD_RECOVERY_PORT"; }
