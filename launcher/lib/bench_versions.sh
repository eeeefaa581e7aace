# herd_bench_versions [PAIRS] [ROUNDS]: DpkgVersionOrder against libapt's version comparison (python3-apt's
# apt_pkg.version_compare) on the same PAIRS (default 200,000) real Debian version pairs from
# bench/diagnosis/version_pairs.py; prints comparisons/s of each and the ratio Java/libapt, and checks that both
# ordered every pair the same way (same sign checksum).
herd_bench_versions() {
    local count=${1:-200000} rounds=${2:-10} dir pairs java_out apt_out java_rate apt_rate java_sum apt_sum
    herd_require_java
    /usr/bin/python3 -c 'import apt_pkg' 2>/dev/null \
        || herd_die "python3-apt is missing for /usr/bin/python3 (apt-get install python3-apt)"
    dir="$HERD_HOME/bench"
    mkdir -p "$dir"
    pairs="$dir/version-pairs-$count.txt"
    if [ ! -s "$pairs" ]; then
        herd_step "making $count real Debian version pairs (bench/diagnosis/version_pairs.py)"
        /usr/bin/python3 "$HERD_ROOT/bench/diagnosis/version_pairs.py" "$count" >"$pairs.part" \
            || herd_die "could not make the version pairs"
        mv "$pairs.part" "$pairs"
    fi
    herd_step "compiling provider-portal classes and tests"
    (cd "$HERD_ROOT" && ./mvnw -q -pl contracts,provider-portal test-compile) || herd_die "could not compile provider-portal"
    herd_step "libapt: apt_pkg.version_compare, best of $rounds rounds"
    apt_out=$(/usr/bin/python3 "$HERD_ROOT/bench/diagnosis/apt_compare.py" "$pairs" "$rounds") \
        || herd_die "apt_compare.py failed"
    herd_step "Java: DpkgVersionOrder, warm-up then best of $rounds rounds"
    java_out=$("$JAVA_HOME/bin/java" -cp \
        "$HERD_ROOT/provider-portal/target/classes:$HERD_ROOT/provider-portal/target/test-classes" \
        dev.herd.portal.version.VersionOrderBenchmark "$pairs" "$rounds") || herd_die "VersionOrderBenchmark failed"
    apt_rate=$(sed -n 's/^comparisons\/s //p' <<<"$apt_out")
    java_rate=$(sed -n 's/^comparisons\/s //p' <<<"$java_out")
    apt_sum=$(sed -n 's/^checksum //p' <<<"$apt_out")
    java_sum=$(sed -n 's/^checksum //p' <<<"$java_out")
    printf '\n%-40s %10s %16s %12s\n' "comparator ($count pairs)" "pairs" "comparisons/s" "checksum"
    printf '%-40s %10s %16s %12s\n' "libapt apt_pkg.version_compare" "$count" "$apt_rate" "$apt_sum"
    printf '%-40s %10s %16s %12s\n' "DpkgVersionOrder (Java)" "$count" "$java_rate" "$java_sum"
    printf 'ratio Java/libapt: %sx\n' "$(awk -v j="$java_rate" -v a="$apt_rate" 'BEGIN { printf "%.2f", j / a }')"
    [ "$apt_sum" = "$java_sum" ] || herd_die "the two comparators ordered some pairs differently (checksums differ)"
}
