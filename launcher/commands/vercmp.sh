# ./herd vercmp ECOSYSTEM: compares version pairs in the order of an ecosystem (Debian:12, debian, rpm, alpine, pypi,
# maven, semver, npm ...). Reads lines "A B" on stdin, prints "A OP B" with OP <, = or >. Exit 1 when a line was not
# two versions (the others are still answered), 2 for an unknown ecosystem.
herd_command() {
    [ $# -eq 1 ] || { herd_error "usage: ./herd vercmp ECOSYSTEM < pairs   (lines 'A B')"; exit 2; }
    herd_require_java
    local classes="$HERD_ROOT/provider-portal/target/classes"
    if [ ! -f "$classes/dev/herd/portal/version/Vercmp.class" ]; then
        herd_step "compiling provider-portal" >&2
        (cd "$HERD_ROOT" && ./mvnw -q -pl contracts,provider-portal compile) >&2 || herd_die "could not compile provider-portal"
    fi
    exec "$JAVA_HOME/bin/java" -cp "$classes" dev.herd.portal.version.Vercmp "$1"
}
