package dev.herd.agent.hardware;

/** A network interface backed by a device, with the kernel driver bound to it and whether it is on USB. */
public record NetworkAdapter(String name, String driver, boolean usb) {}
