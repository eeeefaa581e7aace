package dev.herd.helmcheck;

import com.fasterxml.jackson.databind.JsonNode;

/** One manifest Helm rendered: the values file it was rendered with, the template it came from, its content. */
record Manifest(String valuesFile, String template, JsonNode content) {

    String apiVersion() {
        return content.path("apiVersion").asText("");
    }

    String kind() {
        return content.path("kind").asText("");
    }

    String name() {
        return content.path("metadata").path("name").asText("");
    }

    /** Where the manifest came from, as people read it: {@code ci/minimal-values.yaml: templates/hub/hpa.yaml}. */
    String origin() {
        return valuesFile + ": " + template + " (" + kind() + " " + name() + ")";
    }
}
