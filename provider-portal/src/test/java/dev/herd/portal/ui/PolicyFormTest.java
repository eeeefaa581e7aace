package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.policy.TenantPolicy;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings page's policy form reads what it writes, and names the field of a value that does not read. */
class PolicyFormTest {

    @Test
    void aPolicyWrittenAsAFormReadsBackTheSame() {
        TenantPolicy policy = new TenantPolicy(
                new TenantPolicy.Filtering(false, 1, 7.5, true),
                new TenantPolicy.Patching(
                        TenantPolicy.PatchMode.AUTOMATIC,
                        List.of(new TenantPolicy.PackageRule("openssl", null)),
                        List.of(new TenantPolicy.PackageRule("linux-image-amd64", "6.1.0-18")),
                        List.of(new TenantPolicy.MaintenanceWindow(
                                List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                LocalTime.of(2, 0),
                                LocalTime.of(5, 30),
                                "Europe/Berlin"))));
        PolicyForm form = PolicyForm.of(policy);
        assertEquals("sat,sun 02:00-05:30 Europe/Berlin", form.windows());
        assertEquals("linux-image-amd64=6.1.0-18", form.forbidden());
        assertEquals(policy, form.policy());
        assertEquals(
                TenantPolicy.defaults(), PolicyForm.of(TenantPolicy.defaults()).policy());
    }

    @Test
    void blankFieldsAreTheDefaultsAndDaysMayBeWrittenOut() {
        TenantPolicy read =
                new PolicyForm(true, "", " ", "", false, "", "\n  \n", null, "Monday,tue 22:00-23:00\n").policy();
        assertEquals(2, read.filtering().minEmergencyLevel());
        assertNull(read.filtering().minCvssScore());
        assertEquals(TenantPolicy.PatchMode.APPROVAL_REQUIRED, read.patching().mode());
        assertTrue(read.patching().approved().isEmpty());
        assertEquals(
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                read.patching().maintenanceWindows().get(0).days());
        assertNull(read.patching().maintenanceWindows().get(0).zone());
    }

    @Test
    void aValueThatDoesNotReadIsA400NamingTheField() {
        assertInvalid("minEmergencyLevel", new PolicyForm(true, "4", "", "", false, "", "", "", ""));
        assertInvalid("minEmergencyLevel", new PolicyForm(true, "two", "", "", false, "", "", "", ""));
        assertInvalid("minCvssScore", new PolicyForm(true, "2", "11", "", false, "", "", "", ""));
        assertInvalid("minCvssScore", new PolicyForm(true, "2", "NaN", "", false, "", "", "", ""));
        assertInvalid("minEpss", new PolicyForm(true, "2", "", "1.5", false, "", "", "", ""));
        assertInvalid("minEpss", new PolicyForm(true, "2", "", "-0.1", false, "", "", "", ""));
        assertInvalid("minEpss", new PolicyForm(true, "2", "", "high", false, "", "", "", ""));
        assertInvalid("mode", new PolicyForm(true, "2", "", "", false, "sometimes", "", "", ""));
        assertInvalid("approved", new PolicyForm(true, "2", "", "", false, "", "=1.0", "", ""));
        assertInvalid("forbidden", new PolicyForm(true, "2", "", "", false, "", "", "openssl=", ""));
        assertInvalid("maintenanceWindows", new PolicyForm(true, "2", "", "", false, "", "", "", "sat 2am"));
        assertInvalid(
                "maintenanceWindows", new PolicyForm(true, "2", "", "", false, "", "", "", "caturday 02:00-03:00"));
        assertInvalid(
                "maintenanceWindows",
                new PolicyForm(true, "2", "", "", false, "", "", "", "sat 02:00-03:00 Mars/Base"));
        assertInvalid("maintenanceWindows", new PolicyForm(true, "2", "", "", false, "", "", "", "sat 25:00-26:00"));
        assertInvalid("approved", new PolicyForm(true, "2", "", "", false, "", "p\n".repeat(201), "", ""));
    }

    private static void assertInvalid(String field, PolicyForm form) {
        HerdException refused = assertThrows(HerdException.class, form::policy);
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains(field), refused.getMessage());
    }
}
