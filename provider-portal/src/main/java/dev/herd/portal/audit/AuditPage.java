package dev.herd.portal.audit;

import java.util.List;

/** One page of a tenant's audit list: the page (from 1), its size, how many there are in all, and the items. */
public record AuditPage<T>(String tenant, int page, int size, long total, List<T> items) {}
