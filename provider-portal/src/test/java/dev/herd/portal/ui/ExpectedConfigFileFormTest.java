package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.audit.ExpectedPermissions.Expected;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration files page's form of expected permissions: read both ways, a bad line named. */
class ExpectedConfigFileFormTest {

    @Test
    void linesReadAsEntriesAndBack() {
        List<Expected> entries = ExpectedConfigFileForm.entries(
                        "/etc/hosts 644 root:root\n\n  /etc/netplan/*.yaml   0600 root:systemd-network  \r\n")
                .entries();
        assertEquals(
                List.of(
                        new Expected("/etc/hosts", "0644", "root", "root"),
                        new Expected("/etc/netplan/*.yaml", "0600", "root", "systemd-network")),
                entries);
        assertEquals(
                "/etc/hosts 0644 root:root\n/etc/netplan/*.yaml 0600 root:systemd-network\n",
                ExpectedConfigFileForm.text(entries));
        assertEquals(List.of(), ExpectedConfigFileForm.entries("  \n").entries(), "empty: the defaults only");
        assertEquals(List.of(), ExpectedConfigFileForm.entries(null).entries());
    }

    @Test
    void aLineThatDoesNotReadIsA400NamingIt() {
        for (String[] bad : List.of(
                new String[] {"/etc/hosts 0644 root:root\n/etc/hosts 0644", "line 2"},
                new String[] {"etc/hosts 0644 root:root", "not absolute"},
                new String[] {"/etc/hosts 0844 root:root", "not octal"},
                new String[] {"/etc/hosts 0644 Root:root", "not a user or group name"},
                new String[] {"/etc/hosts 0644 root", "must read 'path mode owner:group'"},
                new String[] {"/etc/hosts 0644 root:root extra", "line 1"})) {
            HerdException e = assertThrows(HerdException.class, () -> ExpectedConfigFileForm.entries(bad[0]));
            assertEquals(400, e.status());
            assertEquals("expected-config-files-invalid", e.code());
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
        String many = "/etc/x 0644 root:root\n".repeat(ExpectedConfigFileForm.MAX_LINES + 1);
        assertTrue(assertThrows(HerdException.class, () -> ExpectedConfigFileForm.entries(many))
                .getMessage()
                .contains("at most 100"));
    }
}
