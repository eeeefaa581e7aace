package dev.herd.portal.sbom;

/** The SBOM formats Herd reads. */
public enum SbomFormat {
    CYCLONEDX,
    SPDX
}
