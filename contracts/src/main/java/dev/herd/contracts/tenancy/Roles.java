package dev.herd.contracts.tenancy;

/** The realm roles of DESIGN §2, as they appear in Keycloak tokens. */
public final class Roles {

    public static final String MSSP_ADMIN = "mssp-admin";
    public static final String MSSP_ANALYST = "mssp-analyst";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String TENANT_VIEWER = "tenant-viewer";
    public static final String PROVIDER = "provider";
    public static final String GATEWAY = "gateway";

    /** The recovery broker: sends isolation and recovery orders to tenant gateways (acts for every tenant). */
    public static final String RECOVERY = "recovery";

    /** An outside consumer of the hub's TAXII 2.1 feed of community indicators (a SIEM, MISP, OpenCTI). */
    public static final String TAXII_CONSUMER = "taxii-consumer";

    /** Token claim that binds customer users and gateways to exactly one tenant. */
    public static final String TENANT_CLAIM = "tenant_id";

    /** Token claim that names the advisory provider a provider client speaks for. */
    public static final String PROVIDER_CLAIM = "provider_id";

    private Roles() {}
}
