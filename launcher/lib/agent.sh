# One customer-agent process for the demo tenant acme. The first start enrols it at the gateway (an enrolment token
# issued as HERD_USER through POST /api/enrolment-tokens, then `customer-agent enrol`); enrolled, it reports,
# heartbeats and dry-runs acme's rule bundles and patch plans (`run --apply dry-run`). When enrolment fails it runs
# heartbeat-only ("ok not enrolled (heartbeat only)") and says why. Its health check reads .herd/agent/acme/heartbeat.

HERD_AGENT_INTERVAL=5
HERD_AGENT_TENANT=acme

herd_agent_jar() { printf '%s/customer-agent/target/customer-agent.jar\n' "$HERD_ROOT"; }

herd_agent_state() { printf '%s/agent/%s\n' "$HERD_HOME" "$HERD_AGENT_TENANT"; }

# Enrols the demo agent unless its state folder holds a credential already; warns and returns 1 when it cannot.
herd_enrol_agent() {
    local state gateway token answer status
    gateway=$(herd_gateway_url)
    state=$(herd_agent_state)
    [ -f "$state/credential.json" ] && return 0
    token=$(herd_user_token "$HERD_USER" "$HERD_PASSWORD")
    if [ -z "$token" ]; then
        herd_warn "demo agent: cannot log in to Keycloak as $HERD_USER; it runs heartbeat-only"
        return 1
    fi
    answer=$(herd_gateway_curl -s -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"tenantId\":\"$HERD_AGENT_TENANT\"}" "$gateway/api/enrolment-tokens" || true)
    status=${answer##*$'\n'}
    if [ "$status" != 201 ]; then
        herd_warn "demo agent: no enrolment token (HTTP $status: ${answer%$'\n'*}); it runs heartbeat-only"
        return 1
    fi
    mkdir -p "$state" "$HERD_LOGS"
    if ! HERD_TLS_ALLOW_PLAIN_HTTP=$HERD_TLS_ALLOW_PLAIN_HTTP java -Xmx32m -XX:+UseSerialGC -jar "$(herd_agent_jar)" enrol --gateway "$gateway" \
        --token "$(herd_json_field token "${answer%$'\n'*}")" --state-dir "$state" >>"$HERD_LOGS/agent.log" 2>&1; then
        herd_warn "demo agent: enrolment failed (see $HERD_LOGS/agent.log); it runs heartbeat-only"
        return 1
    fi
}

herd_start_agent() {
    [ -f "$(herd_agent_jar)" ] || herd_die "$(herd_agent_jar) is missing: run ./mvnw install -DskipTests"
    herd_enrol_agent || true
    # --gateway-ca: the CA enrolment pinned; also what a heartbeat-only agent (not enrolled) trusts.
    HERD_TLS_ALLOW_PLAIN_HTTP=$HERD_TLS_ALLOW_PLAIN_HTTP nohup java -Xmx32m -XX:+UseSerialGC -jar "$(herd_agent_jar)" run \
        --gateway "$(herd_gateway_url)" --gateway-ca "$(herd_gateway_ca)" --state-dir "$(herd_agent_state)" \
        --interval "$HERD_AGENT_INTERVAL" --apply dry-run >>"$HERD_LOGS/agent.log" 2>&1 &
    herd_record_pid agent $!
}

herd_health_agent() {
    local file age line
    file="$(herd_agent_state)/heartbeat"
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
