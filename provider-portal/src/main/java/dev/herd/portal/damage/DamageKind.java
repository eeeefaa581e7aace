package dev.herd.portal.damage;

/** How damage was detected: a signature hit in a flow, or a communication profile diverging from its baseline. */
public enum DamageKind {
    SIGNATURE,
    DIVERGENCE
}
