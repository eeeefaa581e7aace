# ./herd down: stop exactly what `up` started, newest first, by the pids it recorded.
herd_command() {
    local i part
    for ((i = ${#HERD_PARTS[@]} - 1; i >= 0; i--)); do
        part=${HERD_PARTS[$i]}
        if [ "$part" = postgres ]; then herd_stop_postgres; else herd_stop_part "$part"; fi
        # The site router goes after the gateway that applies rules in it.
        [ "$part" != advisory-hub ] || herd_stop_site_router
    done
    rm -f "$HERD_RUN/replicas"
    herd_info "Herd is down."
}
