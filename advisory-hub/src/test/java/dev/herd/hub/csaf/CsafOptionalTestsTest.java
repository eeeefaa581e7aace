package dev.herd.hub.csaf;

import static dev.herd.hub.csaf.CsafDocuments.add;
import static dev.herd.hub.csaf.CsafDocuments.json;
import static dev.herd.hub.csaf.CsafDocuments.load;
import static dev.herd.hub.csaf.CsafDocuments.remove;
import static dev.herd.hub.csaf.CsafDocuments.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each optional test warns on a minimal change of a real document that did not make it warn before. */
class CsafOptionalTestsTest {

    private static final CsafOptionalTests OPTIONAL_TESTS = new CsafOptionalTests();
    private static final String VULNERABILITY = "/vulnerabilities/0";
    private static final String PRODUCT = "/product_tree/branches/0/branches/0/branches/0/product";

    /** Warns only on the missing canonical URL. */
    private static ObjectNode advisory() {
        return load("bsi-2022-0001.json");
    }

    private static void assertWarns(String testId, String path, UnaryOperator<ObjectNode> change) {
        List<CsafTestFailure> before = OPTIONAL_TESTS.run(advisory());
        List<CsafTestFailure> after = OPTIONAL_TESTS.run(change.apply(advisory()));

        assertTrue(
                after.stream()
                        .anyMatch(w -> w.testId().equals(testId) && w.path().equals(path)),
                () -> "no warning " + testId + " at " + path + ": " + after);
        assertTrue(
                before.stream().noneMatch(w -> w.testId().equals(testId)),
                () -> "already warned before the change: " + before);
    }

    @Test
    void runsTheOptionalTests6_2_1To6_2_19() {
        assertEquals(19, OPTIONAL_TESTS.tests().size());
        assertEquals("6.2.1", OPTIONAL_TESTS.tests().get(0).id());
        assertEquals("6.2.19", OPTIONAL_TESTS.tests().get(18).id());
    }

    @Test
    void anAdvisoryWithItsCanonicalUrlHasNoWarning() {
        ObjectNode document = set(
                advisory(),
                "/document/references",
                json("[{\"category\": \"self\", \"summary\": \"Canonical URL\","
                        + " \"url\": \"https://example.com/csaf/2022/bsi-2022-0001.json\"}]"));
        // Keep the keys sorted (6.2.13): references comes before title and tracking.
        ObjectNode metadata = (ObjectNode) document.get("document");
        metadata.set("title", metadata.remove("title"));
        metadata.set("tracking", metadata.remove("tracking"));

        assertEquals(List.of(), OPTIONAL_TESTS.run(document));
    }

    @Test
    void unusedProduct() {
        assertWarns(
                "6.2.1",
                PRODUCT.replace("/branches/0/product", "/branches/5/product/product_id"),
                d -> remove(
                        remove(d, VULNERABILITY + "/product_status/first_fixed"),
                        VULNERABILITY + "/product_status/fixed"));
    }

    @Test
    void affectedProductWithoutRemediation() {
        assertWarns(
                "6.2.2",
                VULNERABILITY + "/product_status/known_affected/0",
                d -> remove(d, VULNERABILITY + "/remediations/0/product_ids/0"));
    }

    @Test
    void affectedProductWithoutScore() {
        assertWarns(
                "6.2.3",
                VULNERABILITY + "/product_status/known_affected/0",
                d -> remove(d, VULNERABILITY + "/scores/0/products/0"));
    }

    @Test
    void revisionNumberWithBuildMetadata() {
        assertWarns(
                "6.2.4",
                "/document/tracking/revision_history/0/number",
                d -> set(d, "/document/tracking/revision_history/0/number", "1+build.1"));
    }

    @Test
    void initialReleaseBeforeFirstRevision() {
        assertWarns(
                "6.2.5",
                "/document/tracking/initial_release_date",
                d -> set(d, "/document/tracking/initial_release_date", "2022-03-16T13:03:42.105Z"));
    }

    @Test
    void currentReleaseBeforeLatestRevision() {
        assertWarns(
                "6.2.6",
                "/document/tracking/current_release_date",
                d -> set(d, "/document/tracking/current_release_date", "2022-03-16T13:03:42.105Z"));
    }

    @Test
    void involvementWithoutDate() {
        assertWarns(
                "6.2.7",
                VULNERABILITY + "/involvements/0",
                d -> set(
                        d,
                        VULNERABILITY + "/involvements",
                        json("[{\"party\": \"vendor\", \"status\": \"completed\"}]")));
    }

    @Test
    void md5AndSha1AsOnlyHashes() {
        String hashes = "[{\"filename\": \"a.so\", \"file_hashes\": [{\"algorithm\": \"%s\", \"value\": \"%s\"}]}]";
        String helper = PRODUCT + "/product_identification_helper/hashes";
        assertWarns(
                "6.2.8",
                helper + "/0/file_hashes",
                d -> set(d, helper, json(hashes.formatted("md5", "6ae24620ea9656230f49234efd078935"))));
        assertWarns(
                "6.2.9",
                helper + "/0/file_hashes",
                d -> set(d, helper, json(hashes.formatted("sha1", "e067035314dd8673fe1c9fc6b01414fe0950fdc4"))));
    }

    @Test
    void missingTlpLabel() {
        assertWarns("6.2.10", "/document/distribution/tlp/label", d -> remove(d, "/document/distribution/tlp"));
    }

    @Test
    void selfReferenceThatIsNoCanonicalUrl() {
        ObjectNode document = set(
                advisory(),
                "/document/references",
                json("[{\"category\": \"self\", \"summary\": \"Not canonical\","
                        + " \"url\": \"https://example.com/csaf/2022/bsi-2022-0001_1.json\"}]"));

        assertTrue(OPTIONAL_TESTS.run(document).stream()
                .anyMatch(w -> w.testId().equals("6.2.11") && w.path().equals("/document/references")));
    }

    @Test
    void missingDocumentLanguage() {
        assertWarns("6.2.12", "/document/lang", d -> remove(d, "/document/lang"));
    }

    @Test
    void keysOutOfOrder() {
        assertWarns("6.2.13", "/document/category", d -> {
            ObjectNode metadata = (ObjectNode) d.get("document");
            metadata.set("category", metadata.remove("category"));
            return d;
        });
    }

    @Test
    void privateAndDefaultLanguages() {
        assertWarns("6.2.14", "/document/lang", d -> set(d, "/document/lang", "qtx"));
        assertWarns("6.2.14", "/document/source_lang", d -> set(d, "/document/source_lang", "de-x-bsi"));
        assertWarns("6.2.15", "/document/lang", d -> set(d, "/document/lang", "i-default"));
    }

    @Test
    void productWithoutIdentificationHelper() {
        assertWarns("6.2.16", PRODUCT, d -> remove(d, PRODUCT + "/product_identification_helper"));
    }

    @Test
    void cveInIds() {
        assertWarns(
                "6.2.17",
                VULNERABILITY + "/ids/1",
                d -> add(
                        d,
                        VULNERABILITY + "/ids",
                        json("{\"system_name\": \"CVE Project\", \"text\": \"CVE-2021-44228\"}")));
    }

    @Test
    void versionRangeWithoutVers() {
        String branch = "/product_tree/branches/0/branches/0/branches/0";
        assertWarns(
                "6.2.18",
                branch + "/name",
                d -> set(set(d, branch + "/category", "product_version_range"), branch + "/name", ">4.2"));
    }

    @Test
    void fixedProductWithNonZeroScore() {
        assertWarns(
                "6.2.19",
                VULNERABILITY + "/scores/0/cvss_v3",
                d -> add(d, VULNERABILITY + "/scores/0/products", "CSAFPID-0006"));
    }
}
