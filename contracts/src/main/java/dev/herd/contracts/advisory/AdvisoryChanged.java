package dev.herd.contracts.advisory;

import java.time.Instant;
import java.util.List;

/**
 * Message on the multicast address {@value #ADDRESS}: an advisory was created, changed or withdrawn. It names the
 * packages the advisory touches so that diagnosis re-examines only machines that have them; consumers fetch the
 * advisory itself from the hub. {@code actionable} is false while only providers below the automatic-action tier
 * stand behind it: such an advisory must not drive rules or patches by itself.
 */
public record AdvisoryChanged(
        String advisoryId,
        Change change,
        boolean actionable,
        boolean knownExploited,
        int emergencyLevel,
        List<PackageRef> packages,
        Instant modifiedAt) {

    public static final String ADDRESS = "herd.advisories";

    /** What happened to the advisory. */
    public enum Change {
        CREATED,
        UPDATED,
        WITHDRAWN
    }

    /** A package in an ecosystem, as OSV names them ({@code Debian:12} / {@code openssl}). */
    public record PackageRef(String ecosystem, String name) {}

    public AdvisoryChanged {
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
