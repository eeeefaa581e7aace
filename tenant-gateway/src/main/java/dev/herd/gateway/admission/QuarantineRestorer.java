package dev.herd.gateway.admission;

import dev.herd.gateway.isolation.IsolatingDevice;
import dev.herd.gateway.isolation.Machine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * On start, isolates again every machine whose admission is not released: a driver keeps its state in memory (and a
 * device may have been reset), so without this a gateway restart would silently let quarantined machines back.
 */
@ApplicationScoped
public class QuarantineRestorer {

    private static final Logger LOG = Logger.getLogger(QuarantineRestorer.class);

    private final AdmissionRepository admissions;
    private final IsolatingDevice device;

    public QuarantineRestorer(AdmissionRepository admissions, IsolatingDevice device) {
        this.admissions = admissions;
        this.device = device;
    }

    void onStart(@Observes StartupEvent event) {
        restore();
    }

    /** Re-applies every open quarantine; returns how many the device refused (each is logged as an error). */
    public int restore() {
        List<Admission> open = QuarkusTransaction.requiringNew().call(admissions::listOpen);
        int refused = 0;
        for (Admission admission : open) {
            try {
                device.quarantine(Machine.of(admission.mac, admission.ip), admission.segment);
            } catch (RuntimeException e) {
                refused++;
                LOG.errorf(
                        "Could not quarantine %s (%s, admission %s of tenant %s) again after the restart: %s",
                        admission.mac, admission.ip, admission.id, admission.tenantId, e.getMessage());
            }
        }
        LOG.infof("Re-applied %d open quarantine(s) through the isolating device, %d refused", open.size(), refused);
        return refused;
    }
}
