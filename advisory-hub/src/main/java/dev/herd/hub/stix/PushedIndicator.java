package dev.herd.hub.stix;

import dev.herd.hub.community.CommunityIndicators;
import java.time.Instant;

/** One STIX indicator of a pushed bundle, checked: where it was, what it says, and the Herd indicators of its pattern. */
record PushedIndicator(
        int index,
        String stixId,
        String name,
        String description,
        Instant validFrom,
        Instant modified,
        boolean withdrawn,
        CommunityIndicators indicators) {}
