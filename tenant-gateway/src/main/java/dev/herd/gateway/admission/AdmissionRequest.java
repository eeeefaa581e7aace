package dev.herd.gateway.admission;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A new machine's connection request: its MAC address, its IP address if it has one yet, and its host name;
 * {@code tenantId} is required of MSSP admins and must be the caller's own tenant (or absent) for gateways.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdmissionRequest(String tenantId, String mac, String ip, String hostname) {}
