package dev.herd.portal.evidence;

import dev.herd.contracts.damage.DamageReport;
import dev.herd.contracts.evidence.MachineEvidence;
import dev.herd.portal.audit.AuditEvidenceService;
import dev.herd.portal.damage.AttackIndicatorRepository;
import dev.herd.portal.damage.DamageEvent;
import dev.herd.portal.damage.DamageKind;
import dev.herd.portal.damage.DamageService;
import dev.herd.portal.equipment.EquipmentEvidenceService;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a machine's file evidence into damage (DESIGN §3.4): every anti-virus detection is malware on that machine
 * (its hash is learnt into the attack database), and so is every watched file whose hash the attack database knows as
 * bad. A hash learnt bad — here or from a community advisory — also strikes every machine, of any tenant, that
 * reported a watched file with that hash; each tenant's damage stays its own. Privileged sessions and configuration
 * files go to {@link AuditEvidenceService}, the machine's equipment to {@link EquipmentEvidenceService}.
 */
@ApplicationScoped
public class EvidenceService {

    /** The indicator of a MALWARE event found by hash alone, not by an anti-virus product. */
    public static final String KNOWN_BAD_FILE = "known-bad file hash";

    private final WatchedFileRepository watched;
    private final AttackIndicatorRepository indicators;
    private final DamageService damage;
    private final MachineRepository machines;
    private final AuditEvidenceService audit;
    private final EquipmentEvidenceService equipment;

    public EvidenceService(
            WatchedFileRepository watched,
            AttackIndicatorRepository indicators,
            DamageService damage,
            MachineRepository machines,
            AuditEvidenceService audit,
            EquipmentEvidenceService equipment) {
        this.watched = watched;
        this.indicators = indicators;
        this.damage = damage;
        this.machines = machines;
        this.audit = audit;
        this.equipment = equipment;
    }

    /**
     * Applies one report's evidence (checked already); a sequence applied before changes nothing. Its equipment is a
     * state of its own, taken when newer than the stored one, also from a message without a report (sequence 0).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MachineEvidence evidence) {
        equipment.apply(evidence);
        if (evidence.sequence() <= 0) {
            return; // a state change at the gateway, not a report
        }
        Instant received = evidence.receivedAt();
        if (!watched.advance(evidence.tenantId(), evidence.agentId(), evidence.sequence(), received)) {
            return;
        }
        audit.apply(evidence);
        if (evidence.fileHashes().isEmpty()
                && evidence.detections().isEmpty()
                && evidence.products().isEmpty()) {
            return; // sessions and configuration files only: the watched files stay as the last report gave them
        }
        watched.replace(evidence.tenantId(), evidence.agentId(), evidence.fileHashes(), received);
        Set<String> knownBad = indicators.known(
                DamageReport.Type.FILE_HASH,
                evidence.fileHashes().stream()
                        .map(MachineEvidence.FileHash::sha256)
                        .toList());
        List<DamageEvent> events = new ArrayList<>();
        for (MachineEvidence.AntivirusDetection detection : evidence.detections()) {
            events.add(new DamageEvent(
                    evidence.agentId(),
                    DamageKind.MALWARE,
                    detection.signature().strip(),
                    null,
                    detection.detectedAt() != null ? detection.detectedAt() : received,
                    new DamageEvent.InfectedFile(detection.product().strip(), detection.path(), detection.sha256())));
        }
        for (MachineEvidence.FileHash file : evidence.fileHashes()) {
            if (knownBad.contains(file.sha256())) {
                events.add(new DamageEvent(
                        evidence.agentId(),
                        DamageKind.MALWARE,
                        KNOWN_BAD_FILE,
                        null,
                        received,
                        new DamageEvent.InfectedFile(null, file.path(), file.sha256())));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        List<String> learnt = damage.malware(evidence.tenantId(), events, machines.ofTenant(evidence.tenantId()));
        Set<String> struck = new HashSet<>();
        events.forEach(e -> struck.add(e.machineId() + " " + e.file().sha256()));
        strike(learnt, struck, received);
    }

    /**
     * Every machine holding a watched file with one of the hashes (just learnt bad) is damaged, unless
     * {@code alreadyStruck} holds its {@code "machine hash"} pair.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void strike(Collection<String> hashes, Set<String> alreadyStruck, Instant at) {
        Map<String, List<DamageEvent>> byTenant = new LinkedHashMap<>();
        for (WatchedFileRepository.Holder holder : watched.holding(hashes)) {
            if (alreadyStruck.contains(holder.machineId() + " " + holder.sha256())) {
                continue;
            }
            byTenant.computeIfAbsent(holder.tenantId(), t -> new ArrayList<>())
                    .add(new DamageEvent(
                            holder.machineId(),
                            DamageKind.MALWARE,
                            KNOWN_BAD_FILE,
                            null,
                            at,
                            new DamageEvent.InfectedFile(null, holder.path(), holder.sha256())));
        }
        byTenant.forEach((tenant, events) -> damage.malware(tenant, events, machines.ofTenant(tenant)));
    }
}
