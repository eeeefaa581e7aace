package dev.herd.agent.apply.patch;

import dev.herd.agent.process.CommandResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A package manager over an in-memory package set that records every call; chosen installs fail. */
public final class RecordingPackageManager implements PackageManager {

    public final Map<String, String> installed = new TreeMap<>();
    public final List<String> calls = new ArrayList<>();
    final Set<String> failing = new HashSet<>();

    public RecordingPackageManager with(String name, String version) {
        installed.put(name, version);
        return this;
    }

    /** {@code name=version} installs that fail (the package stays where it was). */
    RecordingPackageManager failing(String nameEqualsVersion) {
        failing.add(nameEqualsVersion);
        return this;
    }

    @Override
    public String name() {
        return "apt";
    }

    @Override
    public CommandResult simulate(List<PackageVersion> targets) {
        calls.add("simulate "
                + targets.stream().map(t -> t.packageName() + "=" + t.version()).toList());
        return new CommandResult(
                List.of("simulate"), 0, "Inst " + targets.getFirst().packageName(), "");
    }

    @Override
    public CommandResult install(PackageVersion target) {
        String spec = target.packageName() + "=" + target.version();
        calls.add("install " + spec);
        if (failing.contains(spec)) {
            return new CommandResult(List.of("install", spec), 100, "", "E: cannot install " + spec);
        }
        installed.put(target.packageName(), target.version());
        return new CommandResult(List.of("install", spec), 0, "", "");
    }

    @Override
    public CommandResult remove(String packageName) {
        calls.add("remove " + packageName);
        installed.remove(packageName);
        return new CommandResult(List.of("remove", packageName), 0, "", "");
    }

    @Override
    public Optional<String> installedVersion(String packageName) {
        return Optional.ofNullable(installed.get(packageName));
    }
}
