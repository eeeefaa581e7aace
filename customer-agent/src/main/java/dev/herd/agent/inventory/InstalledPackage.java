package dev.herd.agent.inventory;

/** One installed binary package with the source package it was built from, as its package manager records it. */
public record InstalledPackage(
        String name, String version, String architecture, String sourceName, String sourceVersion, String manager) {}
