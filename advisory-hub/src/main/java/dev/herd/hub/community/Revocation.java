package dev.herd.hub.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an MSSP admin revokes a community advisory. */
public record Revocation(@NotBlank @Size(max = 2000) String reason) {}
