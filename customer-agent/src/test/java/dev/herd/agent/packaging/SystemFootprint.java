package dev.herd.agent.packaging;

import java.util.Set;
import java.util.TreeSet;

/** Every path of this machine's system folders whose name mentions herd-agent: what the package may leave behind. */
final class SystemFootprint {

    private static final String[] FOLDERS = {"/etc", "/lib/systemd", "/usr/bin", "/usr/lib", "/usr/share", "/var/lib"};

    private SystemFootprint() {}

    static Set<String> now() {
        String[] command = new String[FOLDERS.length + 6];
        command[0] = "find";
        System.arraycopy(FOLDERS, 0, command, 1, FOLDERS.length);
        command[FOLDERS.length + 1] = "-xdev";
        command[FOLDERS.length + 2] = "-name";
        command[FOLDERS.length + 3] = "*herd-agent*";
        command[FOLDERS.length + 4] = "-print";
        command[FOLDERS.length + 5] = "-prune";
        // find exits 1 when a folder (e.g. /lib/systemd) is missing; what it found is still what is there.
        return new TreeSet<>(AgentPackage.attempt(command).stdout().lines().toList());
    }
}
