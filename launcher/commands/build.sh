# ./herd build: compile, check formatting and package every module (with the agent's .deb), without running the tests.
herd_command() {
    herd_require_java
    herd_step "building Herd (./mvnw install -DskipTests)"
    (cd "$HERD_ROOT" && ./mvnw -B -q install -DskipTests "$@") || herd_die "build failed"
}
