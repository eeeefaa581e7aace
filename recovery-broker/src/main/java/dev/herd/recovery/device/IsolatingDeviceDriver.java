package dev.herd.recovery.device;

/**
 * Talks to one kind of isolating device (a gateway's nftables, a switch, an agent's gateway for playbook steps).
 * Implementations must be idempotent per {@link DeviceCall#idempotencyKey()}: a resumed or retried order sends the
 * same key again and must take effect once.
 */
public interface IsolatingDeviceDriver {

    /** The name operators choose it by: {@code herd.recovery.devices.<id>.driver=<name>}. */
    String name();

    /** Applies the call on {@code device}; throws {@link DeviceException} when it was not applied. */
    DeviceAnswer apply(IsolatingDevice device, DeviceCall call);
}
