# ./herd fuzz [SECONDS] [TARGET...]: fuzzes the Jazzer targets (every @FuzzTest method of a *FuzzTest class) one
# after the other, SECONDS (default 120) each, and prints one line per target: executions, seconds, finding or none.
# TARGET picks targets by substring of module/Class#method ("dpkg", "VersionOrderFuzzTest", "tenant-gateway").
# A crashing input is written by Jazzer into the target's inputs directory (src/test/resources/<package>/
# <Class>Inputs/<method>/crash-…), where the regression run of ./herd test replays it; the generated corpus is
# kept in <module>/.cifuzz-corpus (not committed), so a second run starts where the first stopped.
herd_command() {
    local seconds=120 target module class method log line runs took status=0 found=0
    if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
        seconds=$1
        shift
    fi
    herd_require_java
    mkdir -p "$HERD_LOGS"
    while read -r target; do
        [ -n "$target" ] || continue
        herd_fuzz_selected "$target" "$@" || continue
        found=$((found + 1))
        module=${target%%/*}
        class=${target#*/}
        class=${class%#*}
        method=${target#*#}
        log="$HERD_LOGS/fuzz-$class-$method.log"
        herd_step "fuzzing $target for $seconds s (log: $log)"
        if (cd "$HERD_ROOT" && JAZZER_FUZZ=1 ./mvnw -B test-compile surefire:test@fuzz -pl "contracts,$module" \
            "-Dherd.fuzz=$class#$method" "-Djazzer.max_duration=${seconds}s") >"$log" 2>&1; then
            line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1)
            runs=$(sed -E 's/^Done ([0-9]+) runs.*/\1/' <<<"$line")
            took=$(sed -E 's/.* in ([0-9]+) second.*/\1/' <<<"$line")
            herd_info "fuzz: $target: ${runs:-?} executions in ${took:-?} s, no finding"
        else
            status=1
            herd_error "fuzz: $target: a finding (or a failed build); the crashing input, if any:"
            grep -E 'crash-[0-9a-f]+|Java Exception|FuzzTestFindingException|BUILD FAILURE' "$log" | head -n 5 >&2
        fi
    done < <(herd_fuzz_targets)
    [ $found -gt 0 ] || herd_die "no fuzz target matches '$*'; targets: $(herd_fuzz_targets | tr '\n' ' ')"
    return $status
}

# Every target as module/Class#method: the method declared after each @FuzzTest in */src/test/java/**/*FuzzTest.java.
herd_fuzz_targets() {
    local file module class
    while read -r file; do
        module=${file%%/src/test/java/*}
        class=$(basename "$file" .java)
        awk -v prefix="$module/$class#" '
            /@FuzzTest/ { pending = 1; next }
            pending && match($0, /void [A-Za-z0-9_]+\(/) {
                print prefix substr($0, RSTART + 5, RLENGTH - 6)
                pending = 0
            }' "$HERD_ROOT/$file"
    done < <(cd "$HERD_ROOT" && find . -path '*/src/test/java/*' -name '*FuzzTest.java' | sed 's|^\./||' | sort)
}

# True when no pattern is given or the target contains one of them.
herd_fuzz_selected() {
    local target=$1 pattern
    shift
    [ $# -eq 0 ] && return 0
    for pattern in "$@"; do
        [[ "$target" == *"$pattern"* ]] && return 0
    done
    return 1
}
