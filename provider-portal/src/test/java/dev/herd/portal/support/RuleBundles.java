package dev.herd.portal.support;

import static dev.herd.testing.KeycloakTokens.user;
import static io.restassured.RestAssured.given;

import dev.herd.contracts.delivery.RuleBundle;
import java.util.List;

/** Test helpers for rule bundles that may be full or deltas (ADR 11). */
public final class RuleBundles {

    private RuleBundles() {}

    /** The rules a revision names: every rule of a full bundle, the rules a delta puts. */
    public static List<RuleBundle.Rule> named(RuleBundle bundle) {
        return bundle.isDelta() ? bundle.changes().put() : bundle.rules();
    }

    /** The tenant's current full nftables ruleset, as the portal's API renders it (for a tenant admin). */
    public static String currentNftables(String tenant) {
        return given().auth()
                .oauth2(user(tenant + "-admin"))
                .get("/api/tenants/" + tenant + "/rule-bundle")
                .then()
                .statusCode(200)
                .extract()
                .path("bundle.nftables");
    }
}
