-- Every change to an advisory takes the next revision, so that each portal instance keeps its in-memory index of the
-- standing advisories current by reading only the rows above the revision it holds (DiagnosisService, ADR 9).
-- Advisory changes are serialised by the diagnosis lock and take their revision after it, so revisions commit in order.
CREATE SEQUENCE advisory_revision;
ALTER TABLE advisory ADD COLUMN revision BIGINT NOT NULL DEFAULT nextval('advisory_revision');
CREATE INDEX advisory_by_revision ON advisory (revision);
