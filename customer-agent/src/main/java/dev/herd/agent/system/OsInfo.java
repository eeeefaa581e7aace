package dev.herd.agent.system;

/** The operating system: os-release identity, architecture (dpkg's name where dpkg is), host name and kernel. */
public record OsInfo(
        String id,
        String versionId,
        String name,
        String prettyName,
        String versionCodename,
        String architecture,
        String hostname,
        String kernelRelease) {}
