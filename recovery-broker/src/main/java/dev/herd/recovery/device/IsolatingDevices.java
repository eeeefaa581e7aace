package dev.herd.recovery.device;

import dev.herd.recovery.RecoveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured isolating devices ({@code herd.recovery.devices.<id>.*}) and the driver of each. */
@ApplicationScoped
public class IsolatingDevices {

    private final RecoveryConfig config;
    private final Map<String, IsolatingDeviceDriver> drivers;

    public IsolatingDevices(RecoveryConfig config, Instance<IsolatingDeviceDriver> drivers) {
        this.config = config;
        this.drivers = drivers.stream().collect(Collectors.toMap(IsolatingDeviceDriver::name, Function.identity()));
    }

    /** The device named by an order's isolation point; a non-retriable failure when it is not configured. */
    public IsolatingDevice device(String isolationPoint) {
        if (isolationPoint == null || isolationPoint.isBlank()) {
            throw new DeviceException("The order names no isolation point.", false);
        }
        RecoveryConfig.Device device = config.devices().get(isolationPoint);
        if (device == null) {
            throw new DeviceException(
                    "Unknown isolation point '" + isolationPoint + "': no herd.recovery.devices." + isolationPoint
                            + ".driver is configured.",
                    false);
        }
        return new IsolatingDevice(isolationPoint, device.driver(), device.url());
    }

    /** The driver of {@code device}; a non-retriable failure when no driver has that name. */
    public IsolatingDeviceDriver driver(IsolatingDevice device) {
        IsolatingDeviceDriver driver = drivers.get(device.driver());
        if (driver == null) {
            throw new DeviceException(
                    "Isolation point '" + device.id() + "' names driver '" + device.driver() + "'; known drivers: "
                            + drivers.keySet() + ".",
                    false);
        }
        return driver;
    }
}
