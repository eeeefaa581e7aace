package dev.herd.gateway.admission;

import dev.herd.contracts.admission.MachineDiagnosed;
import dev.herd.contracts.inbox.BadMessageException;
import dev.herd.gateway.agent.Agent;
import dev.herd.gateway.agent.AgentRepository;
import dev.herd.gateway.agent.MachineStateChanged;
import dev.herd.gateway.delivery.rules.RuleBundleChanges;
import dev.herd.gateway.delivery.rules.RuleBundleRepository;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.IsolationHolds;
import dev.herd.gateway.isolation.Machine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Admission follow-through (DESIGN §3.5): a quarantined or held machine is released once the portal has diagnosed it
 * and every finding that wants a filter rule is covered by a rule bundle this gateway holds. A diagnosis waiting for a
 * newer bundle is kept on the admission and acted on when that bundle is stored.
 */
@ApplicationScoped
public class AdmissionFollowThrough {

    /** Who released an admission that its diagnosis let go. */
    public static final String RELEASED_BY = "herd-diagnosis";

    private static final Logger LOG = Logger.getLogger(AdmissionFollowThrough.class);

    private final AdmissionRepository admissions;
    private final AgentRepository agents;
    private final RuleBundleRepository bundles;
    private final IsolatingDevice device;
    private final IsolationHolds holds;
    private final Event<MachineStateChanged> changed;

    public AdmissionFollowThrough(
            AdmissionRepository admissions,
            AgentRepository agents,
            RuleBundleRepository bundles,
            IsolatingDevice device,
            IsolationHolds holds,
            Event<MachineStateChanged> changed) {
        this.admissions = admissions;
        this.agents = agents;
        this.bundles = bundles;
        this.device = device;
        this.holds = holds;
        this.changed = changed;
    }

    /**
     * Takes a diagnosis: records it on the agent's open admissions and releases them when it protects the machine with
     * the bundle held now. A diagnosis of another gateway's agent is ignored; one naming another tenant than the
     * agent's is a bad message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void diagnosed(MachineDiagnosed diagnosis) {
        Optional<Agent> agent = agents.findByIdOptional(diagnosis.agentId());
        if (agent.isEmpty()) {
            LOG.debugf("Diagnosis of agent %s ignored: not an agent of this gateway", diagnosis.agentId());
            return;
        }
        if (!agent.get().tenantId.equals(diagnosis.tenantId())) {
            throw new BadMessageException("agent " + diagnosis.agentId() + " is not of tenant " + diagnosis.tenantId());
        }
        admissions.lockFollowThrough(diagnosis.tenantId());
        long held = heldRevision(diagnosis.tenantId());
        for (Admission admission : admissions.listOpenForAgent(diagnosis.tenantId(), diagnosis.agentId())) {
            if (stale(admission, diagnosis)) {
                LOG.infof(
                        "Diagnosis of inventory %d ignored for admission %s: it holds a newer one",
                        diagnosis.inventorySequence(), admission.id);
                continue;
            }
            admission.diagnosedSequence = diagnosis.inventorySequence();
            admission.diagnosedAt = diagnosis.diagnosedAt();
            admission.unprotectedFindings = diagnosis.unprotectedFindings();
            admission.awaitingRevision = diagnosis.bundleRevision();
            if (diagnosis.protectedBy(held)) {
                release(admission);
            } else if (diagnosis.unprotectedFindings() > 0) {
                admission.awaiting = diagnosis.unprotectedFindings() + " finding"
                        + (diagnosis.unprotectedFindings() == 1 ? "" : "s") + " without a deployed rule";
            } else {
                admission.awaiting =
                        "rule bundle revision " + diagnosis.bundleRevision() + " (the gateway holds " + held + ")";
            }
            changed.fire(new MachineStateChanged(admission.tenantId, admission.agentId));
        }
    }

    /** After newer bundles are stored (in their transaction): releases the admissions that waited for them. */
    void onBundleStored(@Observes RuleBundleChanges.Stored stored) {
        admissions.lockFollowThrough(new TreeSet<>(stored.revisions().keySet()));
        for (Admission admission : admissions.listAwaitingRevision(stored.revisions())) {
            release(admission);
            changed.fire(new MachineStateChanged(admission.tenantId, admission.agentId));
        }
    }

    /**
     * Releases the admission as {@value #RELEASED_BY}; a held machine gets its address once the device lets it go. A
     * device that refuses leaves the admission open, saying so, for an operator.
     */
    private void release(Admission admission) {
        Admission.Status before = admission.status;
        admission.status = Admission.Status.RELEASED;
        admission.releasedAt = Instant.now();
        admission.releasedBy = RELEASED_BY;
        admission.awaiting = null;
        if (holds.heldOtherwise(admission.tenantId, admission.mac, admission.id, null)) {
            LOG.infof("Admission %s released; machine %s stays isolated for an open hold", admission.id, admission.mac);
            return;
        }
        try {
            device.release(Machine.of(admission.mac, admission.ip));
            LOG.infof(
                    "Admission %s (%s) of tenant %s released after diagnosis",
                    admission.id, admission.mac, admission.tenantId);
        } catch (RuntimeException e) {
            LOG.errorf("The isolating device refused to release admission %s (%s): %s", admission.id, admission.mac, e);
            admission.status = before;
            admission.releasedAt = null;
            admission.releasedBy = null;
            admission.awaiting = "release refused by the isolating device: " + e.getMessage();
        }
    }

    private long heldRevision(String tenantId) {
        return bundles.revisionOf(tenantId);
    }

    private static boolean stale(Admission admission, MachineDiagnosed diagnosis) {
        if (admission.diagnosedSequence == null) {
            return false;
        }
        if (diagnosis.inventorySequence() != admission.diagnosedSequence) {
            return diagnosis.inventorySequence() < admission.diagnosedSequence;
        }
        return admission.diagnosedAt != null
                && diagnosis.diagnosedAt() != null
                && diagnosis.diagnosedAt().isBefore(admission.diagnosedAt);
    }
}
