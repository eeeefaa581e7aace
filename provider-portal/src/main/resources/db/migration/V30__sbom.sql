-- SBOMs (CycloneDX 1.5/1.6, SPDX 2.3 JSON) attached to a machine or to a named application of a tenant, their
-- components with a package URL, and findings made from them (docs/sbom.md).
CREATE TABLE sbom (
    id           UUID         PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL,
    machine_id   UUID         REFERENCES machine (id) ON DELETE CASCADE,
    application  VARCHAR(200),
    format       VARCHAR(20)  NOT NULL CHECK (format IN ('CYCLONEDX', 'SPDX')),
    spec_version VARCHAR(20)  NOT NULL,
    name         VARCHAR(500),
    components   INTEGER      NOT NULL,
    skipped      INTEGER      NOT NULL,
    uploaded_by  VARCHAR(255) NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL,
    -- exactly one subject: a machine or an application
    CHECK ((machine_id IS NULL) <> (application IS NULL))
);
CREATE INDEX sbom_by_tenant ON sbom (tenant_id, id);
CREATE INDEX sbom_by_machine ON sbom (machine_id) WHERE machine_id IS NOT NULL;

-- One component per (ecosystem, package, version) of an SBOM, named as OSV names packages so that the advisory index
-- matches it like an installed package.
CREATE TABLE sbom_component (
    sbom_id   UUID          NOT NULL REFERENCES sbom (id) ON DELETE CASCADE,
    tenant_id VARCHAR(63)   NOT NULL,
    ecosystem VARCHAR(50)   NOT NULL,
    name      VARCHAR(200)  NOT NULL,
    version   VARCHAR(200)  NOT NULL,
    purl      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (sbom_id, ecosystem, name, version)
);
-- An advisory that arrives later reads the SBOMs having one of its packages through this index, a page at a time.
CREATE INDEX sbom_component_by_package ON sbom_component (ecosystem, name, sbom_id);

-- A finding is of a machine's inventory (machine_id) or of an SBOM's component (sbom_id); the machine of a machine's
-- SBOM is reached through the SBOM, so the machine-keyed paths (rules, patch plans, re-diagnosis) never see it.
ALTER TABLE finding ALTER COLUMN machine_id DROP NOT NULL;
ALTER TABLE finding ADD COLUMN sbom_id UUID REFERENCES sbom (id) ON DELETE CASCADE;
ALTER TABLE finding ADD CONSTRAINT finding_machine_or_sbom CHECK ((machine_id IS NULL) <> (sbom_id IS NULL));
CREATE UNIQUE INDEX finding_of_sbom ON finding (sbom_id, advisory_id, package_name) WHERE sbom_id IS NOT NULL;
