package dev.herd.agent.monitor;

/** Which NFLOG hits the sensor reports: every signature hit and canary check, or only canary checks. */
public enum MonitorHits {
    ALL,
    CANARY
}
