package dev.herd.agent.inventory.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herd.agent.inventory.InstalledPackage;
import dev.herd.agent.inventory.InventoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpmQueryParserTest {

    private static final Path ORIGIN = Path.of("rpm -qa");

    @Test
    void sourceRpmGivesSourceNameAndVersionAndEpochIsKept() {
        String output = "openssl-libs\t1\t3.0.7\t27.el9\tx86_64\topenssl-3.0.7-27.el9.src.rpm\n"
                + "bash\t(none)\t5.1.8\t9.el9\tx86_64\tbash-5.1.8-9.el9.src.rpm\n"
                + "tzdata\t(none)\t2024a\t1.el9\tnoarch\ttzdata-2024a-1.el9.src.rpm\n"
                + "gpg-pubkey\t(none)\tfd431d51\t4ae0493b\t(none)\t(none)\n";

        assertEquals(
                List.of(
                        new InstalledPackage(
                                "openssl-libs", "1:3.0.7-27.el9", "x86_64", "openssl", "1:3.0.7-27.el9", "rpm"),
                        new InstalledPackage("bash", "5.1.8-9.el9", "x86_64", "bash", "5.1.8-9.el9", "rpm"),
                        new InstalledPackage("tzdata", "2024a-1.el9", "noarch", "tzdata", "2024a-1.el9", "rpm"),
                        new InstalledPackage(
                                "gpg-pubkey", "fd431d51-4ae0493b", "noarch", "gpg-pubkey", "fd431d51-4ae0493b", "rpm")),
                RpmQueryParser.parse(output, ORIGIN));
    }

    @Test
    void lineWithMissingFieldsIsRejectedWithItsNumber() {
        InventoryException e =
                assertThrows(InventoryException.class, () -> RpmQueryParser.parse("bash\t(none)\t5.1.8\n", ORIGIN));
        assertEquals("rpm -qa:1: expected 6 tab-separated fields, found 3", e.getMessage());
    }
}
