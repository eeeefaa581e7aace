# The demo site's router: a network namespace, held by `unshare -n sleep infinity`, in which the tenant gateway's
# isolating device (driver nftables, mode apply) applies what it is asked for in a real kernel: the quarantine and
# isolation tables with nft, DROP_SIGNATURE string matches with iptables. It needs root, unshare, nsenter, nft and
# iptables; without them the gateway keeps the recording driver and `up` says so. `down` removes it: the namespace
# goes with the process that holds it.

herd_site_router_supported() {
    [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && command -v nsenter >/dev/null \
        && command -v nft >/dev/null && command -v iptables-restore >/dev/null
}

herd_start_site_router() {
    local pid i own
    herd_alive site-router && return 0
    if ! herd_site_router_supported; then
        herd_warn "no site router: a network namespace needs root, unshare, nsenter, nft and iptables;" \
            "the gateway records isolations instead of applying them"
        return 0
    fi
    herd_step "starting site-router"
    own=$(readlink /proc/self/ns/net)
    nohup unshare -n sleep infinity >/dev/null 2>&1 &
    pid=$!
    for i in $(seq 1 50); do
        [ -e "/proc/$pid/ns/net" ] && [ "$(readlink "/proc/$pid/ns/net")" != "$own" ] && break
        kill -0 "$pid" 2>/dev/null || herd_die "unshare -n could not make the site router's network namespace"
        sleep 0.1
    done
    herd_record_pid site-router "$pid"
    nsenter -t "$pid" -n ip link set lo up
    nsenter -t "$pid" -n sysctl -q -w net.ipv4.ip_forward=1 >/dev/null 2>&1 || true
    herd_info "  site router: network namespace of pid $pid, where the gateway's isolating device applies its rules"
}

herd_stop_site_router() {
    herd_stop_lab
    herd_stop_part site-router
}

# What a killed ./herd demo left of its site lab (namespace holders, HTTP servers, lab agents): its recorded pids, and
# every process still inside the network namespaces of those pids (the conntrack and tcpdump the lab agents started
# through nsenter), never a process of any other namespace.
herd_stop_lab() {
    local file="$HERD_RUN/lab.pids" pid own ns proc lab_ns=" "
    [ -f "$file" ] || return 0
    own=$(readlink /proc/self/ns/net)
    while read -r pid; do
        [ -n "$pid" ] || continue
        ns=$(readlink "/proc/$pid/ns/net" 2>/dev/null) || ns=''
        [ -n "$ns" ] && [ "$ns" != "$own" ] && lab_ns+="$ns "
        kill -KILL "$pid" 2>/dev/null || true
    done <"$file"
    if [ "$lab_ns" != " " ]; then
        for proc in /proc/[0-9]*; do
            ns=$(readlink "$proc/ns/net" 2>/dev/null) || continue
            case "$lab_ns" in *" $ns "*) kill -KILL "${proc#/proc/}" 2>/dev/null || true ;; esac
        done
    fi
    rm -f "$file"
}

# The gateway's isolating-device settings: the nftables driver applying in the site router, or nothing (recording).
herd_site_router_gateway_options() {
    local pid
    herd_alive site-router || return 0
    pid=$(herd_pid site-router)
    printf '%s' " -Dherd.gateway.isolation.driver=nftables -Dherd.gateway.isolation.nftables.mode=apply" \
        " -Dherd.gateway.isolation.nftables.binary=nsenter,-t,$pid,-n,nft" \
        " -Dherd.gateway.isolation.iptables.command=nsenter,-t,$pid,-n,iptables" \
        " -Dherd.gateway.isolation.suricata.rules-file=$HERD_RUN/suricata/herd-isolation.rules"
}
