package dev.herd.recovery.order;

import dev.herd.contracts.isolation.IsolationOrder;
import java.util.stream.Collectors;

/** The plain-text summary of an order that owners receive by mail. */
final class OrderSummary {

    private OrderSummary() {}

    static String of(IsolationOrder order, String sentence) {
        StringBuilder text = new StringBuilder()
                .append("Order ")
                .append(order.orderId())
                .append(" (")
                .append(order.kind())
                .append(order.mode() == null ? "" : " " + order.mode())
                .append(") for tenant ")
                .append(order.tenantId())
                .append(' ')
                .append(sentence)
                .append("\n\nIsolation point: ")
                .append(order.isolationPoint())
                .append("\nSegment: ")
                .append(order.segment())
                .append("\nReason: ")
                .append(order.reason())
                .append("\nMachines:\n");
        order.machines()
                .forEach(m -> text.append("  - ")
                        .append(m.name())
                        .append(' ')
                        .append(m.addresses())
                        .append('\n'));
        if (!order.playbook().isEmpty()) {
            text.append("Playbook: ")
                    .append(order.playbook().stream()
                            .map(s -> s.action() + " " + s.target())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return text.toString();
    }
}
