package dev.herd.hub.csaf;

/** A package as the hub's advisories name it: its OSV ecosystem ({@code Debian:12}, {@code npm} …), name and purl. */
record PackageIdentity(String ecosystem, String name, String purl) {}
