package dev.herd.portal.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The permissions each network configuration file is expected to have, as Debian 12 installs it (docs/provider-portal.md,
 * "Configuration files"): a path, or a folder's {@code *.yaml}, with its octal mode, owner and group.
 */
public final class ExpectedPermissions {

    /** One expected entry; {@code path} ending in {@code /*.yaml} stands for that folder's YAML files. */
    public record Expected(
            @NotNull @Size(max = 1024) @Pattern(regexp = "/[^\\p{Cntrl}]*")
            String path,

            @NotNull @Pattern(regexp = "[0-7]{4}") String mode,
            @NotNull @Pattern(regexp = NAME) String owner,
            @NotNull @Pattern(regexp = NAME) String group) {

        boolean covers(String file) {
            if (path.endsWith("/*.yaml")) {
                String folder = path.substring(0, path.length() - "*.yaml".length());
                return file.startsWith(folder) && file.endsWith(".yaml") && file.indexOf('/', folder.length()) < 0;
            }
            return path.equals(file);
        }
    }

    /** The default table. */
    public static final List<Expected> DEFAULTS = List.of(
            new Expected("/etc/network/interfaces", "0644", "root", "root"),
            new Expected("/etc/hosts", "0644", "root", "root"),
            new Expected("/etc/hostname", "0644", "root", "root"),
            new Expected("/etc/resolv.conf", "0644", "root", "root"),
            new Expected("/etc/nsswitch.conf", "0644", "root", "root"),
            new Expected("/etc/hosts.allow", "0644", "root", "root"),
            new Expected("/etc/hosts.deny", "0644", "root", "root"),
            // Debian's nftables package ships it executable: it starts with #!/usr/sbin/nft -f.
            new Expected("/etc/nftables.conf", "0755", "root", "root"),
            new Expected("/etc/sysctl.conf", "0644", "root", "root"),
            new Expected("/etc/ssh/sshd_config", "0644", "root", "root"),
            // netplan (0.106 and later) warns that anything wider than 0600 is too open: the files may hold secrets.
            new Expected("/etc/netplan/*.yaml", "0600", "root", "root"));

    /** A user or group name as Debian's adduser allows it. */
    public static final String NAME = "[a-z_][a-z0-9_.-]{0,31}";

    private ExpectedPermissions() {}

    /** What is expected of the file: the tenant's own entry first, then the default; empty when neither has one. */
    public static Optional<Expected> of(List<Expected> tenants, String path) {
        return Stream.concat(tenants.stream(), DEFAULTS.stream())
                .filter(e -> e.covers(path))
                .findFirst();
    }

    /** How an observed file differs from what is expected, and how urgent that is. */
    public record Mismatch(String what, String urgency) {}

    /**
     * The difference, if any: HIGH when the file may be written by more people than expected (a write bit for group
     * or others that is not expected, or another owner), NORMAL otherwise (stricter, or another group).
     */
    public static Optional<Mismatch> check(Expected expected, String mode, String owner, String group) {
        StringBuilder what = new StringBuilder();
        boolean high = false;
        if (!expected.mode().equals(mode)) {
            what.append("mode ").append(mode).append(", expected ").append(expected.mode());
            int extra = Integer.parseInt(mode, 8) & ~Integer.parseInt(expected.mode(), 8);
            high = (extra & 0022) != 0 || (extra & 07000) != 0;
        }
        if (!expected.owner().equals(owner)) {
            append(what, "owner " + owner + ", expected " + expected.owner());
            high = true;
        }
        if (!expected.group().equals(group)) {
            append(what, "group " + group + ", expected " + expected.group());
        }
        return what.isEmpty() ? Optional.empty() : Optional.of(new Mismatch(what.toString(), high ? "HIGH" : "NORMAL"));
    }

    private static void append(StringBuilder what, String text) {
        what.append(what.isEmpty() ? "" : "; ").append(text);
    }
}
