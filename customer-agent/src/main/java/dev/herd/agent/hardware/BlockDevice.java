package dev.herd.agent.hardware;

/** A block device from {@code /sys/block}: size in bytes, removable, and whether it sits on a USB bus. */
public record BlockDevice(String name, long sizeBytes, boolean removable, boolean usb, boolean usbMassStorage) {}
