package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.audit.AuditPage;
import dev.herd.portal.audit.AuditQuery;
import dev.herd.portal.audit.ConfigFileService;
import dev.herd.portal.audit.ConfigFileView;
import dev.herd.portal.audit.ExpectedConfigFileService;
import dev.herd.portal.audit.ExpectedConfigFiles;
import dev.herd.portal.tenant.TenantService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A tenant's network configuration files page: permissions against the expected ones (those that differ first) and
 * each file's newest changes, from {@link ConfigFileService} as the API answers it; tenant admins and MSSP admins edit
 * the tenant's expected permissions ({@link ExpectedConfigFileForm}) as {@code PUT
 * /api/tenants/{t}/expected-config-files} does.
 */
@Path("/ui/tenants/{tenant}/config-files")
@Produces(MediaType.TEXT_HTML)
public class UiConfigFilesResource {

    private final Template files;
    private final UiSession session;
    private final TenantService tenants;
    private final ConfigFileService service;
    private final ExpectedConfigFileService expected;

    public UiConfigFilesResource(
            @Location("ui/config-files.html") Template files,
            UiSession session,
            TenantService tenants,
            ConfigFileService service,
            ExpectedConfigFileService expected) {
        this.files = files;
        this.session = session;
        this.tenants = tenants;
        this.service = service;
        this.expected = expected;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance page(@PathParam("tenant") String tenant, @QueryParam("page") String page) {
        var view = tenants.get(session.caller(), tenant);
        AuditPage<ConfigFileView> shown = service.page(session.caller(), tenant, AuditQuery.of(page, null, null));
        ExpectedConfigFiles own = expected.of(session.caller(), tenant);
        return UiPages.page(files, session, tenant)
                .data("view", view)
                .data("files", shown)
                .data("expected", own)
                .data("expectedText", ExpectedConfigFileForm.text(own.entries()))
                .data("done", null)
                .data("pager", UiPager.of(shown.page() - 1, shown.size(), shown.total()));
    }

    @POST
    @Path("/expected")
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.TENANT_ADMIN})
    public String saveExpected(@PathParam("tenant") String tenant, @FormParam("expected") String text) {
        tenants.get(session.caller(), tenant); // 403 for another tenant's admin, 404 for no such tenant
        ExpectedConfigFiles saved = expected.replace(session.caller(), tenant, ExpectedConfigFileForm.entries(text));
        return files.getFragment("expected")
                .data("tenant", tenant)
                .data("expected", saved)
                .data("expectedText", ExpectedConfigFileForm.text(saved.entries()))
                .data("canAct", true)
                .data(
                        "done",
                        "Expected permissions saved; the tenant's files were checked again (reload for the table).")
                .render();
    }
}
