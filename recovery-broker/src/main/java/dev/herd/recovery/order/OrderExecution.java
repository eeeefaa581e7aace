package dev.herd.recovery.order;

import dev.herd.contracts.isolation.IsolationOrder;
import dev.herd.recovery.device.DeviceAnswer;
import dev.herd.recovery.device.DeviceCall;
import dev.herd.recovery.device.DeviceException;
import dev.herd.recovery.device.IsolatingDevice;
import dev.herd.recovery.device.IsolatingDeviceDriver;
import dev.herd.recovery.device.IsolatingDevices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs one EXECUTING order through its device's driver: the whole order for ISOLATE/UNISOLATE, each playbook step in
 * turn for RECOVER. Runs inside the transaction that holds the order's row lock, so the outcome and the end of the
 * lock commit together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderExecution {

    private final IsolatingDevices devices;
    private final OrderLifecycle lifecycle;

    public OrderExecution(IsolatingDevices devices, OrderLifecycle lifecycle) {
        this.devices = devices;
        this.lifecycle = lifecycle;
    }

    public void run(RecoveryOrder order) {
        IsolationOrder message = lifecycle.message(order);
        try {
            IsolatingDevice device = devices.device(order.isolationPoint);
            IsolatingDeviceDriver driver = devices.driver(device);
            order.driver = driver.name();
            DeviceAnswer answer = order.kind == OrderKind.RECOVER
                    ? runPlaybook(order, message, device, driver)
                    : driver.apply(device, DeviceCall.wholeOrder(message));
            lifecycle.applied(order, driver.name(), answer.detail());
            // Monitor data confirm a recovery (the portal's job); a device can only confirm its own isolation.
            if (answer.confirmed() && order.kind != OrderKind.RECOVER) {
                lifecycle.confirm(order, "device " + device.id(), "confirmed by " + device.id());
            }
        } catch (DeviceException e) {
            lifecycle.failed(order, e.getMessage(), e.retriable());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A driver bug or a bad device setting (a malformed URL): a failed attempt, not an order stuck EXECUTING.
            lifecycle.failed(order, "Driver " + order.driver + " failed: " + e, true);
        }
    }

    private DeviceAnswer runPlaybook(
            RecoveryOrder order, IsolationOrder message, IsolatingDevice device, IsolatingDeviceDriver driver) {
        int steps = message.playbook().size();
        DeviceAnswer answer = null;
        for (int step = 1; step <= steps; step++) {
            IsolationOrder.PlaybookStep action = message.playbook().get(step - 1);
            answer = driver.apply(device, DeviceCall.playbookStep(message, step));
            lifecycle.note(
                    order,
                    "step " + step + "/" + steps + " " + action.action() + " " + action.target() + ": "
                            + answer.detail());
        }
        return DeviceAnswer.applied("playbook of " + steps + " steps applied through " + device.id());
    }
}
