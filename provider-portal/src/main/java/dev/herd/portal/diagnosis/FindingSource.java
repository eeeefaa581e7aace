package dev.herd.portal.diagnosis;

/** Where a finding's installed version came from: a machine's reported inventory, or an attached SBOM. */
public enum FindingSource {
    INVENTORY,
    SBOM
}
