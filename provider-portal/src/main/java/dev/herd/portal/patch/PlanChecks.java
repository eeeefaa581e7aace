package dev.herd.portal.patch;

import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The operation checks of a machine's plan, run before and after the install: for each TCP port it listens on a
 * {@code port} check on 127.0.0.1, an {@code http} GET for 80/8080 ({@code https} for 443) expecting 200, an
 * {@code smtp} greeting for 25/587, and one {@code profile} check (the listening TCP ports are the same as before).
 */
final class PlanChecks {

    private PlanChecks() {}

    static List<PatchPlan.Check> of(Machine machine) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (MachineInventory.ListeningPort listening : machine.listening) {
            if (listening.protocol() != null && listening.protocol().startsWith("tcp")) {
                ports.add(listening.port());
            }
        }
        List<PatchPlan.Check> checks = new ArrayList<>();
        for (int port : ports) {
            checks.add(new PatchPlan.Check("port", "127.0.0.1:" + port, null));
            switch (port) {
                case 80, 8080 -> checks.add(new PatchPlan.Check("http", "http://127.0.0.1:" + port + "/", "200"));
                case 443 -> checks.add(new PatchPlan.Check("http", "https://127.0.0.1:443/", "200"));
                case 25, 587 -> checks.add(new PatchPlan.Check("smtp", "127.0.0.1:" + port, null));
                default -> {}
            }
        }
        checks.add(new PatchPlan.Check("profile", "listening tcp ports", null));
        return checks;
    }
}
