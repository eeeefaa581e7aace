package dev.herd.recovery.device;

import java.util.Optional;

/** An isolating device as configured: its id (the orders' isolation point), its driver and where it listens. */
public record IsolatingDevice(String id, String driver, Optional<String> url) {}
