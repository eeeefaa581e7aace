package dev.herd.testing.tenancy;

import dev.herd.testing.KeycloakTokens;

/**
 * Who the tenancy matrix calls as, by the name its table uses. The API's tenant and provider are {@code acme} and
 * {@code csaf-demo}: the tenant callers and the gateway belong to acme, the {@code other-…} callers to globex and to
 * the provider osv-demo. The MSSP callers belong to no tenant. The order is from least to most trusted, so that a
 * write one caller is wrongly allowed shows before the callers allowed it change the state.
 */
public enum Caller {
    NONE("none"),
    PROVIDER("provider"),
    OTHER_PROVIDER("other-provider"),
    OTHER_GATEWAY("other-gateway"),
    OTHER_TENANT_ADMIN("other-tenant-admin"),
    RECOVERY("recovery"),
    TENANT_VIEWER("tenant-viewer"),
    MSSP_ANALYST("mssp-analyst"),
    GATEWAY("gateway"),
    TENANT_ADMIN("tenant-admin"),
    MSSP_ADMIN("mssp-admin");

    private final String name;

    Caller(String name) {
        this.name = name;
    }

    /** The name in the table, e.g. {@code other-tenant-admin}. */
    public String tableName() {
        return name;
    }

    /** Bound to another tenant or provider than the one the requests name: its 2xx answers must not show theirs. */
    public boolean outsider() {
        return this == PROVIDER || this == OTHER_PROVIDER || this == OTHER_GATEWAY || this == OTHER_TENANT_ADMIN;
    }

    /** A bearer token from the demo realm, or null for {@link #NONE}. */
    public String token() {
        return switch (this) {
            case NONE -> null;
            case PROVIDER -> KeycloakTokens.client("provider-csaf-demo", "provider-csaf-demo-secret");
            case OTHER_PROVIDER -> KeycloakTokens.client("provider-osv-demo", "provider-osv-demo-secret");
            case OTHER_GATEWAY -> KeycloakTokens.client("gateway-globex", "gateway-globex-secret");
            case OTHER_TENANT_ADMIN -> KeycloakTokens.user("globex-admin");
            case RECOVERY -> KeycloakTokens.client("recovery-broker", "recovery-broker-secret");
            case TENANT_VIEWER -> KeycloakTokens.user("acme-viewer");
            case MSSP_ANALYST -> KeycloakTokens.user("herd-analyst");
            case GATEWAY -> KeycloakTokens.client("gateway-acme", "gateway-acme-secret");
            case TENANT_ADMIN -> KeycloakTokens.user("acme-admin");
            case MSSP_ADMIN -> KeycloakTokens.user("herd-admin");
        };
    }
}
