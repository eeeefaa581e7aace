package dev.herd.agent.hardware;

import java.util.List;

/** The hardware configuration: storage, network adapters and USB mass storage present. */
public record Hardware(List<BlockDevice> blockDevices, List<NetworkAdapter> networkAdapters, boolean usbMassStorage) {}
