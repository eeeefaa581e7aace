# ActiveMQ Artemis: the bin distribution from Maven Central (group org.apache.artemis since 2.50; the old
# org.apache.activemq coordinates are a relocation pom), a broker instance created with `artemis create`.

herd_artemis_home() {
    local archive home="$HERD_CACHE/apache-artemis-$ARTEMIS_VERSION"
    if [ ! -x "$home/bin/artemis" ]; then
        archive=$(herd_fetch org/apache/artemis apache-artemis "$ARTEMIS_VERSION" -bin.tar.gz) || exit 1
        tar -xzf "$archive" -C "$HERD_CACHE" || herd_die "cannot unpack $archive"
    fi
    printf '%s\n' "$home"
}

# Starts PART: `artemis`, or with two replicas also `artemis-2`; with two replicas both nodes are made clustered
# (static connectors to each other, messages moved on demand to the node whose consumers are free, message groups
# decided by node 1: docs/replicas.md).
herd_start_artemis() {
    local part=${1:-artemis} home instance port console
    instance="$HERD_HOME/$part"
    home=$(herd_artemis_home)
    if [ "$part" = artemis-2 ]; then
        port=$HERD_ARTEMIS_2_PORT console=$HERD_ARTEMIS_2_CONSOLE_PORT
    else
        port=$HERD_ARTEMIS_PORT console=$HERD_ARTEMIS_CONSOLE_PORT
    fi
    if [ ! -x "$instance/bin/artemis" ]; then
        local cluster=()
        if [ "$(herd_replicas)" = 2 ]; then
            local other=$HERD_ARTEMIS_2_PORT
            [ "$part" = artemis-2 ] && other=$HERD_ARTEMIS_PORT
            cluster=(--clustered --cluster-user "$HERD_BROKER_USER" --cluster-password "$HERD_BROKER_PASSWORD"
                --staticCluster "tcp://127.0.0.1:$other" --message-load-balancing ON_DEMAND --name "herd-$part")
        fi
        "$home/bin/artemis" create "$instance" --silent --force \
            --user "$HERD_BROKER_USER" --password "$HERD_BROKER_PASSWORD" --require-login \
            --host 127.0.0.1 --default-port "$port" --http-host 127.0.0.1 \
            --http-port "$console" --java-memory 512M --no-autotune \
            --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor "${cluster[@]}" \
            >"$HERD_LOGS/$part-create.log" 2>&1 \
            || { tail -n 20 "$HERD_LOGS/$part-create.log" >&2; herd_die "artemis create failed"; }
        [ ${#cluster[@]} -eq 0 ] || herd_artemis_cluster_settings "$instance/etc/broker.xml" "$part"
    fi
    if [ "$(herd_replicas)" = 2 ] && ! grep -q '<cluster-connections>' "$instance/etc/broker.xml"; then
        herd_die "the broker in $instance was made for one replica; './herd down', remove $instance, and start again"
    fi
    nohup "$instance/bin/artemis" run >"$HERD_LOGS/$part.log" 2>&1 &
    herd_record_pid "$part" $!
}

# What `artemis create --clustered` leaves out: node 1 decides which node consumes each message group (the services
# group by tenant, so one tenant's messages stay in order on one node), node 2 asks it; a message waiting on a node
# whose consumers went away moves to the other node at once.
herd_artemis_cluster_settings() {
    local file=$1 type=LOCAL
    [ "$2" = artemis-2 ] && type=REMOTE
    sed -i \
        -e "s|</cluster-connections>|</cluster-connections>\n      <grouping-handler name=\"herd-groups\">\n         <type>$type</type>\n         <timeout>5000</timeout>\n      </grouping-handler>|" \
        -e 's|<address-setting match="#">|<address-setting match="#">\n            <redistribution-delay>0</redistribution-delay>|' \
        "$file"
}

herd_health_artemis() { herd_artemis_accepting "$HERD_ARTEMIS_PORT"; }

# A broker node is healthy once it accepts connections on PORT.
herd_artemis_accepting() {
    herd_port_open "$1" && return 0
    echo "not accepting connections on port $1 yet"
    return 1
}

herd_stop_artemis() { herd_stop_part artemis; }
