package dev.herd.gateway.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.agent.apply.rules.NetworkNamespace;
import dev.herd.contracts.isolation.IsolationOrder.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nftables driver as the isolating device of a small lab of throwaway network namespaces: a client, a router (the
 * device, where the driver applies its rules) and a server behind it. A DROP_SIGNATURE order drops the requests that
 * carry the signature on their way through the router and lets clean ones through, until it is lifted.
 */
class StringMatchWireTest {

    private static final String SERVER = "10.99.2.2";
    private static final String SIGNATURE = "${jndi:ldap://";
    private static final int REQUESTS = 5;

    /** Sends REQUESTS attack and REQUESTS clean requests (0.5 s timeout each) and prints how many were answered. */
    private static final String CLIENT = """
            import socket, sys
            def answered(header):
                try:
                    with socket.create_connection(("%s", 8080), timeout=0.5) as s:
                        s.sendall(("GET / HTTP/1.0\\r\\nUser-Agent: " + header + "\\r\\n\\r\\n").encode())
                        return s.recv(12).startswith(b"HTTP/")
                except OSError:
                    return False
            print(sum(answered(sys.argv[1]) for _ in range(%d)), sum(answered("curl") for _ in range(%d)))
            """.formatted(SERVER, REQUESTS, REQUESTS);

    @TempDir
    Path dir;

    private NetworkNamespace client;
    private NetworkNamespace router;
    private NetworkNamespace server;
    private Process http;

    @BeforeEach
    void lab() throws Exception {
        client = new NetworkNamespace();
        router = new NetworkNamespace();
        server = new NetworkNamespace();
        run(router, "ip", "link", "add", "r0", "type", "veth", "peer", "name", "c0", "netns", pid(client));
        run(router, "ip", "link", "add", "r1", "type", "veth", "peer", "name", "s0", "netns", pid(server));
        run(router, "ip", "addr", "add", "10.99.1.1/24", "dev", "r0");
        run(router, "ip", "addr", "add", "10.99.2.1/24", "dev", "r1");
        run(router, "ip", "link", "set", "r0", "up");
        run(router, "ip", "link", "set", "r1", "up");
        run(router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        run(client, "ip", "addr", "add", "10.99.1.2/24", "dev", "c0");
        run(client, "ip", "link", "set", "c0", "up");
        run(client, "ip", "route", "add", "default", "via", "10.99.1.1");
        run(server, "ip", "addr", "add", SERVER + "/24", "dev", "s0");
        run(server, "ip", "link", "set", "s0", "up");
        run(server, "ip", "link", "set", "lo", "up");
        run(server, "ip", "route", "add", "default", "via", "10.99.2.1");
        List<String> serve = new ArrayList<>(server.run("python3"));
        serve.addAll(List.of("-m", "http.server", "8080", "--bind", SERVER));
        http = new ProcessBuilder(serve)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 50 && wire().cleanAnswered() < REQUESTS; i++) {
            Thread.sleep(100);
        }
    }

    @AfterEach
    void close() {
        if (http != null) {
            http.destroyForcibly();
        }
        for (NetworkNamespace namespace : new NetworkNamespace[] {client, router, server}) {
            if (namespace != null) {
                namespace.close();
            }
        }
    }

    @Test
    void aDropSignatureOrderDropsTheAttackThroughTheRouterAndLetsCleanTrafficPass() throws Exception {
        assertEquals(new Wire(REQUESTS, REQUESTS), wire(), "before the order everything is answered");
        NftablesDevice device = new NftablesDevice(
                new Nft(router.nft()),
                NftablesDevice.Mode.APPLY,
                List.of(),
                new Iptables(router.iptables()),
                new SuricataRules(dir.resolve("herd-isolation.rules")));
        UUID order = UUID.randomUUID();

        device.isolate(new Isolation(order, Mode.DROP_SIGNATURE, List.of(Machine.of(null, SERVER)), 0, SIGNATURE));

        assertEquals(new Wire(0, REQUESTS), wire(), "attack dropped at the router, clean answered");
        assertEquals(List.of(order), device.lift(List.of(Machine.of(null, SERVER))));
        assertEquals(new Wire(REQUESTS, REQUESTS), wire(), "lifted: the attack passes again");
    }

    private record Wire(int attackAnswered, int cleanAnswered) {}

    private Wire wire() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(client.run("python3"));
        command.addAll(List.of("-c", CLIENT, SIGNATURE));
        String[] counts = run(command).strip().split(" ");
        return new Wire(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
    }

    private static String pid(NetworkNamespace namespace) {
        return Long.toString(namespace.pid());
    }

    private static void run(NetworkNamespace namespace, String program, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(namespace.run(program));
        command.addAll(List.of(args));
        run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor() == 0, String.join(" ", command) + ": " + out);
        return out;
    }
}
