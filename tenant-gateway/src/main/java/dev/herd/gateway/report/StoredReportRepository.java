package dev.herd.gateway.report;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Persistence of machine reports. */
@ApplicationScoped
public class StoredReportRepository implements PanacheRepositoryBase<StoredReport, UUID> {}
