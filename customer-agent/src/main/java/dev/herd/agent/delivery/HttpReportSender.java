package dev.herd.agent.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts queued reports to {@code /agent/reports} and maps the gateway's answers onto delivery outcomes. */
public class HttpReportSender implements ReportSender {

    private static final Pattern EXPECTED = Pattern.compile("(?:expected-|Expected report sequence )(\\d+)");

    private final GatewayClient gateway;
    private final String credential;

    public HttpReportSender(GatewayClient gateway, String credential) {
        this.gateway = gateway;
        this.credential = credential;
    }

    @Override
    public Outcome send(long sequence, byte[] submission) {
        GatewayAnswer answer;
        try {
            answer = gateway.post("/agent/reports", submission, credential);
        } catch (IOException e) {
            return new Retry(GatewayClient.unreachable(e));
        }
        if (answer.success()) {
            return new Delivered(answer.body().path("status").asText("accepted"));
        }
        if (answer.status() == 409 && "sequence-gap".equals(answer.code())) {
            return new Resync(expected(answer.body()), false, answer.problemLine());
        }
        if (answer.status() == 409 && "full-report-required".equals(answer.code())) {
            return new Resync(sequence, true, answer.problemLine());
        }
        if (answer.status() == 400 || answer.status() == 413 || answer.status() == 415) {
            return new Rejected(answer.problemLine());
        }
        return new Retry("report refused: " + answer.problemLine());
    }

    private static long expected(JsonNode problem) {
        for (JsonNode error : problem.path("errors")) {
            Matcher m = EXPECTED.matcher(error.path("code").asText(""));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        Matcher m = EXPECTED.matcher(problem.path("detail").asText(""));
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }
}
