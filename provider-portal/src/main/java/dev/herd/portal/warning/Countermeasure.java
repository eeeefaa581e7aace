package dev.herd.portal.warning;

import java.util.List;

/** What a warned tenant should do: its filter rules that answer the anomaly, or a text when it has none. */
public record Countermeasure(String text, List<Integer> ruleNumbers) {

    public Countermeasure {
        ruleNumbers = List.copyOf(ruleNumbers);
    }
}
