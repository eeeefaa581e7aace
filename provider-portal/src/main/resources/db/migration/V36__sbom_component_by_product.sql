-- Packages that vendor CSAF documents name only by CPE (ecosystem 'CPE', name 'vendor:product') are found among SBOM
-- components by product: the last segment of the component's name, lower case (dev.herd.portal.match.CpeProducts).
CREATE INDEX sbom_component_by_product ON sbom_component (lower(regexp_replace(name, '^.*[:/]', '')), sbom_id);
