package dev.herd.portal.sbom;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.machine.Machine;
import dev.herd.portal.machine.MachineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Attaches SBOMs to a tenant's machines and applications, lists and removes them; attaching diagnoses at once. */
@ApplicationScoped
public class SbomService {

    /** An application name: letters, digits and {@code . _ - + @ :}, 1 to 200 characters, starting alphanumeric. */
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@:-]{0,199}");

    private static final int NAME_KEPT = 500;

    private final SbomReader reader;
    private final SbomRepository sboms;
    private final MachineRepository machines;
    private final SbomDiagnosis diagnosis;

    public SbomService(SbomReader reader, SbomRepository sboms, MachineRepository machines, SbomDiagnosis diagnosis) {
        this.reader = reader;
        this.sboms = sboms;
        this.machines = machines;
        this.diagnosis = diagnosis;
    }

    /** The machine of this tenant named {@code reference} (its id, or its name when that is unique in the tenant). */
    public SbomSubject machine(String tenantId, String reference) {
        Machine machine = byId(tenantId, reference);
        if (machine == null) {
            List<Machine> named = machines.find("tenantId = ?1 and name = ?2", tenantId, reference)
                    .page(0, 2)
                    .list();
            if (named.size() > 1) {
                throw HerdException.conflict(
                        "machine-ambiguous",
                        "Several machines of this tenant are named '" + reference + "': name the machine by its id.");
            }
            machine = named.isEmpty() ? null : named.get(0);
        }
        if (machine == null) {
            throw HerdException.notFound("machine-not-found", "No machine '" + reference + "' in this tenant.");
        }
        return SbomSubject.machine(machine.id, machine.name);
    }

    /** An application named by the tenant; a name outside {@link #APPLICATION} is a 400 problem. */
    public SbomSubject application(String name) {
        if (name == null || !APPLICATION.matcher(name).matches()) {
            throw HerdException.badRequest(
                    "application-invalid",
                    "An application name is 1 to 200 letters, digits and . _ - + @ :, starting with a letter or digit.");
        }
        return SbomSubject.application(name);
    }

    /** Reads the document, stores it with its components and diagnoses it; the stored SBOM with its open findings. */
    @Transactional
    public SbomView attach(
            String tenantId, SbomSubject subject, byte[] document, SbomEncoding encoding, String uploadedBy) {
        ParsedSbom parsed = reader.read(document, encoding);
        Sbom sbom = new Sbom();
        sbom.id = UUID.randomUUID();
        sbom.tenantId = tenantId;
        sbom.machineId = subject.machineId();
        sbom.application = subject.application();
        sbom.format = parsed.format();
        sbom.specVersion = parsed.specVersion();
        sbom.name = parsed.name() == null ? null : truncate(parsed.name());
        sbom.components = parsed.components().size();
        sbom.skipped = parsed.skipped();
        sbom.uploadedBy = uploadedBy;
        sbom.uploadedAt = Instant.now();
        sboms.persistAndFlush(sbom);
        sboms.insertComponents(sbom, parsed.components());
        long opened = diagnosis.sbomStored(sbom, parsed.components()).opened();
        return SbomView.of(sbom, subject.machineName(), opened);
    }

    /** At most {@code limit} SBOMs of the tenant, newest first, of one machine or application when given. */
    @Transactional
    public List<SbomView> list(String tenantId, SbomSubject subject, int limit) {
        List<Sbom> found = sboms.list(
                tenantId,
                subject == null ? null : subject.machineId(),
                subject == null ? null : subject.application(),
                limit);
        Map<UUID, Long> open =
                sboms.openFindings(tenantId, found.stream().map(s -> s.id).toList());
        Map<UUID, String> names = machineNames(found);
        return found.stream()
                .map(s -> SbomView.of(s, names.get(s.machineId), open.getOrDefault(s.id, 0L)))
                .toList();
    }

    /** One SBOM of the tenant; 404 for an unknown id or another tenant's SBOM. */
    @Transactional
    public SbomView get(String tenantId, String id) {
        Sbom sbom = find(tenantId, id);
        return SbomView.of(
                sbom,
                machineNames(List.of(sbom)).get(sbom.machineId),
                sboms.openFindings(tenantId, List.of(sbom.id)).getOrDefault(sbom.id, 0L));
    }

    /** Removes an SBOM of the tenant with its components and findings. */
    @Transactional
    public void delete(String tenantId, String id) {
        sboms.delete(find(tenantId, id));
    }

    private Sbom find(String tenantId, String id) {
        UUID uuid = uuid(id);
        return (uuid == null ? Optional.<Sbom>empty() : sboms.ofTenant(tenantId, uuid))
                .orElseThrow(() -> HerdException.notFound("sbom-not-found", "No SBOM " + id + " in this tenant."));
    }

    private Machine byId(String tenantId, String reference) {
        UUID id = uuid(reference);
        if (id == null) {
            return null;
        }
        Machine machine = machines.findById(id);
        return machine != null && machine.tenantId.equals(tenantId) ? machine : null;
    }

    private Map<UUID, String> machineNames(List<Sbom> found) {
        Map<UUID, String> names = new HashMap<>();
        List<UUID> ids = found.stream()
                .map(s -> s.machineId)
                .filter(m -> m != null)
                .distinct()
                .toList();
        if (!ids.isEmpty()) {
            machines.byIds(ids).forEach(m -> names.put(m.id, m.name));
        }
        return names;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String truncate(String name) {
        return name.length() <= NAME_KEPT ? name : name.substring(0, NAME_KEPT);
    }
}
