package dev.herd.contracts.purl;

/** A package as Herd's advisories name it: its OSV ecosystem ({@code Debian:12}, {@code npm} …), name and purl. */
public record PackageIdentity(String ecosystem, String name, String purl) {}
