# ./herd bench hub: advisory-hub ingestion throughput against the running platform (./herd up). Ingests the 2,880
# Debian 12 advisories, the same again (all unchanged), and a 50,000-record OSV batch derived from them, through the
# push API; prints documents per second and each run's ratio to the first (the baseline of this run).
# ./herd bench gateway [SECONDS]: tenant-gateway intake against the gateway on HERD_GATEWAY_PORT (below).
# ./herd bench diagnosis [MACHINES] [RANGES]: needs no running platform. The dpkg comparator against libapt
# (python3-apt), then full diagnosis of MACHINES (default 10,000) copies of the Debian 12 sample fleet against RANGES
# (default 50,000) advisory ranges derived from the sample advisories, and the incremental diagnosis of one advisory.
# ./herd bench findings [FINDINGS]: GET /api/tenants/{t}/findings at scale. Needs PostgreSQL and Keycloak: those of
# HERD_TEST_DB_URL / HERD_TEST_OIDC_URL when set, else the running platform's (./herd up), where it uses a scratch
# database herd_bench_findings (created, then dropped). Runs FindingPageBenchmark (a @QuarkusTest: the portal from this
# tree on a free port, embedded Artemis), which loads FINDINGS (default 360,000) findings into one tenant in SQL and
# prints p50/p95 of first and deep-cursor pages against the old offset query of the same run (docs/findings-api.md).
# ./herd bench platform [MACHINES] [TENANTS]: the real pipeline of the running platform (./herd up) on MACHINES
# (default 10,000) copies of the 40 Debian 12 sample machines spread over TENANTS (default 10) new tenants, against
# the in-memory engine on the same data. See docs/benchmarks-platform.md.
# ./herd bench immunity [TENANTS] [MACHINES_PER_TENANT] [STANDING]: herd immunity on the running platform (./herd up):
# TENANTS (default 100) new tenants of MACHINES_PER_TENANT (100) machines listening on tcp/443, STANDING (1,000)
# community advisories learnt from damage first, then 200 damage reports at one tenant, one every 0.25 s, each timed
# until every tenant's agent has the rule. See docs/benchmarks-immunity.md.
herd_command() {
    case "${1:-}" in
        hub) herd_bench_hub ;;
        gateway) herd_bench_gateway "${2:-10}" ;;
        diagnosis) herd_bench_diagnosis "${2:-10000}" "${3:-50000}" ;;
        findings) herd_bench_findings "${2:-360000}" ;;
        platform) herd_bench_platform "${2:-10000}" "${3:-10}" ;;
        immunity) herd_bench_immunity "${2:-100}" "${3:-100}" "${4:-1000}" ;;
        *) herd_error "usage: ./herd bench hub | ./herd bench gateway [SECONDS_PER_RUN] | ./herd bench diagnosis [MACHINES] [RANGES] | ./herd bench findings [FINDINGS] | ./herd bench platform [MACHINES] [TENANTS] | ./herd bench immunity [TENANTS] [MACHINES_PER_TENANT] [STANDING]"; exit 2 ;;
    esac
}

herd_bench_hub() {
    local run provider token dir baseline=''
    herd_health advisory-hub >/dev/null || herd_die "the advisory hub is not healthy: start the platform with ./herd up"
    run=$(date +%s)
    provider="bench-$run"
    dir="$HERD_HOME/bench"
    mkdir -p "$dir"
    local debian="$HERD_ROOT/../shared/data/debian12/debian12-dev-osv.json"
    [ -r "$debian" ] || debian="$HERD_ROOT/testdata/shared-data/debian12/debian12-dev-osv.json"
    [ -r "$debian" ] || herd_die "sample data missing: $debian"
    herd_step "deriving a 50,000-record OSV batch from $debian"
    python3 "$HERD_ROOT/bench/hub/derive_osv_batch.py" "$debian" 50000 "$run" >"$dir/osv-50000.json" \
        || herd_die "could not derive the batch (python3 needed)"
    source "$HERD_ROOT/launcher/commands/providers.sh"
    herd_command add "$provider" --tier 3 >/dev/null
    token=$(herd_api_token)

    printf '\n%-44s %9s %9s %10s %8s\n' "run" "documents" "seconds" "docs/s" "ratio"
    herd_bench_push "Debian 12 advisories (2,880, new provider)" "$debian"
    herd_bench_push "Debian 12 advisories again (unchanged)" "$debian"
    herd_bench_push "derived OSV batch (50,000 new)" "$dir/osv-50000.json"
}

# Pushes FILE once and prints a result line; the first line of a run is the baseline the others are compared to.
herd_bench_push() {
    local label=$1 file=$2 start end status seconds count rate ratio
    start=$(date +%s%N)
    status=$(curl -s -o "$dir/last.json" -w '%{http_code}' -m 3600 -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' --data-binary "@$file" \
        "http://127.0.0.1:$HERD_HUB_PORT/api/advisories?provider=$provider")
    end=$(date +%s%N)
    [ "$status" = 200 ] || herd_die "$label: HTTP $status $(head -c 300 "$dir/last.json")"
    count=$(grep -o '"index":' "$dir/last.json" | wc -l)
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
    rate=$(awk -v n="$count" -v t="$seconds" 'BEGIN { printf "%.0f", n / t }')
    [ -n "$baseline" ] || baseline=$rate
    ratio=$(awk -v r="$rate" -v b="$baseline" 'BEGIN { printf "%.2f", r / b }')
    printf '%-44s %9s %9s %10s %8s\n' "$label" "$count" "$seconds" "$rate" "${ratio}x"
    printf '    %s\n' "$(sed -n 's/^{\("accepted":[0-9]*,"merged":[0-9]*,"unchanged":[0-9]*,"rejected":[0-9]*\).*/\1/p' "$dir/last.json")"
}

# Enrols a bench agent (tenant acme, enrolment token issued as HERD_USER) at the gateway on HERD_GATEWAY_PORT, saves
# this machine's report (./herd agent collect --print) and runs bench/gateway/GatewayIntakeBench.java: the HTTP floor
# (GET /q/health/live), full reports/s, delta reports/s and flow records/s (batches of 1,000), each with its ratio to
# the floor, all measured in the same run on one connection.
herd_bench_gateway() {
    local seconds=$1 gateway dir token answer status enrolment credential
    gateway=$(herd_gateway_url)
    [[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { herd_error "usage: ./herd bench gateway [SECONDS_PER_RUN]"; exit 2; }
    herd_require_java
    [ "$(herd_http_status "$gateway/q/health/ready")" = 200 ] \
        || herd_die "no healthy tenant gateway at $gateway: start the platform with ./herd up (or set HERD_GATEWAY_PORT)"
    dir="$HERD_HOME/bench"
    mkdir -p "$dir"
    herd_step "collecting this machine's report (./herd agent collect --print)"
    "$HERD_ROOT/herd" agent collect --print >"$dir/report.json" || herd_die "could not collect this machine's report"
    herd_step "enrolling a bench agent at $gateway"
    token=$(herd_api_token)
    answer=$(herd_gateway_curl -s -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"tenantId":"acme"}' "$gateway/api/enrolment-tokens" || true)
    status=${answer##*$'\n'}
    [ "$status" = 201 ] || herd_die "enrolment token: HTTP $status ${answer%$'\n'*}"
    enrolment=$(herd_json_field token "${answer%$'\n'*}")
    answer=$(herd_gateway_curl -s -m 30 -w '\n%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"token\":\"$enrolment\",\"hostname\":\"bench-$(date +%s)\",\"machineId\":\"bench-$(date +%s%N)\"}" \
        "$gateway/agent/enrol" || true)
    status=${answer##*$'\n'}
    [ "$status" = 201 ] || herd_die "enrolment: HTTP $status ${answer%$'\n'*}"
    credential=$(herd_json_field credential "${answer%$'\n'*}")
    [ -n "$credential" ] || herd_die "enrolment answered no credential: ${answer%$'\n'*}"
    # shellcheck disable=SC2046 # the trust store options are words
    "$JAVA_HOME/bin/java" $(herd_tls_java_trust) "$HERD_ROOT/bench/gateway/GatewayIntakeBench.java" "$gateway" "$credential" \
        "$dir/report.json" "$seconds"
}

herd_bench_diagnosis() {
    local machines=$1 ranges=$2 osv fleet classpath
    source "$HERD_ROOT/launcher/lib/bench_versions.sh"
    osv="$HERD_ROOT/../shared/data/debian12/debian12-dev-osv.json"
    [ -r "$osv" ] || osv="$HERD_ROOT/testdata/shared-data/debian12/debian12-dev-osv.json"
    fleet="$(dirname "$osv")/debian12-fleet.json"
    [ -r "$fleet" ] || herd_die "sample data missing: $fleet"
    herd_bench_versions 200000 10
    classpath="$HERD_HOME/bench/portal-test.classpath"
    herd_step "resolving the provider-portal test classpath"
    (cd "$HERD_ROOT" && ./mvnw -q -pl provider-portal dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$classpath") || herd_die "could not resolve the provider-portal classpath"
    herd_step "diagnosis: $machines machines x 713 packages against $ranges+ advisory ranges (in memory)"
    "$JAVA_HOME/bin/java" -Xmx4g -cp \
        "$HERD_ROOT/provider-portal/target/classes:$HERD_ROOT/provider-portal/target/test-classes:$(cat "$classpath")" \
        dev.herd.portal.diagnosis.bench.DiagnosisBenchmark "$osv" "$fleet" "$machines" "$ranges" \
        || herd_die "DiagnosisBenchmark failed"
}

herd_bench_findings() {
    local findings=$1 scratch=false bindir status=0
    [[ "$findings" =~ ^[1-9][0-9]*$ ]] || { herd_error "usage: ./herd bench findings [FINDINGS]"; exit 2; }
    herd_require_java
    mkdir -p "$HERD_LOGS"
    if [ -z "${HERD_TEST_DB_URL:-}" ]; then
        herd_health_postgres >/dev/null || herd_die "no PostgreSQL on port $HERD_PG_PORT: start the platform with ./herd up"
        bindir=$(herd_pg_bindir)
        herd_step "scratch database herd_bench_findings on port $HERD_PG_PORT"
        PGPASSWORD=$HERD_DB_PASSWORD "$bindir/dropdb" -h 127.0.0.1 -p "$HERD_PG_PORT" -U "$HERD_DB_USER" --if-exists \
            herd_bench_findings || herd_die "could not drop the old scratch database"
        herd_pg_create_db "$bindir" "$HERD_PG_PORT" herd_bench_findings
        export HERD_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$HERD_PG_PORT/herd_bench_findings"
        export HERD_TEST_DB_USER=$HERD_DB_USER HERD_TEST_DB_PASSWORD=$HERD_DB_PASSWORD
        scratch=true
    fi
    if [ -z "${HERD_TEST_OIDC_URL:-}" ]; then
        herd_health_keycloak >/dev/null || herd_die "no Keycloak on port $HERD_KEYCLOAK_PORT: start the platform with ./herd up"
        export HERD_TEST_OIDC_URL="http://localhost:$HERD_KEYCLOAK_PORT/realms/herd"
    fi
    herd_step "FindingPageBenchmark: $findings findings in one tenant, pages through the portal's HTTP API"
    rm -f "$HERD_ROOT/provider-portal/target/findings-bench.txt"
    (cd "$HERD_ROOT" && ./mvnw -B -q -pl provider-portal -am verify -DskipITs -Dtest=FindingPageBenchmark \
        -Dsurefire.failIfNoSpecifiedTests=false -Dherd.bench.findings="$findings" \
        -Dquarkus.http.test-port="$(herd_free_port)" >"$HERD_LOGS/bench-findings.log" 2>&1) || status=$?
    if [ "$scratch" = true ]; then
        PGPASSWORD=$HERD_DB_PASSWORD "$bindir/dropdb" -h 127.0.0.1 -p "$HERD_PG_PORT" -U "$HERD_DB_USER" --if-exists \
            herd_bench_findings || true
    fi
    [ $status -eq 0 ] && [ -r "$HERD_ROOT/provider-portal/target/findings-bench.txt" ] \
        || herd_die "FindingPageBenchmark failed; see $HERD_LOGS/bench-findings.log"
    cat "$HERD_ROOT/provider-portal/target/findings-bench.txt"
}

# The platform bench (docs/benchmarks-platform.md): the sample images with placeholders for name and address, the
# in-memory baseline on the same fleet (the portal's matcher, run from its test classes), the Debian 12 sample
# advisories pushed through the hub, then bench/platform/PlatformBench.java against the gateway and the portal.
herd_bench_platform() {
    local machines=$1 tenants=$2 agents=${HERD_BENCH_AGENTS:-48} part url data dir run package classpath baseline
    local seconds token
    [[ "$machines" =~ ^[1-9][0-9]*$ ]] && [[ "$tenants" =~ ^[1-9][0-9]*$ ]] && [[ "$agents" =~ ^[1-9][0-9]*$ ]] \
        || { herd_error "usage: ./herd bench platform [MACHINES] [TENANTS]   (HERD_BENCH_AGENTS: concurrent agents)"; exit 2; }
    herd_require_java
    # Readiness over HTTP, not pid files: the platform may run from another checkout.
    for part in "advisory-hub $HERD_HUB_PORT" "tenant-gateway $HERD_GATEWAY_PORT" "provider-portal $HERD_PORTAL_PORT"; do
        url="http://127.0.0.1:${part#* }/q/health/ready"
        [ "${part% *}" = tenant-gateway ] && url="$(herd_gateway_url)/q/health/ready"
        [ "$(herd_http_status "$url")" = 200 ] || herd_die "${part% *} is not ready at $url: start the platform with ./herd up"
    done
    data="$HERD_ROOT/../shared/data/debian12"
    [ -r "$data/debian12-dev-truth.json" ] || data="$HERD_ROOT/testdata/shared-data/debian12"
    [ -r "$data/debian12-fleet.json" ] || herd_die "sample data missing: $data/debian12-fleet.json"
    run=$(date +%s)
    dir="$HERD_HOME/bench/platform-$run"
    mkdir -p "$dir"

    herd_step "the 40 sample images as first reports (bench/platform/sample_images.py)"
    package=$(python3 "$HERD_ROOT/bench/platform/sample_images.py" "$data/debian12-fleet.json" \
        "$data/debian12-dev-truth.json" "$dir/images") || herd_die "could not prepare the sample images (python3 needed)"

    herd_step "the in-memory baseline: the portal's matcher on the same $machines machines"
    classpath="$dir/portal-test.classpath"
    (cd "$HERD_ROOT" && ./mvnw -q -pl provider-portal -am test-compile dependency:build-classpath -DskipTests \
        -Dmdep.includeScope=test -Dmdep.outputFile="$classpath") >"$dir/maven.log" 2>&1 \
        || { tail -n 20 "$dir/maven.log" >&2; herd_die "could not compile the provider-portal test classes"; }
    baseline=$("$JAVA_HOME/bin/java" -cp \
        "$HERD_ROOT/provider-portal/target/classes:$HERD_ROOT/provider-portal/target/test-classes:$(cat "$classpath")" \
        dev.herd.portal.diagnosis.bench.SampleFleetDiagnosis "$data/debian12-dev-osv.json" "$data/debian12-fleet.json" \
        "$machines") || herd_die "SampleFleetDiagnosis failed"
    herd_info "  $baseline"
    seconds=$(printf '%s\n' "$baseline" | sed -n 's/.*, \([0-9.]*\) s$/\1/p')
    [ -n "$seconds" ] || herd_die "no time in the baseline's answer: $baseline"

    herd_step "provider debian12-sample and its 2,880 advisories, through the hub"
    token=$(herd_api_token)
    herd_api_post "$token" "http://127.0.0.1:$HERD_HUB_PORT/api/providers" \
        '{"id":"debian12-sample","displayName":"Debian 12 sample advisories","trustTier":3}'
    "$HERD_ROOT/herd" advisories import --provider debian12-sample "$data/debian12-dev-osv.json" >"$dir/import.ndjson" \
        || herd_die "advisory import failed: $(grep -v '"accepted"\|"merged"\|"unchanged"' "$dir/import.ndjson" | head -3)"

    herd_step "$machines machines in $tenants tenants, first reports from $agents concurrent agents (run $run)"
    # CPU time is measured for the parts this checkout started (pid files under $HERD_RUN); none when it runs elsewhere.
    local cpu_pids="" pid
    for part in tenant-gateway provider-portal advisory-hub artemis postgres keycloak; do
        pid=$(cat "$HERD_RUN/$part.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && cpu_pids+="$part:$pid "
    done
    # shellcheck disable=SC2046 # the trust store options are words
    "$JAVA_HOME/bin/java" $(herd_tls_java_trust) "$HERD_ROOT/bench/platform/PlatformBench.java" \
        --gateway "$(herd_gateway_url)" --portal "http://127.0.0.1:$HERD_PORTAL_PORT" \
        --hub "http://127.0.0.1:$HERD_HUB_PORT" \
        --token-url "http://localhost:$HERD_KEYCLOAK_PORT/realms/herd/protocol/openid-connect/token" \
        --user "$HERD_USER" --password "$HERD_PASSWORD" --images "$dir/images" --machines "$machines" \
        --tenants "$tenants" --agents "$agents" --run "$run" --package "$package" --in-memory-seconds "$seconds" \
        --db-port "$HERD_PG_PORT" --db-password "$HERD_DB_PASSWORD" --stall-seconds "${HERD_BENCH_STALL_SECONDS:-300}" \
        --cpu-pids "$cpu_pids"
}

# The immunity bench (docs/benchmarks-immunity.md): bench/immunity/ImmunityBench.java against the gateway and the
# portal. HERD_BENCH_REPORTS (200) and HERD_BENCH_INTERVAL_MS (250) shape the measured damage reports; HERD_BENCH_KEEP=1
# leaves the bench machines listening on tcp/443 afterwards (by default they report again with nothing open);
# HERD_BENCH_MAX_MINUTES (0: none) makes a run give up by itself after that long, and still retire its machines.
herd_bench_immunity() {
    local tenants=$1 machines=$2 standing=$3 reports=${HERD_BENCH_REPORTS:-200} interval=${HERD_BENCH_INTERVAL_MS:-250}
    local part url
    [[ "$tenants" =~ ^[1-9][0-9]*$ ]] && [[ "$machines" =~ ^[1-9][0-9]*$ ]] && [[ "$standing" =~ ^[0-9]+$ ]] \
        && [[ "$reports" =~ ^[1-9][0-9]*$ ]] && [[ "$interval" =~ ^[1-9][0-9]*$ ]] \
        || { herd_error "usage: ./herd bench immunity [TENANTS] [MACHINES_PER_TENANT] [STANDING]   (positive numbers; STANDING may be 0)"; exit 2; }
    [ "$machines" -le 62500 ] || { herd_error "at most 62,500 machines per tenant (one 10.220.0.0/16 per tenant)"; exit 2; }
    herd_require_java
    command -v psql >/dev/null || herd_die "psql is needed to read the rule bundle tables (apt-get install postgresql-client)"
    # Readiness over HTTP, not pid files: the platform may run from another checkout.
    for part in "advisory-hub $HERD_HUB_PORT" "tenant-gateway $HERD_GATEWAY_PORT" "provider-portal $HERD_PORTAL_PORT"; do
        url="http://127.0.0.1:${part#* }/q/health/ready"
        [ "${part% *}" = tenant-gateway ] && url="$(herd_gateway_url)/q/health/ready"
        [ "$(herd_http_status "$url")" = 200 ] || herd_die "${part% *} is not ready at $url: start the platform with ./herd up"
    done
    herd_health_keycloak >/dev/null || herd_die "no Keycloak on port $HERD_KEYCLOAK_PORT: start the platform with ./herd up"
    herd_health_postgres >/dev/null || herd_die "no PostgreSQL on port $HERD_PG_PORT: start the platform with ./herd up"
    herd_step "$tenants tenants x $machines machines on tcp/443, $standing standing community advisories, then $reports damage reports every $interval ms"
    # shellcheck disable=SC2046 # the trust store options are words
    "$JAVA_HOME/bin/java" $(herd_tls_java_trust) "$HERD_ROOT/bench/immunity/ImmunityBench.java" \
        --gateway "$(herd_gateway_url)" --portal "http://127.0.0.1:$HERD_PORTAL_PORT" \
        --token-url "http://localhost:$HERD_KEYCLOAK_PORT/realms/herd/protocol/openid-connect/token" \
        --user "$HERD_USER" --password "$HERD_PASSWORD" --tenants "$tenants" --machines "$machines" \
        --standing "$standing" --reports "$reports" --interval-ms "$interval" --run "$(date +%s)" \
        --agents "${HERD_BENCH_AGENTS:-16}" --db-port "$HERD_PG_PORT" --db-password "$HERD_DB_PASSWORD" \
        --stall-seconds "${HERD_BENCH_STALL_SECONDS:-300}" --wait-seconds 30 \
        --artemis-console "http://127.0.0.1:$HERD_ARTEMIS_CONSOLE_PORT" --broker-login "$HERD_BROKER_USER:$HERD_BROKER_PASSWORD" \
        --max-minutes "${HERD_BENCH_MAX_MINUTES:-0}" --keep "$([ "${HERD_BENCH_KEEP:-0}" = 1 ] && echo true || echo false)"
}
