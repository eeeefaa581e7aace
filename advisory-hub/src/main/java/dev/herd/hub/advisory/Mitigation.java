package dev.herd.hub.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A filter spec that protects until the patch is in: protocol, port, service, payload signature and/or the attacker's
 * address or CIDR block ({@code sourceAddress}) whose traffic is dropped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mitigation(
        String protocol,
        @Min(0) @Max(65535) Integer port,
        String service,
        String signature,
        String description,
        @Size(max = 64) String sourceAddress) {}
