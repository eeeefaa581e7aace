# ./herd bench hub: advisory-hub ingestion throughput against the running platform (./herd up). Ingests the 2,880
# Debian 12 advisories, the same again (all unchanged), and a 50,000-record OSV batch derived from them, through the
# push API; prints documents per second and each run's ratio to the first (the baseline of this run).
herd_command() {
    local target=${1:-} run provider token dir baseline=''
    [ "$target" = hub ] || { herd_error "usage: ./herd bench hub"; exit 2; }
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
