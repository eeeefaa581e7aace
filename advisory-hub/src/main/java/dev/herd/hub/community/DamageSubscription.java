package dev.herd.hub.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where a provider wants damage reports POSTed: an absolute http(s) URL. */
public record DamageSubscription(@NotBlank @Size(max = 2000) String url) {}
