package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CSAF 2.0 6.1.25: within one item of {@code hashes}, every hash algorithm is used at most once. */
final class MultipleUseOfSameHashAlgorithm implements CsafTest {

    @Override
    public String id() {
        return "6.1.25";
    }

    @Override
    public String name() {
        return "Multiple Use of Same Hash Algorithm";
    }

    @Override
    public void check(JsonNode document, List<CsafTestFailure> failures) {
        for (LocatedNode product : ProductTree.fullProductNames(document)) {
            for (LocatedNode hashes :
                    product.at("product_identification_helper").at("hashes").items()) {
                Set<String> algorithms = new HashSet<>();
                for (LocatedNode fileHash : hashes.at("file_hashes").items()) {
                    String algorithm = fileHash.at("algorithm").text();
                    if (algorithm != null && !algorithms.add(algorithm)) {
                        failures.add(failure(
                                fileHash.at("algorithm").path(),
                                "Hash algorithm '" + algorithm + "' is used more than once for the same file."));
                    }
                }
            }
        }
    }
}
