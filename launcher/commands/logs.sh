# ./herd logs PART [-f]: print the last 200 lines of a part's log, or follow it with -f.
herd_command() {
    local part=${1:-} file
    if [ -z "$part" ]; then
        herd_error "usage: ./herd logs PART [-f]   (PART: ${HERD_PARTS[*]})"
        exit 2
    fi
    file="$HERD_LOGS/$part.log"
    [ -f "$file" ] || herd_die "no log for '$part' at $file (parts: ${HERD_PARTS[*]})"
    if [ "${2:-}" = -f ]; then tail -n 200 -F "$file"; else tail -n 200 "$file"; fi
}
