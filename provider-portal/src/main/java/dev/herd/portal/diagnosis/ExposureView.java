package dev.herd.portal.diagnosis;

import java.util.List;
import java.util.UUID;

/**
 * One page of a tenant's machines that listen on a (protocol, port) beyond loopback: what a community advisory on that
 * port would expose. {@code next} is the {@code after} of the next page, null on the last.
 */
public record ExposureView(String tenant, String protocol, int port, List<ExposedMachine> machines, UUID next) {

    /** A machine and the open ports it was found by ({@code tcp/443}). */
    public record ExposedMachine(UUID id, String name, List<String> listening) {}
}
