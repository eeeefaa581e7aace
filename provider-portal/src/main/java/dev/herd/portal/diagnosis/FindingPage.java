package dev.herd.portal.diagnosis;

import java.util.List;

/** One page of findings, in the order asked for; {@code next} is null on the last page. */
public record FindingPage(List<FindingView> findings, FindingCursor next, FindingTotal total) {}
