package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** A CVSS vector with its base score and qualitative severity (NONE, LOW, MEDIUM, HIGH, CRITICAL). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CvssRating(
        String vector,
        @DecimalMin("0.0") @DecimalMax("10.0") Double score,
        Severity severity) {}
