package dev.herd.portal.ui;

import dev.herd.contracts.tenancy.Roles;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The data every /ui page's layout needs: who is signed in, the CSRF token, the tenant in view. */
final class UiPages {

    private UiPages() {}

    static TemplateInstance page(Template template, UiSession session, String tenant) {
        return template.data("user", session.caller().subject())
                .data("staff", session.caller().isMsspStaff())
                .data("admin", session.caller().roles().contains(Roles.MSSP_ADMIN))
                .data("csrf", session.csrfToken())
                .data("tenant", tenant)
                .data("canAct", tenant != null && session.canAct(tenant));
    }
}
