package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.audit.AuditQuery;
import dev.herd.portal.audit.ConfigFileService;
import dev.herd.portal.audit.SessionService;
import dev.herd.portal.equipment.EquipmentEvidenceService;
import dev.herd.portal.tenant.TenantService;
import dev.herd.portal.tenant.TenantView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A machine's page: what it runs and listens on, its open findings, rules, patch plans, watched files, privileged
 * sessions and configuration files.
 */
@Path("/ui/tenants/{tenant}/machines/{machine}")
@Produces(MediaType.TEXT_HTML)
public class UiMachineResource {

    private final Template machine;
    private final UiSession session;
    private final TenantService tenants;
    /** The newest sessions and the configuration files shown on a machine's page. */
    static final String SESSIONS_SHOWN = "20";

    static final String FILES_SHOWN = "100";

    private final MachinePageService pages;
    private final SessionService sessions;
    private final ConfigFileService files;
    private final EquipmentEvidenceService equipment;

    public UiMachineResource(
            @Location("ui/machine.html") Template machine,
            UiSession session,
            TenantService tenants,
            MachinePageService pages,
            SessionService sessions,
            ConfigFileService files,
            EquipmentEvidenceService equipment) {
        this.machine = machine;
        this.session = session;
        this.tenants = tenants;
        this.pages = pages;
        this.sessions = sessions;
        this.files = files;
        this.equipment = equipment;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance show(
            @PathParam("tenant") String tenant,
            @PathParam("machine") String name,
            @QueryParam("packagesAfter") String packagesAfter) {
        TenantView view = tenants.get(session.caller(), tenant);
        MachinePage page = pages.of(tenant, name, packagesAfter); // 404 before the lists below read the name
        return UiPages.page(machine, session, tenant)
                .data("view", view)
                .data("page", page)
                .data("sessions", sessions.page(session.caller(), tenant, AuditQuery.of("1", SESSIONS_SHOWN, name)))
                .data("configFiles", files.page(session.caller(), tenant, AuditQuery.of("1", FILES_SHOWN, name)))
                .data(
                        "equipment",
                        equipment.of(tenant, page.machine().id(), page.machine().name()));
    }
}
