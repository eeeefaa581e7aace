package dev.herd.portal.rules;

import dev.herd.contracts.delivery.RuleBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The listed-rule part of a delta: rules added or changed (put whole) and rule numbers withdrawn, by number. */
final class BundleChanges {

    private BundleChanges() {}

    static RuleBundle.Changes between(List<RuleBundle.Rule> before, List<RuleBundle.Rule> after) {
        Map<Integer, RuleBundle.Rule> was = byNumber(before);
        Map<Integer, RuleBundle.Rule> is = byNumber(after);
        List<RuleBundle.Rule> put = new ArrayList<>();
        for (RuleBundle.Rule rule : is.values()) {
            if (!rule.equals(was.get(rule.number()))) {
                put.add(rule);
            }
        }
        List<Integer> withdrawn = new ArrayList<>();
        for (int number : was.keySet()) {
            if (!is.containsKey(number)) {
                withdrawn.add(number);
            }
        }
        return new RuleBundle.Changes(put, withdrawn);
    }

    private static Map<Integer, RuleBundle.Rule> byNumber(List<RuleBundle.Rule> rules) {
        Map<Integer, RuleBundle.Rule> byNumber = new TreeMap<>();
        rules.forEach(rule -> byNumber.put(rule.number(), rule));
        return byNumber;
    }
}
