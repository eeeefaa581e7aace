# ./herd memory: resident memory of every running part, from the pids `up` recorded (PostgreSQL with its backends).
herd_command() {
    local part pid rss children
    printf '%-16s %8s %s\n' part pid "resident MiB"
    for part in "${HERD_PARTS[@]}"; do
        if ! herd_alive "$part"; then
            printf '%-16s %8s %s\n' "$part" - "not running"
            continue
        fi
        pid=$(herd_pid "$part")
        rss=$(ps -o rss= -p "$pid" | tr -d ' ')
        # A PostgreSQL server is its postmaster plus one process per backend and helper.
        children=$({ ps -o rss= --ppid "$pid" || true; } | awk '{s += $1} END {print s + 0}')
        printf '%-16s %8s %s\n' "$part" "$pid" "$(((rss + children) / 1024))"
    done
}
