package dev.herd.portal.machine;

import dev.herd.contracts.inventory.MachineInventory;
import dev.herd.portal.match.Ecosystems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one package set holds: the packages of a machine, at most one per (name, architecture), with the name and
 * version diagnosis matches (the source package where the machine's ecosystem matches by source). Its digest names
 * it: machines with the same content share one stored set (V26).
 */
public final class PackageSetContent {

    /** Name, then architecture, in code-point order: PostgreSQL's {@code COLLATE "C"} in UTF-8, as V26 orders. */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::name, PackageSetContent::byCodePoint)
            .thenComparing(Key::architecture, PackageSetContent::byCodePoint);

    private final TreeMap<Key, Member> members;

    private PackageSetContent(TreeMap<Key, Member> members) {
        this.members = members;
    }

    /** One package of a set, as stored in {@code package_set_member}. */
    public record Member(
            String name,
            String architecture,
            String version,
            String sourceName,
            String sourceVersion,
            String matchName,
            String matchVersion) {}

    private record Key(String name, String architecture) {}

    /** The packages as an agent reported them, for a machine of this ecosystem; a repeated (name, arch) wins. */
    public static PackageSetContent of(String ecosystem, Collection<MachineInventory.PackageRef> packages) {
        return empty().with(ecosystem, packages);
    }

    /** The stored members of a set. */
    public static PackageSetContent ofMembers(Collection<Member> stored) {
        PackageSetContent content = empty();
        stored.forEach(m -> content.members.put(new Key(m.name(), m.architecture()), m));
        return content;
    }

    private static PackageSetContent empty() {
        return new PackageSetContent(new TreeMap<>(ORDER));
    }

    /** This content with these packages added or replaced (a delta's additions and upgrades). */
    public PackageSetContent with(String ecosystem, Collection<MachineInventory.PackageRef> packages) {
        TreeMap<Key, Member> changed = new TreeMap<>(members);
        boolean bySource = ecosystem != null && Ecosystems.matchesBySource(ecosystem);
        for (MachineInventory.PackageRef p : packages) {
            String architecture = p.architecture() == null ? "" : p.architecture();
            boolean source =
                    bySource && p.sourceName() != null && !p.sourceName().isBlank();
            changed.put(
                    new Key(p.name(), architecture),
                    new Member(
                            p.name(),
                            architecture,
                            p.version(),
                            p.sourceName(),
                            p.sourceVersion(),
                            source ? p.sourceName() : p.name(),
                            source && p.sourceVersion() != null ? p.sourceVersion() : p.version()));
        }
        return new PackageSetContent(changed);
    }

    /** This content without these packages (a delta's removals); a removal without architecture removes every one. */
    public PackageSetContent without(Collection<MachineInventory.PackageRef> packages) {
        TreeMap<Key, Member> changed = new TreeMap<>(members);
        for (MachineInventory.PackageRef p : packages) {
            String architecture = p.architecture() == null ? "" : p.architecture();
            changed.keySet()
                    .removeIf(k -> k.name().equals(p.name())
                            && (architecture.isEmpty() || k.architecture().equals(architecture)));
        }
        return new PackageSetContent(changed);
    }

    public List<Member> members() {
        return new ArrayList<>(members.values());
    }

    public int size() {
        return members.size();
    }

    /**
     * SHA-256 of the canonical text: one line per member in {@link #ORDER}, its seven fields separated by tabs, null as
     * {@code \N}, lines joined by newlines. V26 computes the same in SQL for the packages stored before it.
     */
    public byte[] digest() {
        StringBuilder text = new StringBuilder(members.size() * 64);
        for (Map.Entry<Key, Member> entry : members.entrySet()) {
            Member m = entry.getValue();
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(m.name())
                    .append('\t')
                    .append(m.architecture())
                    .append('\t')
                    .append(m.version());
            text.append('\t').append(orNull(m.sourceName())).append('\t').append(orNull(m.sourceVersion()));
            text.append('\t').append(m.matchName()).append('\t').append(m.matchVersion());
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String orNull(String value) {
        return value == null ? "\\N" : value;
    }

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
