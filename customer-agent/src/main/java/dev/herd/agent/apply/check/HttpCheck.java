package dev.herd.agent.apply.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code GET} a URL and return the status code (redirects are not followed: a 301 is an answer too). */
final class HttpCheck {

    private HttpCheck() {}

    static int status(String url, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
