# PostgreSQL from the OS packages (installed with apt-get when missing). PostgreSQL refuses to run as root, so when
# the launcher runs as root the server runs as the unprivileged system user `herd` (created when missing).

HERD_PG_OS_USER=herd

herd_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ]; then
        herd_apt_install postgresql >&2
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -x "$dir/initdb" ] || herd_die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
    printf '%s\n' "$dir"
}

# Runs a command as the user that owns the cluster: `herd` when we are root, ourselves otherwise.
herd_pg_as_owner() {
    if herd_is_root; then
        runuser -u "$HERD_PG_OS_USER" -- "$@"
    else
        "$@"
    fi
}

herd_pg_ensure_os_user() {
    herd_is_root || return 0
    id "$HERD_PG_OS_USER" >/dev/null 2>&1 && return 0
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$HERD_PG_OS_USER" \
        || herd_die "cannot create the system user '$HERD_PG_OS_USER' that runs PostgreSQL (it refuses to run as root)"
}

# Creates a cluster in DIR (once) with the superuser herd/herd, password login over TCP, trust on its own socket.
herd_pg_init() {
    local bindir=$1 dir=$2
    [ -f "$dir/data/PG_VERSION" ] && return 0
    herd_pg_ensure_os_user
    mkdir -p "$dir/data" "$dir/socket"
    printf '%s\n' "$HERD_DB_PASSWORD" >"$dir/pwfile"
    if herd_is_root; then chown -R "$HERD_PG_OS_USER:" "$dir"; fi
    if ! herd_pg_as_owner test -w "$dir/data"; then
        herd_die "user '$HERD_PG_OS_USER' cannot write $dir (a parent folder is closed to it); set HERD_HOME to a folder it can reach"
    fi
    herd_pg_as_owner "$bindir/initdb" -D "$dir/data" -U "$HERD_DB_USER" --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; herd_die "initdb failed (log above)"; }
    rm -f "$dir/pwfile"
}

# Server settings for Herd's write pattern (COPY of packages and findings, an outbox row per message): a cache big
# enough for a 10,000-machine fleet's hot indexes, and checkpoints spaced so that a fleet import is not mostly WAL
# full-page writes. Durability settings (fsync, synchronous_commit) stay at PostgreSQL's defaults.
# JIT is off: Herd's queries are short index reads, and above 100,000 cost units (a tenant's open-findings count at
# 10,000 machines) JIT compiled each one again, 5 ms a query and 12 s of one core over a 10,000-machine bench.
# HERD_PG_SHARED_BUFFERS / HERD_PG_MAX_WAL_SIZE override the two sizes.
herd_pg_tuning() {
    printf '%s' "-c shared_buffers=${HERD_PG_SHARED_BUFFERS:-512MB} -c max_wal_size=${HERD_PG_MAX_WAL_SIZE:-4GB}"
    printf '%s' " -c checkpoint_timeout=15min -c wal_compression=on -c work_mem=16MB -c jit=off"
}

# Starts the cluster in DIR on PORT, logging to LOG; records its postmaster pid under PART.
herd_pg_start() {
    local part=$1 bindir=$2 dir=$3 port=$4 log=$5
    touch "$log"
    if herd_is_root; then chown "$HERD_PG_OS_USER:" "$log"; fi
    herd_pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/socket $(herd_pg_tuning)" start >/dev/null \
        || { tail -n 20 "$log" >&2; herd_die "PostgreSQL did not start (see $log)"; }
    herd_record_pid "$part" "$(head -n 1 "$dir/data/postmaster.pid")"
}

# Creates database NAME on PORT unless it exists.
herd_pg_create_db() {
    local bindir=$1 port=$2 name=$3
    local exists
    exists=$(PGPASSWORD=$HERD_DB_PASSWORD "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$HERD_DB_USER" -d postgres \
        -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")
    [ "$exists" = 1 ] && return 0
    PGPASSWORD=$HERD_DB_PASSWORD "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$HERD_DB_USER" "$name" \
        || herd_die "cannot create database $name"
}

herd_start_postgres() {
    local bindir
    bindir=$(herd_pg_bindir)
    herd_pg_init "$bindir" "$HERD_HOME/postgres"
    herd_pg_start postgres "$bindir" "$HERD_HOME/postgres" "$HERD_PG_PORT" "$HERD_LOGS/postgres.log"
    herd_pg_create_db "$bindir" "$HERD_PG_PORT" "$HERD_DB_NAME"
}

herd_health_postgres() {
    local answer
    answer=$("$(herd_pg_bindir)/pg_isready" -h 127.0.0.1 -p "$HERD_PG_PORT" -d "$HERD_DB_NAME" 2>&1) && return 0
    echo "${answer#127.0.0.1:$HERD_PG_PORT - }"
    return 1
}

# PostgreSQL's fast shutdown is SIGINT (SIGTERM waits for every client to leave).
herd_stop_postgres() { herd_stop_part postgres INT; }
