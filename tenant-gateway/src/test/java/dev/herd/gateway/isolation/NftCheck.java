package dev.herd.gateway.isolation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks rulesets with the real {@code nft -c -f -} (root or CAP_NET_ADMIN needed; nothing is changed). */
public final class NftCheck {

    public static final String NFT = Files.isExecutable(Path.of("/usr/sbin/nft")) ? "/usr/sbin/nft" : "nft";

    private NftCheck() {}

    /** Fails unless nft accepts {@code ruleset}. */
    public static void requireAccepted(String ruleset) {
        Nft.Result result = check(ruleset);
        if (!result.ok()) {
            fail("nft -c refused the ruleset: " + result.output() + "\n" + ruleset);
        }
    }

    private static Nft.Result check(String ruleset) {
        Nft.Result result;
        try {
            result = new Nft(NFT).check(ruleset);
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + NFT + " -c -f -' (is nftables installed?): " + e.getMessage(), e);
        }
        if (result.output().contains("Operation not permitted")) {
            fail("'nft -c' needs root or CAP_NET_ADMIN to check the ruleset; run the tests as root: "
                    + result.output());
        }
        return result;
    }
}
