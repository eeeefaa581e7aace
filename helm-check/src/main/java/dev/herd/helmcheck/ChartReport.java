package dev.herd.helmcheck;

import java.util.List;

/** What a chart check found: how many manifests from how many values files, and every problem. */
record ChartReport(int manifests, int valuesFiles, List<String> problems) {

    boolean valid() {
        return problems.isEmpty();
    }

    String summary() {
        return "chart: " + manifests + " manifests from " + valuesFiles + " values files valid";
    }
}
