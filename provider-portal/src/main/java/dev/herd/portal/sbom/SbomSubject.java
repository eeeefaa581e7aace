package dev.herd.portal.sbom;

import java.util.UUID;

/** What an SBOM is attached to: a machine of the tenant, or an application named by the tenant. */
public record SbomSubject(UUID machineId, String machineName, String application) {

    static SbomSubject machine(UUID id, String name) {
        return new SbomSubject(id, name, null);
    }

    static SbomSubject application(String name) {
        return new SbomSubject(null, null, name);
    }
}
