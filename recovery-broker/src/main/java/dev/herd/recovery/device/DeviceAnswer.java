package dev.herd.recovery.device;

/** A device's answer to an applied call: whether it already confirms the effect, and what it says. */
public record DeviceAnswer(boolean confirmed, String detail) {

    public static DeviceAnswer applied(String detail) {
        return new DeviceAnswer(false, detail);
    }
}
