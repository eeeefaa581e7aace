# ./herd status: one line per part, `healthy` or the reason it is not. Exit 1 when any part is not healthy.
herd_command() {
    local part reason all=0
    for part in "${HERD_PARTS[@]}"; do
        if reason=$(herd_health "$part"); then
            printf '%-16s %shealthy%s\n' "$part" "$_green" "$_reset"
        else
            printf '%-16s %s%s%s\n' "$part" "$_red" "$reason" "$_reset"
            all=1
        fi
    done
    if [ -f "$(herd_pidfile site-router)" ]; then
        if herd_alive site-router; then
            printf '%-16s %shealthy%s (network namespace of pid %s)\n' site-router "$_green" "$_reset" "$(herd_pid site-router)"
        else
            printf '%-16s %snot running (pid %s is gone)%s\n' site-router "$_red" "$(herd_pid site-router)" "$_reset"
            all=1
        fi
    fi
    return $all
}
