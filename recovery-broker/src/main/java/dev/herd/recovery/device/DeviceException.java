package dev.herd.recovery.device;

/** A call a device did not apply; {@code retriable} is false when trying again cannot help (no such device). */
public class DeviceException extends RuntimeException {

    private final boolean retriable;

    public DeviceException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
        this.retriable = true;
    }

    public boolean retriable() {
        return retriable;
    }
}
