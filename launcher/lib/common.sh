# Shared by every launcher command: locations, ports, messages, JDK discovery, pid files, downloads, waiting.
# Every setting can be overridden from the environment (HERD_*); defaults are what docs/operations.md lists.

HERD_HOME="${HERD_HOME:-$HERD_ROOT/.herd}"           # all state and logs of `./herd up`
HERD_CACHE="${HERD_CACHE:-$HOME/.cache/herd}"        # downloaded distributions, shared by checkouts
HERD_MAVEN_REPO="${HERD_MAVEN_REPO:-https://repo1.maven.org/maven2}"
HERD_RUN="$HERD_HOME/run"
HERD_LOGS="$HERD_HOME/logs"

HERD_PG_PORT="${HERD_PG_PORT:-15432}"
HERD_ARTEMIS_PORT="${HERD_ARTEMIS_PORT:-61616}"
HERD_ARTEMIS_CONSOLE_PORT="${HERD_ARTEMIS_CONSOLE_PORT:-8161}"
HERD_KEYCLOAK_PORT="${HERD_KEYCLOAK_PORT:-8180}"
HERD_KEYCLOAK_MGMT_PORT="${HERD_KEYCLOAK_MGMT_PORT:-9180}"
HERD_HUB_PORT="${HERD_HUB_PORT:-8081}"
HERD_GATEWAY_PORT="${HERD_GATEWAY_PORT:-8082}"
HERD_PORTAL_PORT="${HERD_PORTAL_PORT:-8083}"
HERD_RECOVERY_PORT="${HERD_RECOVERY_PORT:-8084}"
# The gateway serves HTTPS (agents pin its CA); plain HTTP on HERD_GATEWAY_PLAIN_PORT only with
# HERD_TLS_ALLOW_PLAIN_HTTP=true (launcher/lib/tls.sh).
HERD_GATEWAY_PLAIN_PORT="${HERD_GATEWAY_PLAIN_PORT:-8092}"
HERD_TLS_ALLOW_PLAIN_HTTP="${HERD_TLS_ALLOW_PLAIN_HTTP:-false}"

HERD_DB_NAME=herd
HERD_DB_USER=herd
HERD_DB_PASSWORD=herd
HERD_BROKER_USER=herd
HERD_BROKER_PASSWORD=herd

ARTEMIS_VERSION=2.56.0
KEYCLOAK_VERSION=26.7.3
HERD_MIN_JAVA=21

# The parts `./herd up` starts, in start order; `down` stops them in reverse.
HERD_PARTS=(postgres artemis keycloak advisory-hub tenant-gateway provider-portal recovery-broker agent)

if [ -t 1 ]; then
    _bold=$'\e[1m' _red=$'\e[31m' _green=$'\e[32m' _yellow=$'\e[33m' _reset=$'\e[0m'
else
    _bold='' _red='' _green='' _yellow='' _reset=''
fi

herd_info() { printf '%s\n' "$*"; }
herd_step() { printf '%s==>%s %s\n' "$_bold" "$_reset" "$*"; }
herd_warn() { printf '%swarning:%s %s\n' "$_yellow" "$_reset" "$*" >&2; }
herd_error() { printf '%serror:%s %s\n' "$_red" "$_reset" "$*" >&2; }
herd_die() {
    herd_error "$*"
    exit 1
}

# Finds a JDK >= 21 and exports JAVA_HOME and PATH for it. Looks at $JAVA_HOME, then the JDKs under
# $HERD_JDK_DIRS (default /usr/lib/jvm), then `java` on PATH, and takes the newest; says where it looked when none
# is new enough.
herd_require_java() {
    local candidates=() seen=() home version best_home='' best_version=0
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for home in "${HERD_JDK_DIRS:-/usr/lib/jvm}"/*; do [ -x "$home/bin/java" ] && candidates+=("$home"); done
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for home in "${candidates[@]}"; do
        [ -x "$home/bin/java" ] || continue
        [[ " ${seen[*]} " == *" $home ("* ]] && continue
        version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java.specification.version = //p' | head -n 1)
        version="${version#1.}"
        seen+=("$home (Java ${version:-unknown})")
        if [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -gt "$best_version" ]; then
            best_version=$version best_home=$home
        fi
    done
    if [ "$best_version" -lt "$HERD_MIN_JAVA" ]; then
        herd_error "Herd needs a JDK $HERD_MIN_JAVA or newer; none found."
        herd_info "  Looked at \$JAVA_HOME, ${HERD_JDK_DIRS:-/usr/lib/jvm}/* and 'java' on PATH:" >&2
        if [ ${#seen[@]} -eq 0 ]; then herd_info "    (no JDK at all)" >&2; fi
        for home in "${seen[@]}"; do herd_info "    $home" >&2; done
        herd_info "  Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
        exit 1
    fi
    export JAVA_HOME="$best_home"
    export PATH="$JAVA_HOME/bin:$PATH"
}

# Progress of a long run on stderr: "LABEL: done/total UNIT, rate/s, about N s left", at most every
# HERD_PROGRESS_SECONDS (default 5) from herd_progress, always from herd_progress_end. One run at a time.
herd_progress_start() {
    _herd_progress_label=$1 _herd_progress_total=$2 _herd_progress_unit=${3:-}
    _herd_progress_started=$(herd_micros) _herd_progress_printed=$(herd_micros) _herd_progress_done=-1
}
# The total, when it is only known once the run has started (the first page says it).
herd_progress_total() { _herd_progress_total=$1; }
herd_progress() {
    local now
    now=$(herd_micros)
    [ $((now - _herd_progress_printed)) -ge $((${HERD_PROGRESS_SECONDS:-5} * 1000000)) ] || return 0
    _herd_progress_printed=$now
    herd_progress_line "$1" "$now"
}
herd_progress_end() { [ "$1" = "$_herd_progress_done" ] || herd_progress_line "$1" "$(herd_micros)"; }
herd_progress_line() {
    local done=$1 elapsed=$(($2 - _herd_progress_started)) tenths left=''
    _herd_progress_done=$done
    [ "$elapsed" -gt 0 ] || elapsed=1
    tenths=$((done * 10000000 / elapsed))
    if [ "$done" -gt 0 ] && [ "$done" -lt "$_herd_progress_total" ]; then
        left=", about $(((_herd_progress_total - done) * elapsed / done / 1000000)) s left"
    fi
    printf '%s: %d/%d%s, %d.%d/s%s\n' "$_herd_progress_label" "$done" "$_herd_progress_total" \
        "${_herd_progress_unit:+ $_herd_progress_unit}" $((tenths / 10)) $((tenths % 10)) "$left" >&2
}
# Microseconds since the epoch, without a fork (bash 5's EPOCHREALTIME, whatever the locale's decimal mark).
herd_micros() {
    local now=$EPOCHREALTIME
    now=${now//[.,]/}
    printf '%s\n' $((10#$now))
}

herd_is_root() { [ "$(id -u)" -eq 0 ]; }

# Installs Debian packages when missing (root only; otherwise says what to install).
herd_apt_install() {
    local missing=() pkg
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! herd_is_root || ! command -v apt-get >/dev/null 2>&1; then
        herd_die "missing packages: ${missing[*]}. Install them (apt-get install ${missing[*]}) and run again."
    fi
    herd_step "installing ${missing[*]} (apt-get)"
    if [ ! -f "$HERD_CACHE/.apt-updated" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || herd_die "apt-get update failed"
        mkdir -p "$HERD_CACHE" && touch "$HERD_CACHE/.apt-updated"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || herd_die "apt-get install ${missing[*]} failed"
}

# Downloads a Maven Central artifact into the cache (checked against its .sha1) and prints its path.
# usage: herd_fetch GROUP_PATH ARTIFACT VERSION FILE_SUFFIX   e.g. org/keycloak keycloak-quarkus-dist 26.7.3 .tar.gz
herd_fetch() {
    local group=$1 artifact=$2 version=$3 suffix=$4
    local file="$artifact-$version$suffix" url
    url="$HERD_MAVEN_REPO/$group/$artifact/$version/$file"
    mkdir -p "$HERD_CACHE"
    if [ ! -s "$HERD_CACHE/$file" ]; then
        herd_step "downloading $file from $HERD_MAVEN_REPO" >&2
        if ! curl -fsSL --retry 3 --connect-timeout 20 -o "$HERD_CACHE/$file.part" "$url" 2>"$HERD_CACHE/$file.err"; then
            herd_error "download failed: $url"
            sed 's/^/  /' "$HERD_CACHE/$file.err" >&2
            herd_info "  Check the network or set HERD_MAVEN_REPO to a reachable Maven repository." >&2
            rm -f "$HERD_CACHE/$file.part"
            return 1
        fi
        local expected actual
        expected=$(curl -fsSL --retry 3 "$url.sha1" | cut -c1-40) || expected=''
        actual=$(sha1sum "$HERD_CACHE/$file.part" | cut -c1-40)
        if [ -n "$expected" ] && [ "$expected" != "$actual" ]; then
            rm -f "$HERD_CACHE/$file.part"
            herd_error "download failed: $file has SHA-1 $actual, Maven Central says $expected"
            return 1
        fi
        mv "$HERD_CACHE/$file.part" "$HERD_CACHE/$file"
        rm -f "$HERD_CACHE/$file.err"
    fi
    printf '%s\n' "$HERD_CACHE/$file"
}

# --- pid files: `up` records every process it starts; `down` stops exactly those.
herd_pidfile() { printf '%s/%s.pid\n' "$HERD_RUN" "$1"; }
herd_pid() {
    local file
    file=$(herd_pidfile "$1")
    [ -f "$file" ] && cat "$file"
}
herd_alive() {
    local pid
    pid=$(herd_pid "$1") || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
herd_record_pid() {
    mkdir -p "$HERD_RUN"
    printf '%s\n' "$2" >"$(herd_pidfile "$1")"
}

# Stops the recorded process of a part: SIGNAL (default TERM), up to 60 s, then KILL.
herd_stop_part() {
    local part=$1 signal=${2:-TERM} pid waited=0
    if ! herd_alive "$part"; then
        rm -f "$(herd_pidfile "$part")"
        return 0
    fi
    pid=$(herd_pid "$part")
    kill "-$signal" "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if [ $waited -ge 600 ]; then
            herd_warn "$part (pid $pid) did not stop within 60 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    rm -f "$(herd_pidfile "$part")"
    herd_info "stopped $part (pid $pid)"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
herd_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails with a clear message when PORT is taken by a process that is not this part's.
herd_require_free_port() {
    local port=$1 part=$2 variable=$3
    if herd_port_open "$port"; then
        herd_die "port $port (for $part) is already in use by another process. Stop it, or choose another port: $variable=<port> ./herd up"
    fi
}

herd_free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        herd_port_open "$port" || { printf '%s\n' "$port"; return; }
    done
}

# HTTP status of URL (000 when nothing answers).
# An https URL is the tenant gateway's: trusted by the demo CA (launcher/lib/tls.sh).
herd_http_status() {
    local trust=()
    [[ $1 == https:* ]] && trust=(--cacert "$(herd_gateway_ca)")
    curl -s -o /dev/null -m 5 "${trust[@]}" -w '%{http_code}' "$1" 2>/dev/null || true
}

# Waits until `herd_health_<part>` succeeds; fails early when the process died. Prints the log tail on failure.
herd_wait_healthy() {
    local part=$1 timeout=$2 started=$SECONDS reason
    while :; do
        if reason=$(herd_health "$part"); then
            herd_info "  ${_green}healthy${_reset} $part ($((SECONDS - started)) s)"
            return 0
        fi
        if ! herd_alive "$part"; then
            herd_error "$part exited while starting: $reason. Last lines of $HERD_LOGS/$part.log:"
            tail -n 25 "$HERD_LOGS/$part.log" >&2 2>/dev/null || true
            return 1
        fi
        if [ $((SECONDS - started)) -ge "$timeout" ]; then
            herd_error "$part not healthy after $timeout s: $reason. See ./herd logs $part"
            return 1
        fi
        sleep 1
    done
}

# Health of one part: prints nothing and succeeds when healthy, prints the reason and fails otherwise.
herd_health() {
    local part=$1
    if ! herd_alive "$part"; then
        if [ -f "$(herd_pidfile "$part")" ]; then echo "not running (pid $(herd_pid "$part") is gone)"; else echo "not running"; fi
        return 1
    fi
    "herd_health_${part//-/_}"
}

for _lib in postgres artemis keycloak site tls services agent api replicas; do
    # shellcheck source=/dev/null
    source "$HERD_ROOT/launcher/lib/$_lib.sh"
done
unset _lib
herd_replicas_parts
