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

herd_start_artemis() {
    local home instance="$HERD_HOME/artemis"
    home=$(herd_artemis_home)
    if [ ! -x "$instance/bin/artemis" ]; then
        "$home/bin/artemis" create "$instance" --silent --force \
            --user "$HERD_BROKER_USER" --password "$HERD_BROKER_PASSWORD" --require-login \
            --host 127.0.0.1 --default-port "$HERD_ARTEMIS_PORT" --http-host 127.0.0.1 \
            --http-port "$HERD_ARTEMIS_CONSOLE_PORT" --java-memory 512M --no-autotune \
            --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
            >"$HERD_LOGS/artemis-create.log" 2>&1 \
            || { tail -n 20 "$HERD_LOGS/artemis-create.log" >&2; herd_die "artemis create failed"; }
    fi
    nohup "$instance/bin/artemis" run >"$HERD_LOGS/artemis.log" 2>&1 &
    herd_record_pid artemis $!
}

herd_health_artemis() {
    herd_port_open "$HERD_ARTEMIS_PORT" && return 0
    echo "not accepting connections on port $HERD_ARTEMIS_PORT yet"
    return 1
}

herd_stop_artemis() { herd_stop_part artemis; }
