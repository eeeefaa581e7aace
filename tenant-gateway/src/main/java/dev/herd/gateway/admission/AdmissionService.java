package dev.herd.gateway.admission;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.gateway.GatewayConfig;
import dev.herd.gateway.agent.MachineStateChanged;
import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.IsolationHolds;
import dev.herd.gateway.isolation.Machine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Admits new machines in quarantine (DESIGN §3.5): a machine with an address is QUARANTINED, one without is HELD
 * (given no address), both through the isolating device; a release order lets it back. The row and the device
 * change share one transaction: a device that refuses stores nothing.
 */
@ApplicationScoped
public class AdmissionService {

    /** What a new admission waits for: its agent's report, which links the two by the MAC address. */
    static final String AWAITING_REPORT = "a report from the machine's agent";

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,252})");

    private final AdmissionRepository admissions;
    private final IsolatingDevice device;
    private final IsolationHolds holds;
    private final GatewayConfig config;
    private final Event<MachineStateChanged> changed;

    public AdmissionService(
            AdmissionRepository admissions,
            IsolatingDevice device,
            IsolationHolds holds,
            GatewayConfig config,
            Event<MachineStateChanged> changed) {
        this.admissions = admissions;
        this.device = device;
        this.holds = holds;
        this.config = config;
        this.changed = changed;
    }

    /** Records the request for {@code tenant} and isolates the machine; 400 on bad input, 409 if already open. */
    @Transactional
    public Admission admit(Caller who, String tenant, AdmissionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String mac = field(errors, "mac", request.mac(), true, () -> Machine.mac(request.mac()));
        String ip = field(
                errors,
                "ip",
                request.ip(),
                false,
                () -> Machine.ip(request.ip()).getHostAddress());
        if (request.hostname() == null || request.hostname().isBlank()) {
            errors.add(new FieldError("hostname", "NotBlank", "must be present"));
        } else if (!HOSTNAME.matcher(request.hostname()).matches()) {
            errors.add(new FieldError("hostname", "Pattern", "must be a host name (letters, digits, '-', '.', '_')"));
        }
        if (!errors.isEmpty()) {
            throw new HerdException(400, "admission-invalid", "The admission request is not valid.", errors);
        }
        if (admissions.hasOpen(tenant, mac)) {
            throw HerdException.conflict(
                    "admission-open", "Machine " + mac + " already has an admission that is not released.");
        }
        Admission admission = new Admission();
        admission.id = UUID.randomUUID();
        admission.tenantId = tenant;
        admission.mac = mac;
        admission.ip = ip;
        admission.hostname = request.hostname();
        admission.segment = config.isolation().segment();
        admission.status = ip == null ? Admission.Status.HELD : Admission.Status.QUARANTINED;
        admission.requestedAt = Instant.now();
        admission.requestedBy = who.subject();
        admission.awaiting = AWAITING_REPORT;
        admissions.persist(admission);
        device.quarantine(Machine.of(mac, ip), admission.segment);
        return admission;
    }

    /**
     * Releases a quarantined or held machine of the caller's scope (another tenant's is 404, a second release 409); the
     * device lets it back unless an open equipment violation still holds it.
     */
    @Transactional
    public Admission release(Caller who, UUID id) {
        Admission admission = admissions
                .findVisible(id, who.tenantScope())
                .orElseThrow(() -> HerdException.notFound("admission-not-found", "No admission " + id + "."));
        if (admission.status == Admission.Status.RELEASED) {
            throw HerdException.conflict(
                    "admission-released", "Admission " + id + " was already released at " + admission.releasedAt + ".");
        }
        admission.status = Admission.Status.RELEASED;
        admission.releasedAt = Instant.now();
        admission.releasedBy = who.subject();
        admission.awaiting = null;
        if (!holds.heldOtherwise(admission.tenantId, admission.mac, admission.id, null)) {
            device.release(Machine.of(admission.mac, admission.ip));
        }
        if (admission.agentId != null) {
            changed.fire(new MachineStateChanged(admission.tenantId, admission.agentId));
        }
        return admission;
    }

    private static String field(
            List<FieldError> errors, String name, String value, boolean required, Supplier<String> parse) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "NotBlank", "must be present"));
            }
            return null;
        }
        try {
            return parse.get();
        } catch (HerdException e) {
            errors.add(new FieldError(name, e.code(), e.getMessage()));
            return null;
        }
    }
}
