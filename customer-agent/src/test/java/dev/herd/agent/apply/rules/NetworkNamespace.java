package dev.herd.agent.apply.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throwaway network namespace with its own empty nftables ruleset, held open by a {@code sleep} started with
 * {@code unshare -n}; {@link #nft()} runs nft inside it. Needs root (or CAP_SYS_ADMIN): tests fail without it.
 */
public final class NetworkNamespace implements AutoCloseable {

    private final Process holder;

    public NetworkNamespace() throws IOException, InterruptedException {
        holder = new ProcessBuilder("unshare", "-n", "sleep", "600").inheritIO().start();
        Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        Path theirs = Path.of("/proc/" + holder.pid() + "/ns/net");
        for (int i = 0; i < 100; i++) {
            if (!holder.isAlive()) {
                throw new IllegalStateException("unshare -n failed (exit " + holder.exitValue() + "): are we root?");
            }
            if (Files.exists(theirs) && !Files.readSymbolicLink(theirs).equals(own)) {
                return;
            }
            Thread.sleep(20);
        }
        holder.destroyForcibly();
        throw new IllegalStateException("unshare -n did not enter a new network namespace");
    }

    /** The process that holds the namespace, for {@code ip link ... netns PID}. */
    public long pid() {
        return holder.pid();
    }

    /** Runs a program inside the namespace: the prefix plus the program's name. */
    public List<String> run(String program) {
        return List.of("nsenter", "-t", Long.toString(holder.pid()), "-n", program);
    }

    public List<String> iptables() {
        return run("iptables");
    }

    public List<String> nft() {
        return List.of("nsenter", "-t", Long.toString(holder.pid()), "-n", "nft");
    }

    @Override
    public void close() {
        holder.destroyForcibly();
    }
}
