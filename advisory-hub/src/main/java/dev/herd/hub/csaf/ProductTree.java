package dev.herd.hub.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a CSAF document defines products and product groups, and every place that refers to them (CSAF 2.0
 * sections 3.1.7, 3.1.8, 3.2.2 and 3.2.3), each with its JSON pointer.
 */
final class ProductTree {

    /** The product status lists of a vulnerability (section 3.2.3.9). */
    static final List<String> PRODUCT_STATUSES = List.of(
            "first_affected",
            "first_fixed",
            "fixed",
            "known_affected",
            "known_not_affected",
            "last_affected",
            "recommended",
            "under_investigation");

    private ProductTree() {}

    /** Every branch, at any depth of {@code /product_tree/branches}. */
    static List<LocatedNode> branches(JsonNode document) {
        List<LocatedNode> branches = new ArrayList<>();
        collectBranches(LocatedNode.root(document).at("product_tree").at("branches"), branches);
        return branches;
    }

    private static void collectBranches(LocatedNode list, List<LocatedNode> out) {
        for (LocatedNode branch : list.items()) {
            out.add(branch);
            collectBranches(branch.at("branches"), out);
        }
    }

    /** Every Full Product Name ({@code full_product_name_t}): in branches, the list and relationships. */
    static List<LocatedNode> fullProductNames(JsonNode document) {
        List<LocatedNode> products = new ArrayList<>();
        for (LocatedNode branch : branches(document)) {
            if (branch.at("product").exists()) {
                products.add(branch.at("product"));
            }
        }
        LocatedNode tree = LocatedNode.root(document).at("product_tree");
        products.addAll(tree.at("full_product_names").items());
        for (LocatedNode relationship : tree.at("relationships").items()) {
            if (relationship.at("full_product_name").exists()) {
                products.add(relationship.at("full_product_name"));
            }
        }
        return products;
    }

    /** Every {@code product_id} that defines a product, in document order. */
    static List<LocatedNode> productIdDefinitions(JsonNode document) {
        return fullProductNames(document).stream()
                .map(product -> product.at("product_id"))
                .filter(id -> id.text() != null)
                .toList();
    }

    /**
     * Every Product ID that refers to a defined product: the paths listed in section 6.1.1, plus {@code
     * /vulnerabilities[]/flags[]/product_ids[]}, which is of the same type {@code products_t} (errata 01).
     */
    static List<LocatedNode> productIdReferences(JsonNode document) {
        List<LocatedNode> references = new ArrayList<>();
        LocatedNode tree = LocatedNode.root(document).at("product_tree");
        for (LocatedNode group : tree.at("product_groups").items()) {
            references.addAll(group.at("product_ids").items());
        }
        for (LocatedNode relationship : tree.at("relationships").items()) {
            references.add(relationship.at("product_reference"));
            references.add(relationship.at("relates_to_product_reference"));
        }
        for (LocatedNode vulnerability : vulnerabilities(document)) {
            for (String status : PRODUCT_STATUSES) {
                references.addAll(vulnerability.at("product_status").at(status).items());
            }
            for (LocatedNode remediation : vulnerability.at("remediations").items()) {
                references.addAll(remediation.at("product_ids").items());
            }
            for (LocatedNode score : vulnerability.at("scores").items()) {
                references.addAll(score.at("products").items());
            }
            for (LocatedNode threat : vulnerability.at("threats").items()) {
                references.addAll(threat.at("product_ids").items());
            }
            for (LocatedNode flag : vulnerability.at("flags").items()) {
                references.addAll(flag.at("product_ids").items());
            }
        }
        return references.stream().filter(id -> id.text() != null).toList();
    }

    /** Every {@code group_id} that defines a product group. */
    static List<LocatedNode> groupIdDefinitions(JsonNode document) {
        return LocatedNode.root(document).at("product_tree").at("product_groups").items().stream()
                .map(group -> group.at("group_id"))
                .filter(id -> id.text() != null)
                .toList();
    }

    /** Every Product Group ID that refers to a group: in remediations, threats and flags of vulnerabilities. */
    static List<LocatedNode> groupIdReferences(JsonNode document) {
        List<LocatedNode> references = new ArrayList<>();
        for (LocatedNode vulnerability : vulnerabilities(document)) {
            for (String list : List.of("remediations", "threats", "flags")) {
                for (LocatedNode item : vulnerability.at(list).items()) {
                    references.addAll(item.at("group_ids").items());
                }
            }
        }
        return references.stream().filter(id -> id.text() != null).toList();
    }

    /** The Product IDs of each product group, by group ID. */
    static Map<String, Set<String>> groupMembers(JsonNode document) {
        Map<String, Set<String>> members = new HashMap<>();
        for (LocatedNode group : LocatedNode.root(document)
                .at("product_tree")
                .at("product_groups")
                .items()) {
            String groupId = group.at("group_id").text();
            if (groupId != null) {
                Set<String> ids = members.computeIfAbsent(groupId, id -> new LinkedHashSet<>());
                group.at("product_ids").items().stream()
                        .map(LocatedNode::text)
                        .filter(id -> id != null)
                        .forEach(ids::add);
            }
        }
        return members;
    }

    /**
     * The products a remediation, threat or flag applies to: its {@code product_ids} and the members of its {@code
     * group_ids}.
     */
    static Set<String> productsOf(LocatedNode item, Map<String, Set<String>> groupMembers) {
        Set<String> products = new LinkedHashSet<>();
        item.at("product_ids").items().stream()
                .map(LocatedNode::text)
                .filter(id -> id != null)
                .forEach(products::add);
        for (LocatedNode group : item.at("group_ids").items()) {
            products.addAll(groupMembers.getOrDefault(group.text(), Set.of()));
        }
        return products;
    }

    static List<LocatedNode> vulnerabilities(JsonNode document) {
        return LocatedNode.root(document).at("vulnerabilities").items();
    }
}
