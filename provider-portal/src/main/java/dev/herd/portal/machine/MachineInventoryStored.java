package dev.herd.portal.machine;

import jakarta.interceptor.Interceptor;

/**
 * Fired (synchronously, inside the consumer's transaction) after a machine's inventory was stored. Observers run in
 * this order: diagnosis, then exposure (only when {@code listeningChanged}), then the admission publisher, which
 * reports where the machine stands after both.
 */
public record MachineInventoryStored(Machine machine, boolean listeningChanged) {

    /** Observer priorities, lowest first. */
    public static final int DIAGNOSIS = Interceptor.Priority.APPLICATION;

    public static final int EXPOSURE = DIAGNOSIS + 10;
    public static final int ADMISSION = DIAGNOSIS + 20;
}
