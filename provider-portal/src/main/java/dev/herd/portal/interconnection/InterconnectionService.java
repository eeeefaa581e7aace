package dev.herd.portal.interconnection;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.rules.RuleBundlePublisher;
import dev.herd.portal.rules.TenantRuleRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Replaces a tenant's interconnection policies and publishes a rule bundle when its interconnection rules change. */
@ApplicationScoped
public class InterconnectionService {

    private static final Logger LOG = Logger.getLogger(InterconnectionService.class);

    private final InterconnectionRepository links;
    private final InterconnectionRules rules;
    private final TenantRuleRepository tenantRules;
    private final RuleBundlePublisher publisher;

    public InterconnectionService(
            InterconnectionRepository links,
            InterconnectionRules rules,
            TenantRuleRepository tenantRules,
            RuleBundlePublisher publisher) {
        this.links = links;
        this.rules = rules;
        this.tenantRules = tenantRules;
        this.publisher = publisher;
    }

    @Transactional
    public List<InterconnectionView> replace(String tenantId, List<InterconnectionView.Policy> policies, String by) {
        if (policies == null) {
            throw HerdException.badRequest("interconnection-invalid", "The body must be a list of partner policies.");
        }
        Set<String> seen = new HashSet<>();
        List<Interconnection> replacement = new ArrayList<>();
        Instant now = Instant.now();
        for (InterconnectionView.Policy p : policies) {
            if (p == null || p.partner() == null || p.partner().isBlank()) {
                throw HerdException.badRequest("interconnection-invalid", "Every policy needs a partner tenant id.");
            }
            if (p.partner().equals(tenantId)) {
                throw HerdException.badRequest(
                        "interconnection-self", "A tenant cannot be its own interconnection partner.");
            }
            if (!seen.add(p.partner())) {
                throw HerdException.badRequest(
                        "interconnection-duplicate", "Partner '" + p.partner() + "' is listed twice.");
            }
            if (!links.tenantExists(p.partner())) {
                throw HerdException.badRequest(
                        "interconnection-unknown-partner", "There is no tenant '" + p.partner() + "'.");
            }
            threshold("maxVulnerabilityDeviation", p.maxVulnerabilityDeviation());
            threshold("maxRiskDeviation", p.maxRiskDeviation());
            Interconnection link = new Interconnection();
            link.tenantId = tenantId;
            link.partnerId = p.partner();
            link.maxVulnerabilityDeviation = p.maxVulnerabilityDeviation();
            link.maxRiskDeviation = p.maxRiskDeviation();
            link.requireTrusted = Boolean.TRUE.equals(p.requireTrusted());
            link.updatedBy = by;
            link.updatedAt = now;
            replacement.add(link);
        }
        tenantRules.lock(tenantId);
        links.replace(tenantId, replacement);
        enforce(tenantId, now);
        return view(tenantId);
    }

    @Transactional
    public List<InterconnectionView> view(String tenantId) {
        return rules.evaluate(tenantId).stream().map(InterconnectionView::of).toList();
    }

    /** Publishes a new bundle of the tenant when its interconnection rules differ from those last published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enforce(String tenantId, Instant now) {
        if (!rules.changed(tenantId)) {
            return false;
        }
        tenantRules.lock(tenantId);
        publisher.publish(tenantId, now);
        LOG.infof("Interconnection rules of tenant %s changed: published a new rule bundle", tenantId);
        return true;
    }

    /** Re-evaluates every tenant with interconnection policies (or rules still enforced), each in its own transaction. */
    public void enforceAll() {
        for (String tenantId : QuarkusTransaction.requiringNew().call(links::tenantsToEvaluate)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> enforce(tenantId, Instant.now()));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Interconnection rules of tenant %s could not be enforced", tenantId);
            }
        }
    }

    private static void threshold(String name, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 100)) {
            throw HerdException.badRequest(
                    "interconnection-threshold", name + " must be between 0 and 100, was " + value + ".");
        }
    }
}
