package dev.herd.agent.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.agent.gateway.GatewayAnswer;
import dev.herd.agent.gateway.GatewayClient;
import dev.herd.agent.tls.PinnedCaFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trades a one-time enrolment token for this agent's credential ({@code POST /agent/enrol}) and stores it, with the
 * gateway CA the connection pinned ({@code STATE_DIR/gateway-ca.pem}) when there is one.
 */
public class Enroller {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayClient gateway;
    private final Supplier<Optional<X509Certificate>> pinnedCa;

    /** Enrols without pinning a CA (plain HTTP, tests). */
    public Enroller(GatewayClient gateway) {
        this(gateway, Optional::empty);
    }

    /** Enrols and keeps the CA {@code pinnedCa} gives once the gateway answered. */
    public Enroller(GatewayClient gateway, Supplier<Optional<X509Certificate>> pinnedCa) {
        this.gateway = gateway;
        this.pinnedCa = pinnedCa;
    }

    /** Enrols this machine (identity read below {@code root}) and writes {@code STATE_DIR/credential.json}. */
    public AgentCredential enrol(String token, Path root, Path stateDir) throws EnrolmentException {
        try {
            String machineId = MachineIdentity.machineId(root, stateDir);
            AgentCredential credential = enrol(token, MachineIdentity.hostname(root), machineId);
            // The CA first: a credential is never kept without the CA its gateway is trusted by.
            Optional<X509Certificate> ca = pinnedCa.get();
            if (ca.isPresent()) {
                PinnedCaFile.write(stateDir, ca.get());
            }
            CredentialStore.write(stateDir, credential);
            return credential;
        } catch (IOException e) {
            throw new EnrolmentException("cannot write the agent state in " + stateDir + ": " + e.getMessage());
        }
    }

    /** Calls the gateway; nothing is written. */
    public AgentCredential enrol(String token, String hostname, String machineId) throws EnrolmentException {
        byte[] body;
        GatewayAnswer answer;
        try {
            body = JSON.writeValueAsBytes(Map.of("token", token, "hostname", hostname, "machineId", machineId));
            answer = gateway.post("/agent/enrol", body, null);
        } catch (IOException e) {
            throw new EnrolmentException(GatewayClient.unreachable(e) + " (" + gateway.gateway() + ")");
        }
        if (!answer.success()) {
            throw new EnrolmentException("enrolment refused: " + answer.problemLine());
        }
        JsonNode b = answer.body();
        if (!b.path("agentId").isTextual() || !b.path("credential").isTextual()) {
            throw new EnrolmentException("enrolment answer without agentId/credential: " + b);
        }
        return new AgentCredential(
                b.path("agentId").asText(),
                b.path("tenantId").asText(null),
                b.path("credential").asText());
    }
}
