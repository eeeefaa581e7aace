# One customer-agent process for the demo tenant acme. Not enrolled, it only heartbeats to the gateway (its line
# says "ok not enrolled (heartbeat only)") and writes .herd/agent/acme/heartbeat, which its health check reads.

HERD_AGENT_INTERVAL=5

herd_agent_jar() { printf '%s/customer-agent/target/customer-agent.jar\n' "$HERD_ROOT"; }

herd_start_agent() {
    [ -f "$(herd_agent_jar)" ] || herd_die "$(herd_agent_jar) is missing: run ./mvnw install -DskipTests"
    nohup java -Xmx32m -XX:+UseSerialGC -jar "$(herd_agent_jar)" run \
        --gateway "http://127.0.0.1:$HERD_GATEWAY_PORT" --state-dir "$HERD_HOME/agent/acme" \
        --interval "$HERD_AGENT_INTERVAL" >"$HERD_LOGS/agent.log" 2>&1 &
    herd_record_pid agent $!
}

herd_health_agent() {
    local file="$HERD_HOME/agent/acme/heartbeat" age line
    [ -f "$file" ] || { echo "no heartbeat yet"; return 1; }
    age=$(($(date +%s) - $(stat -c %Y "$file")))
    line=$(cat "$file")
    if [ "$age" -gt $((3 * HERD_AGENT_INTERVAL)) ]; then
        echo "last heartbeat ${age} s ago"
        return 1
    fi
    case $line in
        *" ok" | *" ok "*) return 0 ;;
        *) echo "heartbeat says: ${line#* }"; return 1 ;;
    esac
}
