package dev.herd.recovery.device;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A driver that only records what it was asked (for tests and demos). It can be told to fail the next calls on a
 * device, or to answer that the device confirms at once.
 */
@ApplicationScoped
public class RecordingDriver implements IsolatingDeviceDriver {

    /** One call as the driver saw it. */
    public record Call(String device, DeviceCall call) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    private volatile boolean confirming;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public DeviceAnswer apply(IsolatingDevice device, DeviceCall call) {
        calls.add(new Call(device.id(), call));
        Integer left = failuresLeft.computeIfPresent(device.id(), (id, n) -> n - 1);
        if (left != null && left >= 0) {
            throw new DeviceException("Device " + device.id() + " refused the call (recorded failure).", true);
        }
        return new DeviceAnswer(confirming, "recorded on " + device.id());
    }

    /** Makes the next {@code times} calls on {@code device} fail. */
    public void failNext(String device, int times) {
        failuresLeft.put(device, times);
    }

    /** Whether answers say the device confirms the effect at once. */
    public void confirming(boolean confirming) {
        this.confirming = confirming;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
        failuresLeft.clear();
        confirming = false;
    }
}
