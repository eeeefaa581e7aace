package dev.herd.agent;

/** Something a heartbeat asks: {@code null} when all is well, otherwise the one-line reason it is not. */
@FunctionalInterface
public interface HealthCheck {

    String problem();
}
