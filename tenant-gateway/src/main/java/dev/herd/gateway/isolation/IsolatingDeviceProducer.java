package dev.herd.gateway.isolation;

import dev.herd.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;

/** Chooses the isolating-device driver from {@code herd.gateway.isolation.driver}: recording or nftables (a singleton, so tests see the driver itself). */
@ApplicationScoped
public class IsolatingDeviceProducer {

    @Produces
    @Singleton
    IsolatingDevice device(GatewayConfig config) {
        GatewayConfig.Isolation isolation = config.isolation();
        return switch (isolation.driver().trim()) {
            case "recording" -> new RecordingDevice();
            case "nftables" ->
                new NftablesDevice(
                        new Nft(isolation.nftables().binary()),
                        NftablesDevice.Mode.of(isolation.nftables().mode()),
                        isolation.diagnosisAddresses().orElse(List.of()).stream()
                                .map(a -> Machine.of(null, a))
                                .toList(),
                        new Iptables(isolation.iptables().command()),
                        new SuricataRules(Path.of(isolation.suricata().rulesFile())));
            default ->
                throw new IllegalArgumentException(
                        "herd.gateway.isolation.driver must be recording or nftables, not " + isolation.driver());
        };
    }
}
