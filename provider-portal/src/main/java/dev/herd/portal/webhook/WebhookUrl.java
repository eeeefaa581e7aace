package dev.herd.portal.webhook;

import dev.herd.contracts.problem.HerdException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks the form of a URL a webhook is posted to: absolute https (http when allowed), a host, no credentials. */
final class WebhookUrl {

    static final int MAX_LENGTH = 2000;

    private WebhookUrl() {}

    /** The URL, stripped, when it may be registered; a 400 problem {@code invalid-url} saying why otherwise. */
    static String checked(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            throw invalid("url is required");
        }
        String text = url.strip();
        if (text.length() > MAX_LENGTH) {
            throw invalid("url is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("url is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw invalid("url must be an absolute " + (allowHttp ? "http or https" : "https") + " URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url must not have a fragment");
        }
        return text;
    }

    private static HerdException invalid(String reason) {
        return HerdException.badRequest("invalid-url", reason + ".");
    }
}
