#!/bin/sh
# Findings by EPSS at scale on a scratch PostgreSQL (docs/findings-api.md, "Sorting by EPSS"). Run as root from the
# repository root: bench/findings-epss/run.sh [PORT]. Needs PostgreSQL's binaries and JAVA_HOME (21+); stops and
# removes its server at the end.
set -e
PORT=${1:-5499}
PG=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
DIR=/tmp/herd-epss-bench
HERE=$(pwd)/bench/findings-epss
JDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | tail -1)
mkdir -p $DIR && chown postgres $DIR
su -s /bin/sh postgres -c "$PG/initdb -D $DIR/data -U postgres -A trust" >/dev/null
su -s /bin/sh postgres -c "$PG/pg_ctl -D $DIR/data -o '-p $PORT -k $DIR -c shared_buffers=256MB -c jit=off' -l $DIR/log start"
trap 'su -s /bin/sh postgres -c "$PG/pg_ctl -D $DIR/data stop -m fast"; rm -rf $DIR' EXIT
psql -q -h $DIR -p $PORT -U postgres -c "CREATE DATABASE bench"
# V26 reads a table of a Java migration and fails; nothing of it is needed here.
for f in $(ls provider-portal/src/main/resources/db/migration/*.sql | sort -V); do
    psql -q -v ON_ERROR_STOP=1 -h $DIR -p $PORT -U postgres -d bench -f $f >/dev/null 2>&1 || echo "skipped $(basename $f)"
done
psql -h $DIR -p $PORT -U postgres -d bench -f $HERE/load.sql
for tenant in acme initech; do
    nice $JAVA_HOME/bin/java -cp $JDBC $HERE/EpssWalk.java "jdbc:postgresql://localhost:$PORT/bench" $tenant 100
done
psql -h $DIR -p $PORT -U postgres -d bench -f $HERE/baseline.sql
