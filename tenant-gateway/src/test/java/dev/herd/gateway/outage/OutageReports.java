package dev.herd.gateway.outage;

/** Report bodies as an agent sends them: a full report first, then deltas. */
final class OutageReports {

    private OutageReports() {}

    static String body(String hostname, long sequence) {
        return sequence == 1 ? full(hostname) : delta(hostname, sequence);
    }

    private static String full(String hostname) {
        return """
                {"sequence": 1, "kind": "FULL",
                 "report": {
                   "collectedAt": "2026-11-21T07:00:00Z",
                   "os": {"id": "debian", "versionId": "12", "name": "Debian GNU/Linux",
                          "architecture": "amd64", "hostname": "%s", "kernelRelease": "6.1.0-28-amd64"},
                   "packages": [
                     {"name": "openssl", "version": "3.0.15-1~deb12u1", "architecture": "amd64",
                      "sourceName": "openssl", "sourceVersion": "3.0.15-1~deb12u1", "manager": "dpkg"}],
                   "listening": []}}
                """.formatted(hostname);
    }

    private static String delta(String hostname, long sequence) {
        return """
                {"sequence": %d, "kind": "DELTA",
                 "report": {"os": {"id": "debian", "versionId": "12", "architecture": "amd64", "hostname": "%s"},
                            "listening": []},
                 "delta": {
                   "added": [],
                   "changed": [{"name": "openssl", "version": "3.0.15-%d", "architecture": "amd64",
                                "sourceName": "openssl", "sourceVersion": "3.0.15-%d", "manager": "dpkg"}],
                   "removed": []}}
                """.formatted(sequence, hostname, sequence, sequence);
    }
}
