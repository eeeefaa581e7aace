# ./herd audit: against the running platform's PostgreSQL, counts every effect that took place more than once across
# the whole platform (each line: `audit: WHAT: N rows, D applied twice`), and ends with
# `audit: nothing applied twice` or `audit: D applied twice` (exit 1). Run after ./herd demo or ./herd chaos, with one
# or two replicas (docs/replicas.md).
HERD_AUDIT_CHECKS=(
    "live filter rules per tenant and rule key|SELECT count(*), count(*) - count(DISTINCT (tenant_id, rule_key)) FROM portal.filter_rule WHERE state <> 'WITHDRAWN'"
    "rule bundle revisions per tenant (portal)|SELECT count(*), count(*) - count(DISTINCT (tenant_id, revision)) FROM portal.rule_bundle"
    "isolation orders per case, point, mode and kind|SELECT count(*), count(*) - count(DISTINCT (case_id, isolation_point, mode, kind)) FROM portal.isolation_order WHERE kind = 'ISOLATE'"
    "device order steps answered per order and step (gateway)|SELECT count(*), count(*) - count(DISTINCT (order_id, kind, split_part(idempotency_key, '/', 2))) FROM gateway.device_order"
    "apply outcomes per agent, kind and reference (gateway)|SELECT count(*), count(*) - count(DISTINCT (agent_id, kind, reference, result)) FROM gateway.apply_outcome"
    "damage events per case, machine, indicator and time|SELECT count(*), count(*) - count(DISTINCT (tenant_id, case_id, machine_id, kind, indicator, at)) FROM portal.damage_event"
)

herd_command() {
    local check what query rows doubled total=0
    herd_health postgres >/dev/null || herd_die "PostgreSQL is not running: start the platform with ./herd up"
    export PGPASSWORD=$HERD_DB_PASSWORD
    for check in "${HERD_AUDIT_CHECKS[@]}"; do
        what=${check%%|*} query=${check#*|}
        IFS=$'\t' read -r rows doubled < <("$(herd_pg_bindir)/psql" -h 127.0.0.1 -p "$HERD_PG_PORT" -U "$HERD_DB_USER" \
            -d "$HERD_DB_NAME" -At -F $'\t' -v ON_ERROR_STOP=1 -c "$query") \
            || herd_die "audit: the query for '$what' failed"
        printf 'audit: %s: %s rows, %s applied twice\n' "$what" "$rows" "$doubled"
        total=$((total + doubled))
    done
    if [ "$total" -eq 0 ]; then
        printf 'audit: nothing applied twice\n'
    else
        printf 'audit: %d applied twice\n' "$total"
        return 1
    fi
}
