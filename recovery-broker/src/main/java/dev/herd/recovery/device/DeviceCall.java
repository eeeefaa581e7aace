package dev.herd.recovery.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herd.contracts.isolation.IsolationOrder;

/**
 * What a driver is asked to apply: the whole order, or one of its playbook steps ({@code step} counts from 1). The
 * idempotency key is the order id, or {@code <orderId>/step-<n>} for a playbook step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceCall(
        String idempotencyKey, IsolationOrder order, Integer step, IsolationOrder.PlaybookStep action) {

    public static DeviceCall wholeOrder(IsolationOrder order) {
        return new DeviceCall(order.orderId().toString(), order, null, null);
    }

    public static DeviceCall playbookStep(IsolationOrder order, int step) {
        return new DeviceCall(
                order.orderId() + "/step-" + step, order, step, order.playbook().get(step - 1));
    }
}
