package dev.herd.portal.advisory;

import jakarta.interceptor.Interceptor;

/**
 * Fired (synchronously, inside the consumer's transaction, the {@link DiagnosisLock} held alone) after an advisory
 * was stored. Observers run in this order: package diagnosis, exposure, then the community hashes of the evidence.
 */
public record AdvisoryStored(KnownAdvisory advisory) {

    /** Observer priorities, lowest first. */
    public static final int DIAGNOSIS = Interceptor.Priority.APPLICATION;

    public static final int EXPOSURE = DIAGNOSIS + 10;
    public static final int EVIDENCE = DIAGNOSIS + 20;
}
