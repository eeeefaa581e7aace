package dev.herd.gateway.report;

/** Report bodies as an agent sends them, shaped like {@code customer-agent collect --print}. */
final class Reports {

    private Reports() {}

    static String full(long sequence) {
        return """
                {"sequence": %d, "kind": "FULL", "tenantId": "globex",
                 "report": {
                   "collectedAt": "2026-11-21T07:00:00Z",
                   "os": {"id": "debian", "versionId": "12", "name": "Debian GNU/Linux",
                          "architecture": "amd64", "hostname": "web-01", "kernelRelease": "6.1.0-28-amd64"},
                   "interfaces": [{"name": "eth0", "mac": "52:54:00:12:34:56", "ipv4": ["10.0.0.5/24"],
                                   "ipv6": ["fe80::5054:ff:fe12:3456/64", "2001:db8::5/64"]},
                                  {"name": "lo", "ipv4": ["127.0.0.1/8"], "ipv6": ["::1/128"]}],
                   "packages": [
                     {"name": "openssl", "version": "3.0.15-1~deb12u1", "architecture": "amd64",
                      "sourceName": "openssl", "sourceVersion": "3.0.15-1~deb12u1", "manager": "dpkg"},
                     {"name": "libssl3", "version": "3.0.15-1~deb12u1", "architecture": "amd64",
                      "sourceName": "openssl", "sourceVersion": "3.0.15-1~deb12u1", "manager": "dpkg"}],
                   "listening": [{"protocol": "tcp", "address": "0.0.0.0", "port": 22, "inode": 1234,
                                  "pid": 511, "process": "sshd"}],
                   "hardware": {"blockDevices": [{"name": "sda", "sizeBytes": 1000}]},
                   "watchedFiles": [{"path": "/etc/passwd", "sha256": "abc"}],
                   "privilegedLogins": [{"user": "root", "at": "2026-11-21T06:00:00Z"}],
                   "networkConfigChanges": []}}
                """.formatted(sequence);
    }

    static String delta(long sequence) {
        return """
                {"sequence": %d, "kind": "DELTA",
                 "report": {"os": {"id": "debian", "versionId": "12", "architecture": "amd64", "hostname": "web-01"},
                            "listening": []},
                 "delta": {
                   "added": [{"name": "nginx", "version": "1.22.1-9", "architecture": "amd64",
                              "sourceName": "nginx", "sourceVersion": "1.22.1-9", "manager": "dpkg"}],
                   "changed": [{"name": "openssl", "version": "3.0.16-1~deb12u1", "architecture": "amd64",
                                "sourceName": "openssl", "sourceVersion": "3.0.16-1~deb12u1", "manager": "dpkg"}],
                   "removed": [{"name": "libssl3", "version": "3.0.15-1~deb12u1", "architecture": "amd64"}]}}
                """.formatted(sequence);
    }
}
