package dev.herd.agent.apply.rules;

import dev.herd.contracts.delivery.RuleBundle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payload-signature rules as kernel string matches ({@code xt_string}) in the chain {@value #CHAIN} of table
 * {@code filter}, which {@code INPUT} and {@code FORWARD} jump to first. Two lines per rule, the same match first
 * logged to NFLOG group {@value #NFLOG_GROUP} (prefix {@code herd:N}, read by the agent's monitor) and then dropped,
 * e.g. {@code -A HERD-SIG -p tcp -m tcp --dport 443 -m string --hex-string "|2f6576696c|" --algo bm -m comment
 * --comment "herd:3 CVE-2024-1" -j NFLOG --nflog-group 42 --nflog-prefix "herd:3"} and the same with {@code -j DROP}.
 *
 * <p>The signature is always written as hex, so no byte of it can end the string or the line. The kernel matches
 * at most {@value #MAX_PATTERN_BYTES} bytes: a longer signature is matched by its first {@value #MAX_PATTERN_BYTES}
 * bytes, which {@link #truncated} names. A port is matched only with a protocol that has ports; another protocol is
 * passed to {@code -p} as it is, and the kernel decides whether it knows it. REJECT answers TCP with a reset;
 * RATE_LIMIT, whose rate the bundle does not carry, drops every match. A host enforces every signature rule of its
 * tenant on its own traffic; the protected addresses are the gateway's and Suricata's business. Stateless.
 */
final class SignatureChain {

    static final String CHAIN = "HERD-SIG";
    /** The NFLOG group every signature hit is logged to before its verdict. */
    static final int NFLOG_GROUP = 42;

    static final List<String> HOOKS = List.of("INPUT", "FORWARD");
    /** Below {@code XT_STRING_MAX_PATTERN_SIZE} (128): iptables refuses a pattern of 128 bytes as too long. */
    static final int MAX_PATTERN_BYTES = 127;

    private static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "sctp", "udplite", "dccp");
    private static final Pattern PROTOCOL = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern LABEL_UNSAFE = Pattern.compile("[^A-Za-z0-9._:-]");
    private static final Pattern RULE_NUMBER = Pattern.compile("--comment \"?herd:([0-9]{1,9}) ");

    private SignatureChain() {}

    static boolean hasSignature(RuleBundle.Rule rule) {
        return rule.signature() != null && !rule.signature().isEmpty();
    }

    /** The rule's {@code -A} lines: its hits logged to NFLOG, then its verdict. */
    static List<String> lines(RuleBundle.Rule rule) {
        String match = match(rule);
        String protocol = rule.protocol() == null ? null : rule.protocol().toLowerCase(Locale.ROOT);
        return List.of(
                match + " -j NFLOG --nflog-group " + NFLOG_GROUP + " --nflog-prefix \"herd:" + rule.number() + "\"",
                match + " -j " + target(rule.action(), protocol));
    }

    /** The rule's {@code -A} line up to its target. */
    private static String match(RuleBundle.Rule rule) {
        StringBuilder out = new StringBuilder("-A ").append(CHAIN);
        String protocol = rule.protocol() == null ? null : rule.protocol().toLowerCase(Locale.ROOT);
        if (protocol != null) {
            if (!PROTOCOL.matcher(protocol).matches()) {
                throw new IllegalArgumentException("rule " + rule.number() + ": protocol is not a protocol name");
            }
            out.append(" -p ").append(protocol);
            if (rule.port() != null && PORT_PROTOCOLS.contains(protocol)) {
                out.append(" -m ").append(protocol).append(" --dport ").append(rule.port());
            }
        }
        out.append(" -m string --hex-string \"|")
                .append(HexFormat.of().formatHex(pattern(rule.signature())))
                .append("|\" --algo bm -m comment --comment \"")
                .append(label(rule))
                .append('"');
        return out.toString();
    }

    /** Whether the rule's signature is longer than the kernel matches, so only its start is matched. */
    static boolean truncated(RuleBundle.Rule rule) {
        return rule.signature().getBytes(StandardCharsets.UTF_8).length > MAX_PATTERN_BYTES;
    }

    /** {@code herd:N ADVISORY}, the label the verification looks for; the advisory id keeps safe characters only. */
    static String label(RuleBundle.Rule rule) {
        String advisory = rule.advisoryId() == null
                ? ""
                : LABEL_UNSAFE.matcher(rule.advisoryId()).replaceAll("");
        return "herd:" + rule.number() + " " + advisory.substring(0, Math.min(advisory.length(), 200));
    }

    /** The Herd rule number of a listed {@code -A} line, or -1 when it carries no Herd label. */
    static int ruleNumber(String line) {
        Matcher m = RULE_NUMBER.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * An {@code iptables-restore --noflush} script that makes the chain exactly {@code lines} (declaring a chain
     * flushes it) and adds the jumps {@code missingJumps} lacks, all in one transaction of table {@code filter}.
     */
    static String script(List<String> lines, List<String> missingJumps) {
        StringBuilder out = new StringBuilder("*filter\n:").append(CHAIN).append(" - [0:0]\n");
        lines.forEach(line -> out.append(line).append('\n'));
        missingJumps.forEach(hook ->
                out.append("-I ").append(hook).append(" 1 -j ").append(CHAIN).append('\n'));
        return out.append("COMMIT\n").toString();
    }

    /** Whether an {@code iptables -S} listing declares the chain. */
    static boolean declared(String listing) {
        return listing.lines().anyMatch(line -> line.strip().equals("-N " + CHAIN));
    }

    /** The hooks of {@link #HOOKS} that an {@code iptables -S} listing shows jumping to the chain. */
    static Set<String> jumping(String listing) {
        Set<String> hooks = new HashSet<>();
        listing.lines().map(String::strip).forEach(line -> {
            for (String hook : HOOKS) {
                if (line.equals("-A " + hook + " -j " + CHAIN)) {
                    hooks.add(hook);
                }
            }
        });
        return hooks;
    }

    /** The {@code -A} lines of an {@code iptables -S} listing that belong to the chain (the {@code -N} line left out). */
    static List<String> appended(String listing) {
        List<String> lines = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (line.startsWith("-A " + CHAIN + " ")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static byte[] pattern(String signature) {
        byte[] bytes = signature.getBytes(StandardCharsets.UTF_8);
        return bytes.length > MAX_PATTERN_BYTES ? Arrays.copyOf(bytes, MAX_PATTERN_BYTES) : bytes;
    }

    private static String target(String action, String protocol) {
        if ("REJECT".equals(action)) {
            return "tcp".equals(protocol) ? "REJECT --reject-with tcp-reset" : "REJECT";
        }
        return "DROP";
    }
}
