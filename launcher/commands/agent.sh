# ./herd agent collect [--print] [ARGS]: collect this machine's information with the customer agent
# (java -jar customer-agent/target/customer-agent.jar collect ARGS), building the agent first when its jar is missing.
herd_command() {
    if [ "${1:-}" != collect ]; then
        herd_error "usage: ./herd agent collect [--print] [--root DIR] [--watch FILE]..."
        exit 2
    fi
    shift
    herd_require_java
    local jar="$HERD_ROOT/customer-agent/target/customer-agent.jar"
    if [ ! -f "$jar" ]; then
        # Progress goes to stderr: stdout is the report, meant for pipes.
        herd_step "building the customer agent (./mvnw install -pl customer-agent)" >&2
        (cd "$HERD_ROOT" && ./mvnw -q -B install -DskipTests -pl customer-agent) >&2 \
            || herd_die "build of customer-agent failed"
    fi
    exec "$JAVA_HOME/bin/java" -jar "$jar" collect "$@"
}
