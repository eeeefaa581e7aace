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
    return $all
}
