# ./herd test [MVN_ARGS]: the whole test suite with real parts and no Docker. Starts a throwaway PostgreSQL and a
# Keycloak (realm herd) on free ports, unless HERD_TEST_DB_URL / HERD_TEST_OIDC_URL point at running ones; each
# service's tests start an embedded Artemis broker themselves. Extra arguments go to Maven (e.g. -pl provider-portal).
# Without extra arguments, a green suite is followed by the launcher tests (launcher/tests/*_test.sh) and the
# end-to-end check: the whole platform started from the built jars on free ports under .herd/test/e2e,
# `./herd check debian12` and `./herd demo 10` (four providers, four tenants, damage at one, isolation asserted,
# prevention at the others, revocation) against it, `./herd chaos 90` (each part killed once under load, every effect
# counted), and `./herd down` (HERD_TEST_E2E=0 skips it). Then the same with two replicas (`./herd up --replicas 2`:
# check, demo, audit, and chaos killing each instance in turn; HERD_TEST_REPLICAS=0 skips it; docs/replicas.md).
herd_command() {
    local dir="$HERD_HOME/test" started=$SECONDS
    herd_require_java
    mkdir -p "$dir" "$HERD_RUN" "$HERD_LOGS"
    trap herd_test_cleanup EXIT

    if [ -z "${HERD_TEST_DB_URL:-}" ]; then
        local bindir pg_port
        bindir=$(herd_pg_bindir)
        pg_port=$(herd_free_port)
        herd_step "starting a throwaway PostgreSQL on port $pg_port"
        herd_stop_part test-postgres INT >/dev/null
        rm -rf "$dir/postgres"
        herd_pg_init "$bindir" "$dir/postgres"
        herd_pg_start test-postgres "$bindir" "$dir/postgres" "$pg_port" "$HERD_LOGS/test-postgres.log"
        herd_pg_create_db "$bindir" "$pg_port" herd_test
        export HERD_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/herd_test"
    fi

    if [ -z "${HERD_TEST_OIDC_URL:-}" ]; then
        local home
        HERD_TEST_KC_PORT=$(herd_free_port)
        HERD_TEST_KC_MGMT_PORT=$(herd_free_port)
        herd_step "starting Keycloak on port $HERD_TEST_KC_PORT (realm herd)"
        herd_stop_part test-keycloak >/dev/null
        home=$(herd_keycloak_install "$dir/keycloak")
        rm -rf "$home/data/h2"  # a fresh realm import every run
        herd_keycloak_launch test-keycloak "$home" "$HERD_TEST_KC_PORT" "$HERD_TEST_KC_MGMT_PORT" \
            "$HERD_LOGS/test-keycloak.log"
        herd_wait_healthy test-keycloak 240 || herd_die "Keycloak for the tests did not start"
        export HERD_TEST_OIDC_URL="http://localhost:$HERD_TEST_KC_PORT/realms/herd"
    fi

    herd_step "running the test suite (./mvnw verify $*)"
    local status=0
    (cd "$HERD_ROOT" && ./mvnw -B verify "$@") || status=$?
    if [ $status -eq 0 ] && [ $# -eq 0 ]; then
        herd_test_launcher || status=$?
    fi
    if [ $status -eq 0 ] && [ $# -eq 0 ] && [ "${HERD_TEST_E2E:-1}" != 0 ]; then
        herd_test_end_to_end || status=$?
    fi
    if [ $status -eq 0 ] && [ $# -eq 0 ] && [ "${HERD_TEST_E2E:-1}" != 0 ] && [ "${HERD_TEST_REPLICAS:-1}" != 0 ]; then
        herd_test_replicas || status=$?
    fi
    herd_info "tests finished in $((SECONDS - started)) s with status $status"
    return $status
}

# The launcher's own tests (launcher/tests/*_test.sh), each against stand-ins it starts itself.
herd_test_launcher() {
    local test status=0
    for test in "$HERD_ROOT"/launcher/tests/*_test.sh; do
        herd_step "launcher test ${test#"$HERD_ROOT"/}"
        "$test" || status=1
    done
    return $status
}

# The whole platform on free ports with its own state, checked against the Debian 12 truth through the real hub,
# gateway and portal and through the damage → prevention demo, then stopped.
herd_test_end_to_end() {
    local home="$HERD_HOME/test/e2e" status=0 variable
    local -a ports=()
    for variable in HERD_PG_PORT HERD_ARTEMIS_PORT HERD_ARTEMIS_CONSOLE_PORT HERD_KEYCLOAK_PORT HERD_KEYCLOAK_MGMT_PORT \
        HERD_HUB_PORT HERD_GATEWAY_PORT HERD_PORTAL_PORT HERD_RECOVERY_PORT; do
        ports+=("$variable=$(herd_free_port)")
    done
    herd_step "end-to-end: the platform on free ports (${ports[*]}), then ./herd check debian12"
    rm -rf "$home"
    env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" up >"$HERD_LOGS/test-e2e-up.log" 2>&1 || {
        herd_error "end-to-end: ./herd up failed; the tail of $HERD_LOGS/test-e2e-up.log:"
        tail -n 20 "$HERD_LOGS/test-e2e-up.log" >&2
        status=1
    }
    if [ $status -eq 0 ]; then
        env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" check debian12 || status=$?
    fi
    if [ $status -eq 0 ]; then
        env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" demo 10 || status=$?
    fi
    if [ $status -eq 0 ]; then
        # Each part killed once under load; HERD_TEST_CHAOS_SECONDS=0 skips it.
        local chaos=${HERD_TEST_CHAOS_SECONDS:-90}
        if [ "$chaos" != 0 ]; then
            env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" chaos "$chaos" || status=$?
        fi
    fi
    env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" down >/dev/null 2>&1 || true
    return $status
}

# Two instances each of hub, gateway and portal behind the balancer, two clustered Artemis nodes, one PostgreSQL, on
# free ports with their own state: the truth stays exact, the demo passes with nothing applied twice, and each
# instance killed under load loses nothing.
herd_test_replicas() {
    local home="$HERD_HOME/test/replicas" status=0 variable port
    local -a ports=()
    for variable in HERD_PG_PORT HERD_ARTEMIS_PORT HERD_ARTEMIS_CONSOLE_PORT HERD_KEYCLOAK_PORT HERD_KEYCLOAK_MGMT_PORT \
        HERD_HUB_PORT HERD_GATEWAY_PORT HERD_PORTAL_PORT HERD_RECOVERY_PORT; do
        port=$(herd_free_port)
        # the second broker node and the instances take the ports after it: keep them free too
        while herd_port_open $((port + 1)) || herd_port_open $((port + 100)) || herd_port_open $((port + 200)); do
            port=$(herd_free_port)
        done
        ports+=("$variable=$port")
    done
    herd_step "two replicas: the platform with --replicas 2 on free ports (${ports[*]}), then check, demo, audit, chaos"
    rm -rf "$home"
    env HERD_HOME="$home" "${ports[@]}" HERD_START_TIMEOUT="${HERD_START_TIMEOUT:-400}" "$HERD_ROOT/herd" up --replicas 2 \
        >"$HERD_LOGS/test-replicas-up.log" 2>&1 || {
        herd_error "two replicas: ./herd up --replicas 2 failed; the tail of $HERD_LOGS/test-replicas-up.log:"
        tail -n 20 "$HERD_LOGS/test-replicas-up.log" >&2
        status=1
    }
    local step
    for step in "check debian12" "demo 10" "audit" "chaos ${HERD_TEST_REPLICAS_CHAOS_SECONDS:-60}"; do
        [ $status -eq 0 ] || break
        herd_step "two replicas: ./herd $step"
        # shellcheck disable=SC2086
        env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" $step || status=$?
    done
    env HERD_HOME="$home" "${ports[@]}" "$HERD_ROOT/herd" down >/dev/null 2>&1 || true
    return $status
}

herd_health_test_keycloak() { herd_keycloak_ready "$HERD_TEST_KC_PORT" "$HERD_TEST_KC_MGMT_PORT"; }

herd_test_cleanup() {
    herd_stop_part test-keycloak >/dev/null
    herd_stop_part test-postgres INT >/dev/null
}
