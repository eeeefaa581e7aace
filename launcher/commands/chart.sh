# ./herd chart check: renders helm/herd with the real Helm (helm-java's embedded library, from Maven Central) for every
# values file under helm/herd/ci, and validates every manifest against the Kubernetes API's schemas (module
# helm-check). Prints `chart: N manifests from K values files valid`, or every problem and exits 1. Builds the module
# when it is missing; ./herd test runs the same check as the module's tests.
herd_command() {
    if [ "${1:-}" != check ] || [ $# -ne 1 ]; then
        herd_error "usage: ./herd chart check"
        exit 2
    fi
    herd_require_java
    local module="$HERD_ROOT/helm-check"
    if [ ! -f "$module/target/classes/dev/herd/helmcheck/ChartCheck.class" ] || [ ! -d "$module/target/lib" ]; then
        herd_step "building helm-check" >&2
        (cd "$HERD_ROOT" && ./mvnw -B -q -pl helm-check package -DskipTests) >&2 || herd_die "could not build helm-check"
    fi
    exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dslf4j.internal.verbosity=ERROR \
        -cp "$module/target/classes:$module/target/lib/*" dev.herd.helmcheck.ChartCheck "$HERD_ROOT/helm/herd"
}
