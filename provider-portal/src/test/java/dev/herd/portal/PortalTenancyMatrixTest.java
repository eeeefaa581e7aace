package dev.herd.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.herd.portal.support.PortalFixtures;
import dev.herd.testing.EmbeddedArtemisResource;
import dev.herd.testing.tenancy.Operation;
import dev.herd.testing.tenancy.TenancyMatrixSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tenancy matrix against the portal's API. Acme has a machine with a finding, a rule, a patch plan, a warning, an
 * SBOM with a finding and an open damage case, so that the other tenant's answers would show them if they leaked; every finding, rule, plan
 * or warning a request names is a fresh one of acme's, so that no answer depends on the calls before it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedArtemisResource.class)
class PortalTenancyMatrixTest extends TenancyMatrixSuite {

    private static final UUID MACHINE = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID DAMAGE_CASE = UUID.fromString("00000000-0000-0000-0000-00000000a0dc");
    private static final AtomicInteger RULES = new AtomicInteger(100);
    private static final java.util.Map<String, String> WEBHOOKS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    PortalFixtures fixtures;

    @Override
    protected void prepare() {
        fixtures.reset();
        fixtures.execute("INSERT INTO tenant (id, display_name) VALUES ('" + TENANT + "', 'Acme'), ('" + OTHER_TENANT
                + "', 'Globex') ON CONFLICT DO NOTHING");
        fixtures.execute("INSERT INTO machine (id, tenant_id, name, hostname, addresses, listening, last_sequence,"
                + " updated_at) VALUES ('" + MACHINE + "', '" + TENANT + "', 'web-01', 'web-01', '[\"10.20.0.11\"]',"
                + " '[]', 1, now())");
        fixtures.execute("INSERT INTO damage_case (id, tenant_id, state, opened_at, updated_at) VALUES ('" + DAMAGE_CASE
                + "', '" + TENANT + "', 'OPEN', now(), now())");
        finding();
        rule("DEPLOYED");
        patchPlan();
        warning();
        WEBHOOKS.put(TENANT, webhook(TENANT));
        WEBHOOKS.put("mssp", webhook(null));
        String sbom = sbom();
        fixtures.execute("INSERT INTO finding (tenant_id, sbom_id, advisory_id, package_name, installed, fixed,"
                + " action, state, opened_at, updated_at) VALUES ('" + TENANT + "', '" + sbom + "',"
                + " 'GHSA-jfh8-c2jp-5v3q', 'org.apache.logging.log4j:log4j-core', '2.14.1', '2.15.0', 'MONITOR',"
                + " 'OPEN', now(), now())");
    }

    @Override
    protected String pathValue(Operation operation, String name, JsonNode schema) {
        String template = operation.template();
        if (name.equals("tenant")) {
            return super.pathValue(operation, name, schema);
        }
        if (template.contains("/findings/{id}")) {
            return finding();
        }
        if (template.contains("/rules/{number}")) {
            return rule(template.endsWith("/withdraw") ? "DEPLOYED" : "PROPOSED");
        }
        if (template.contains("/patch-plans/{id}")) {
            return patchPlan();
        }
        if (template.contains("/warnings/{id}")) {
            return warning();
        }
        if (template.contains("/damage-cases/{id}")) {
            return DAMAGE_CASE.toString();
        }
        if (template.contains("/webhooks/{id}")) {
            String owner = template.startsWith("/api/tenants/") ? TENANT : null;
            // a fresh webhook for each DELETE; the one of prepare() otherwise (a tenant may have 20)
            return operation.method().equals("DELETE")
                    ? webhook(owner)
                    : webhook(owner, WEBHOOKS.get(owner == null ? "mssp" : owner));
        }
        if (template.contains("/sboms/{id}")) {
            return sbom();
        }
        if (name.equals("machine")) {
            return "web-01";
        }
        if (name.equals("application")) {
            return "shop";
        }
        return super.pathValue(operation, name, schema);
    }

    @Override
    protected JsonNode body(Operation operation, JsonNode sample) {
        if (operation.key().equals("POST /api/tenants")) {
            String id = "tenancy-" + UUID.randomUUID().toString().substring(0, 8);
            return JsonNodeFactory.instance.objectNode().put("id", id).put("displayName", id);
        }
        if (operation.template().endsWith("/damage-cases/{id}/recover")) {
            // no playbook: the recovery the damage case proposes
            return JsonNodeFactory.instance.objectNode();
        }
        if (operation.template().endsWith("/webhooks")) {
            var body = JsonNodeFactory.instance.objectNode().put("url", "https://hooks.example.org/herd");
            body.putArray("eventTypes").add("warning.raised");
            return body;
        }
        if (operation.template().endsWith("/expected-config-files")) {
            var entry = JsonNodeFactory.instance
                    .objectNode()
                    .put("path", "/etc/ssh/sshd_config")
                    .put("mode", "0600")
                    .put("owner", "root")
                    .put("group", "root");
            var body = JsonNodeFactory.instance.objectNode();
            body.putArray("entries").add(entry);
            return body;
        }
        if (operation.key().startsWith("POST ") && operation.template().endsWith("/sboms")) {
            // a CycloneDX 1.6 SBOM of one component
            var body = JsonNodeFactory.instance
                    .objectNode()
                    .put("bomFormat", "CycloneDX")
                    .put("specVersion", "1.6")
                    .put("version", 1);
            body.putArray("components")
                    .addObject()
                    .put("type", "library")
                    .put("name", "log4j-core")
                    .put("version", "2.14.1")
                    .put("purl", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
            return body;
        }
        return super.body(operation, sample);
    }

    @Override
    protected String query(Operation operation) {
        return operation.template().endsWith("/exposure") ? "protocol=tcp&port=443" : null;
    }

    /** A new open finding on acme's machine; its id. */
    private String finding() {
        String id = fixtures.text("SELECT nextval('finding_id_seq')::text");
        fixtures.execute("INSERT INTO finding (id, tenant_id, machine_id, advisory_id, package_name, installed, fixed,"
                + " action, state, opened_at, updated_at) VALUES (" + id + ", '" + TENANT + "', '" + MACHINE
                + "', 'CVE-2026-" + id + "', 'openssl', '3.0.0', '3.0.1', 'PATCH', 'OPEN', now(), now())");
        return id;
    }

    /** A new rule of acme's in the state; its number. */
    private String rule(String state) {
        int number = RULES.incrementAndGet();
        fixtures.execute("INSERT INTO filter_rule (tenant_id, number, advisory_id, rule_key, action, protocol, port,"
                + " description, state, created_at) VALUES ('" + TENANT + "', " + number + ", 'CVE-2026-" + number
                + "', 'tcp/" + number + "', 'DROP', 'tcp', " + number + ", 'tenancy matrix', '" + state + "', now())");
        return Integer.toString(number);
    }

    /** A new proposed patch plan for acme's machine; its id. */
    private String patchPlan() {
        UUID id = UUID.randomUUID();
        fixtures.execute(
                "INSERT INTO patch_plan (id, tenant_id, machine_id, machine_name, state, package_manager, steps,"
                        + " pre_checks, post_checks, advisories, finding_ids, notes, created_at) VALUES ('" + id
                        + "', '"
                        + TENANT + "', '" + MACHINE
                        + "', 'web-01', 'PROPOSED', 'APT', '[]', '[]', '[]', '[]', '[]', '[]',"
                        + " now())");
        return id.toString();
    }

    /** A new webhook of the tenant's (the MSSP's when null); its id. */
    private String webhook(String tenant) {
        return webhook(tenant, UUID.randomUUID().toString());
    }

    /** The webhook of that id, made when missing. */
    private String webhook(String tenant, String id) {
        fixtures.execute(
                "INSERT INTO webhook_endpoint (id, tenant_id, url, event_types, secret, created_by, created_at)"
                        + " VALUES ('" + id + "', " + (tenant == null ? "NULL" : "'" + tenant + "'")
                        + ", 'https://hooks.example.org/herd', '{warning.raised}', 'whsec_dGVzdA==', 'matrix', now())"
                        + " ON CONFLICT DO NOTHING");
        return id;
    }

    /** A new SBOM of acme's machine; its id. */
    private String sbom() {
        UUID id = UUID.randomUUID();
        fixtures.execute("INSERT INTO sbom (id, tenant_id, machine_id, format, spec_version, components, skipped,"
                + " uploaded_by, uploaded_at) VALUES ('" + id + "', '" + TENANT + "', '" + MACHINE
                + "', 'CYCLONEDX', '1.6', 0, 0, 'tenancy matrix', now())");
        return id.toString();
    }

    /** A new open warning of acme's; its id. */
    private String warning() {
        UUID id = UUID.randomUUID();
        fixtures.execute("INSERT INTO tenant_warning (id, tenant_id, anomaly_key, indicator, protocol, port, reporting,"
                + " countermeasure, state, created_at) VALUES ('" + id + "', '" + TENANT + "', 'tcp/4444/" + id
                + "', 'scan', 'tcp', 4444, 2, 'drop tcp/4444', 'OPEN', now())");
        return id.toString();
    }
}
