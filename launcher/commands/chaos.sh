# ./herd chaos [SECONDS]: against the running platform (./herd up), a mixed workload (fleet reports, advisory pushes,
# flow records with damage) runs for SECONDS (default 300; longer when restarts take longer) while each part in turn (the four services, Artemis,
# PostgreSQL) is killed with SIGKILL, started again the way ./herd up starts it and waited for until healthy. Then
# every effect is counted in PostgreSQL against what the platform accepted (launcher/chaos/chaos.py) and the last line
# is `chaos: K kills, M messages, L lost, D applied twice`. Exit 1 when anything was lost or applied twice, or a part
# did not come back.
# With two replicas (./herd up --replicas 2) each instance is killed in turn while its twin carries on, and the broker
# nodes are left alone (node 1 decides the message groups of both: docs/replicas.md).
if [ "$(herd_replicas)" = 2 ]; then
    HERD_CHAOS_PARTS=(tenant-gateway provider-portal-2 advisory-hub tenant-gateway-2 provider-portal advisory-hub-2
        recovery-broker postgres)
else
    HERD_CHAOS_PARTS=(advisory-hub provider-portal tenant-gateway recovery-broker artemis postgres)
fi

herd_command() {
    local seconds=${1:-300}
    [[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { herd_error "usage: ./herd chaos [SECONDS]   (a positive number, default 300)"; exit 2; }
    herd_require_java # the services are started again on it
    local part
    for part in postgres artemis keycloak "${HERD_SERVICES[@]}"; do
        herd_health "$part" >/dev/null || herd_die "$part is not healthy: start the platform with ./herd up"
    done
    local run state status=0 driver kills=0
    run=$(date +%H%M%S)
    state="$HERD_RUN/chaos-$run.json"
    export HERD_HUB_PORT HERD_GATEWAY_PORT HERD_PORTAL_PORT HERD_RECOVERY_PORT HERD_KEYCLOAK_PORT \
        HERD_ARTEMIS_CONSOLE_PORT HERD_USER HERD_PASSWORD HERD_TLS_ALLOW_PLAIN_HTTP
    HERD_GATEWAY_URL=$(herd_gateway_url)
    HERD_GATEWAY_CA=$(herd_gateway_ca)
    export HERD_GATEWAY_URL HERD_GATEWAY_CA
    export HERD_CHAOS_PSQL="$(herd_pg_bindir)/psql -h 127.0.0.1 -p $HERD_PG_PORT -U $HERD_DB_USER -d $HERD_DB_NAME"
    export PGPASSWORD=$HERD_DB_PASSWORD

    herd_step "chaos run $run: two tenants, six machines"
    python3 "$HERD_ROOT/launcher/chaos/chaos.py" setup "$run" "$state" || herd_die "chaos setup failed"

    herd_step "workload for $seconds s while each of ${HERD_CHAOS_PARTS[*]} is killed in turn"
    rm -f "$state.done"
    python3 "$HERD_ROOT/launcher/chaos/chaos.py" drive "$state" "$seconds" "$state.done" &
    driver=$!
    herd_chaos_kills "$seconds" || status=1
    touch "$state.done"
    kills=$(cat "$HERD_RUN/chaos-$run.kills" 2>/dev/null || echo 0)
    wait "$driver" || { herd_error "the workload failed (above)"; status=1; }

    for part in "${HERD_PARTS[@]}"; do
        [ "$part" != agent ] && [ "$part" != keycloak ] || continue
        herd_health "$part" >/dev/null || herd_wait_healthy "$part" 180 || status=1
    done
    herd_step "counting every effect against what was accepted"
    python3 "$HERD_ROOT/launcher/chaos/chaos.py" account "$state" "$kills" || status=1
    return $status
}

# Kills the parts in turn, one every SECONDS / parts for short runs and one a minute for runs over six minutes (or as
# soon as the previous part is back, when its restart took longer), until SECONDS are over and every part was killed
# at least once. Writes the number of kills to $HERD_RUN/chaos-$run.kills as it goes.
herd_chaos_kills() {
    local ends=$((SECONDS + $1)) parts=${#HERD_CHAOS_PARTS[@]} slot n=0 part next
    slot=$(($1 / parts))
    [ "$slot" -le 60 ] || slot=60
    [ "$slot" -ge 1 ] || slot=1
    next=$((SECONDS + slot / 2))
    while [ $n -lt "$parts" ] || [ $SECONDS -lt "$ends" ]; do
        if [ $SECONDS -lt $next ]; then
            sleep 1
            continue
        fi
        part=${HERD_CHAOS_PARTS[$((n % parts))]}
        herd_chaos_kill "$part" || return 1
        n=$((n + 1))
        printf '%s\n' "$n" >"$HERD_RUN/chaos-$run.kills"
        next=$((next + slot))
    done
}

# SIGKILL to PART (PostgreSQL: the postmaster and every backend, as a crash of the server), then started again as
# ./herd up starts it, and waited for until healthy.
herd_chaos_kill() {
    local part=$1 pid started=$SECONDS
    pid=$(herd_pid "$part") || { herd_error "$part has no pid file"; return 1; }
    if [ "$part" = postgres ]; then
        # shellcheck disable=SC2046
        kill -KILL "$pid" $(pgrep -P "$pid") 2>/dev/null || true
    else
        kill -KILL "$pid" 2>/dev/null || true
    fi
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    herd_info "chaos: killed $part (pid $pid) at $(date +%T)"
    # Parts started here are disowned: their next kill is not reported by bash as a job of this shell.
    case $part in
        postgres) herd_start_postgres ;;
        artemis | artemis-2) herd_start_artemis "$part"; disown "$!" 2>/dev/null || true ;;
        *) herd_start_service "$part"; disown "$!" 2>/dev/null || true ;;
    esac
    herd_wait_healthy "$part" 180 >/dev/null || { herd_error "$part did not come back"; return 1; }
    herd_info "chaos: $part back and healthy after $((SECONDS - started)) s"
}
