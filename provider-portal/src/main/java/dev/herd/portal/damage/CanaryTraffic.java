package dev.herd.portal.damage;

/** The traffic of canary checks (a scanner's test signature): never an attack, registered as a canary or not. */
public final class CanaryTraffic {

    /** Every canary signature starts so. */
    public static final String PREFIX = "HERD-CANARY-";

    private CanaryTraffic() {}

    public static boolean isCanary(String signature) {
        return signature != null && signature.strip().startsWith(PREFIX);
    }
}
