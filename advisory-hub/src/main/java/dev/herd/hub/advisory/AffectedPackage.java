package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * A package a statement says is affected: its ecosystem as OSV names it ({@code Debian:12}, {@code PyPI} …), name,
 * version ranges and/or explicit versions, architectures; {@code sourceDocument} is the provider document that
 * said so (filled in by Herd).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AffectedPackage(
        @NotBlank String ecosystem,
        @NotBlank String name,
        String purl,
        @Valid List<VersionRange> ranges,
        List<String> versions,
        List<String> architectures,
        String sourceDocument) {

    public AffectedPackage {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        versions = versions == null ? List.of() : List.copyOf(versions);
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
    }

    public AffectedPackage from(String document) {
        return new AffectedPackage(ecosystem, name, purl, ranges, versions, architectures, document);
    }
}
