package dev.herd.portal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.tenancy.Roles;
import dev.herd.portal.tenant.TenantService;
import dev.herd.portal.traffic.TrafficService;
import dev.herd.portal.traffic.TrafficView;
import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's traffic page: flows per protocol over time as a stacked ECharts area chart, and the busiest machines,
 * from {@link TrafficService} as {@code GET /api/tenants/{t}/traffic} answers it.
 */
@Path("/ui/tenants/{tenant}/traffic")
@Produces(MediaType.TEXT_HTML)
public class UiTrafficResource {

    /** The periods the page offers, in hours. */
    static final List<Integer> HOURS_CHOICES = List.of(1, 6, 24, 72, 168);

    private final Template traffic;
    private final UiSession session;
    private final TenantService tenants;
    private final TrafficService service;
    private final ObjectMapper json;

    public UiTrafficResource(
            @Location("ui/traffic.html") Template traffic,
            UiSession session,
            TenantService tenants,
            TrafficService service,
            ObjectMapper json) {
        this.traffic = traffic;
        this.session = session;
        this.tenants = tenants;
        this.service = service;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.MSSP_ADMIN, Roles.MSSP_ANALYST, Roles.TENANT_ADMIN, Roles.TENANT_VIEWER})
    public TemplateInstance page(@PathParam("tenant") String tenant, @QueryParam("hours") String hours)
            throws JsonProcessingException {
        var view = tenants.get(session.caller(), tenant);
        TrafficView shown = service.of(session.caller(), tenant, hours, Instant.now());
        return UiPages.page(traffic, session, tenant)
                .data("view", view)
                .data("traffic", shown)
                .data("hours", (int)
                        ((shown.to().getEpochSecond() - shown.from().getEpochSecond()) / 3600))
                .data("choices", HOURS_CHOICES)
                .data("windowMinutes", shown.windowSeconds() / 60)
                // For the chart's script: JSON inside <script type="application/json">, with '<' escaped.
                .data(
                        "chart",
                        new RawString(json.writeValueAsString(shown.protocols()).replace("<", "\\u003c")));
    }
}
