# Two replicas (`./herd up --replicas 2`, docs/replicas.md): two instances each of the hub, the gateway and the
# portal against the one PostgreSQL, each pair reached through a load balancer (HAProxy) on the service's usual port,
# and two clustered Artemis nodes. The choice is kept in $HERD_RUN/replicas, so every later command (status, down,
# chaos, logs) sees the same parts until `./herd down`.

HERD_REPLICATED_SERVICES=(advisory-hub tenant-gateway provider-portal)
HERD_ARTEMIS_2_PORT="${HERD_ARTEMIS_2_PORT:-$((HERD_ARTEMIS_PORT + 1))}"
HERD_ARTEMIS_2_CONSOLE_PORT="${HERD_ARTEMIS_2_CONSOLE_PORT:-$((HERD_ARTEMIS_CONSOLE_PORT + 1))}"
# Instance k of a replicated service listens on its service port + k x HERD_REPLICA_PORT_STEP.
HERD_REPLICA_PORT_STEP="${HERD_REPLICA_PORT_STEP:-100}"

# 1 or 2: what `./herd up` was started with (HERD_REPLICAS before the first `up`; default 1).
herd_replicas() {
    if [ -f "$HERD_RUN/replicas" ]; then cat "$HERD_RUN/replicas"; else printf '%s\n' "${HERD_REPLICAS:-1}"; fi
}

herd_replicas_set() {
    [[ "$1" =~ ^[12]$ ]] || herd_die "--replicas takes 1 or 2, not '$1'"
    mkdir -p "$HERD_RUN"
    printf '%s\n' "$1" >"$HERD_RUN/replicas"
    herd_replicas_parts
}

# HERD_PARTS and HERD_SERVICES for the replica count: the second instances and the balancer join the parts.
herd_replicas_parts() {
    if [ "$(herd_replicas)" = 2 ]; then
        HERD_PARTS=(postgres artemis artemis-2 keycloak advisory-hub advisory-hub-2 tenant-gateway tenant-gateway-2
            provider-portal provider-portal-2 recovery-broker balancer agent)
        HERD_SERVICES=(advisory-hub advisory-hub-2 tenant-gateway tenant-gateway-2 provider-portal provider-portal-2
            recovery-broker)
    else
        HERD_PARTS=(postgres artemis keycloak advisory-hub tenant-gateway provider-portal recovery-broker agent)
        HERD_SERVICES=(advisory-hub tenant-gateway provider-portal recovery-broker)
    fi
}

# The service a part runs (provider-portal-2 → provider-portal) and which instance it is (1 or 2).
herd_part_service() { printf '%s\n' "${1%-2}"; }
herd_part_instance() { if [ "${1%-2}" != "$1" ]; then echo 2; else echo 1; fi; }

# Whether SERVICE sits behind the balancer in this platform.
herd_replicated() {
    local service
    [ "$(herd_replicas)" = 2 ] || return 1
    for service in "${HERD_REPLICATED_SERVICES[@]}"; do [ "$service" = "$1" ] && return 0; done
    return 1
}

# The port an instance listens on: the service's own port with one replica, the service port + k x step with two
# (the balancer has the service port). PORT_BASE is the service's usual port.
herd_instance_port() {
    local part=$1 base=$2 service
    service=$(herd_part_service "$part")
    if herd_replicated "$service"; then
        echo $((base + $(herd_part_instance "$part") * HERD_REPLICA_PORT_STEP))
    else
        echo "$base"
    fi
}

# The broker an instance talks to: instance 2 to the second node.
herd_instance_artemis_port() {
    if [ "$(herd_part_instance "$1")" = 2 ]; then echo "$HERD_ARTEMIS_2_PORT"; else echo "$HERD_ARTEMIS_PORT"; fi
}

# With two nodes an instance keeps every connection on its own node (the client would otherwise spread its
# connections over the cluster's topology): then every subscription has consumers on both nodes, and the message
# groups a node was given keep their consumers there when an instance restarts.
herd_instance_artemis_options() {
    [ "$(herd_replicas)" = 2 ] && printf '&useTopologyForLoadBalancing=false'
    return 0
}

# --- The balancer: HAProxy in TCP mode (the gateway's TLS passes through to its instances).
herd_balancer_config() {
    local file=$1 entry name part port
    {
        printf '%s\n' "global" "    maxconn 4096" "defaults" "    mode tcp" "    timeout connect 2s" \
            "    timeout client 120s" "    timeout server 120s" "    retries 3" "    option redispatch"
        for entry in "hub advisory-hub $HERD_HUB_PORT" "gateway tenant-gateway $HERD_GATEWAY_PORT" \
            "portal provider-portal $HERD_PORTAL_PORT"; do
            read -r name part port <<<"$entry"
            printf '%s\n' "listen $name" "    bind 127.0.0.1:$port" "    balance roundrobin" \
                "    server ${name}1 127.0.0.1:$(herd_instance_port "$part" "$port") check inter 1s fall 2 rise 1" \
                "    server ${name}2 127.0.0.1:$(herd_instance_port "$part-2" "$port") check inter 1s fall 2 rise 1"
        done
        if [ "$HERD_TLS_ALLOW_PLAIN_HTTP" = true ]; then
            printf '%s\n' "listen gateway-plain" "    bind 127.0.0.1:$HERD_GATEWAY_PLAIN_PORT" "    balance roundrobin" \
                "    server plain1 127.0.0.1:$(herd_instance_port tenant-gateway "$HERD_GATEWAY_PLAIN_PORT") check" \
                "    server plain2 127.0.0.1:$(herd_instance_port tenant-gateway-2 "$HERD_GATEWAY_PLAIN_PORT") check"
        fi
    } >"$file"
}

herd_start_balancer() {
    local dir="$HERD_HOME/balancer"
    command -v haproxy >/dev/null 2>&1 \
        || herd_die "--replicas 2 needs HAProxy as the load balancer: apt-get install haproxy"
    mkdir -p "$dir"
    herd_balancer_config "$dir/haproxy.cfg"
    haproxy -c -q -f "$dir/haproxy.cfg" || herd_die "the balancer's configuration $dir/haproxy.cfg does not check"
    nohup haproxy -db -f "$dir/haproxy.cfg" >"$HERD_LOGS/balancer.log" 2>&1 &
    herd_record_pid balancer $!
}

herd_health_balancer() {
    local port
    for port in "$HERD_HUB_PORT" "$HERD_GATEWAY_PORT" "$HERD_PORTAL_PORT"; do
        herd_port_open "$port" || { echo "not accepting connections on port $port yet"; return 1; }
    done
}

# Health of the second instances (the first ones' are in services.sh, the first broker's in artemis.sh).
herd_health_advisory_hub_2() { herd_service_health advisory-hub-2; }
herd_health_provider_portal_2() { herd_service_health provider-portal-2; }
herd_health_tenant_gateway_2() { herd_service_health tenant-gateway-2; }
herd_health_artemis_2() { herd_artemis_accepting "$HERD_ARTEMIS_2_PORT"; }
