package dev.herd.portal.version;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Maven's version order, as {@code org.apache.maven.artifact.versioning.ComparableVersion} (maven-artifact 3.9)
 * decides it: {@code .} and {@code -} separators and digit/letter transitions split items, numbers compare as numbers,
 * qualifiers as {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp} then unknown
 * ones alphabetically, a hyphen starts a sub-list that is less important than a dotted item, trailing null items
 * (0, "") are dropped.
 */
public final class MavenVersionOrder implements VersionOrder {

    @Override
    public int compare(String a, String b) {
        return Integer.signum(compareItems(parse(a), parse(b)));
    }

    @Override
    public String name() {
        return "maven";
    }

    private sealed interface Item permits Num, Qualifier, Items {
        boolean isNull();
    }

    /** A number without leading zeros ("0" for zero), compared by length then digits: any size. */
    private record Num(String digits) implements Item {
        @Override
        public boolean isNull() {
            return digits.equals("0");
        }
    }

    /** A qualifier: its rank among the known ones, or {@link #UNKNOWN} and then its text. */
    private record Qualifier(String value, int rank) implements Item {
        static final int RELEASE = 5;
        static final int UNKNOWN = 7;

        static Qualifier of(String value, boolean followedByDigit) {
            if (followedByDigit && value.length() == 1) {
                // a1 = alpha-1, b1 = beta-1, m1 = milestone-1
                value = switch (value.charAt(0)) {
                    case 'a' -> "alpha";
                    case 'b' -> "beta";
                    case 'm' -> "milestone";
                    default -> value;
                };
            }
            // maven-artifact 3.9 aliases: cr is rc; ga, final and release are the empty (release) qualifier.
            value = switch (value) {
                case "cr" -> "rc";
                case "ga", "final", "release" -> "";
                default -> value;
            };
            int rank = switch (value) {
                case "alpha" -> 0;
                case "beta" -> 1;
                case "milestone" -> 2;
                case "rc" -> 3;
                case "snapshot" -> 4;
                case "" -> RELEASE;
                case "sp" -> 6;
                default -> UNKNOWN;
            };
            return new Qualifier(value, rank);
        }

        @Override
        public boolean isNull() {
            return value.isEmpty();
        }

        int compareTo(Qualifier other) {
            if (rank != other.rank) {
                return Integer.compare(rank, other.rank);
            }
            return rank == UNKNOWN ? value.compareTo(other.value) : 0;
        }

        /** Against nothing: older than a release when a pre-release qualifier, newer when sp or unknown. */
        int compareToRelease() {
            return Integer.compare(rank, RELEASE);
        }
    }

    /** A list of items; every {@code -} opens a nested one. */
    private record Items(List<Item> items) implements Item {
        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        /** Drops trailing null items (0, "", empty lists), looking through nested lists at the end. */
        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof Items)) {
                    break;
                }
            }
        }
    }

    /** Compares two items, either of which may be missing (null). */
    private static int compareItems(Item left, Item right) {
        if (left == null) {
            return right == null ? 0 : -compareItems(right, null);
        }
        return switch (left) {
            case Num n -> compareNum(n, right);
            case Qualifier q -> compareQualifier(q, right);
            case Items l -> compareList(l, right);
        };
    }

    private static int compareNum(Num n, Item right) {
        return switch (right) {
            case null -> n.isNull() ? 0 : 1;
            case Num m -> compareDigits(n.digits, m.digits);
            default -> 1; // 1.1 > 1-sp, 1.1 > 1-1
        };
    }

    private static int compareQualifier(Qualifier q, Item right) {
        return switch (right) {
            case null -> q.compareToRelease();
            case Qualifier other -> q.compareTo(other);
            default -> -1; // 1.any < 1.1, 1.any < 1-1
        };
    }

    private static int compareList(Items l, Item right) {
        return switch (right) {
            case null -> {
                for (Item item : l.items) {
                    int order = compareItems(item, null);
                    if (order != 0) {
                        yield order;
                    }
                }
                yield 0;
            }
            case Num n -> -1; // 1-1 < 1.0.x
            case Qualifier q -> 1; // 1-1 > 1-sp
            case Items r -> {
                int size = Math.max(l.items.size(), r.items.size());
                for (int k = 0; k < size; k++) {
                    Item li = k < l.items.size() ? l.items.get(k) : null;
                    Item ri = k < r.items.size() ? r.items.get(k) : null;
                    int order = compareItems(li, ri);
                    if (order != 0) {
                        yield order;
                    }
                }
                yield 0;
            }
        };
    }

    private static int compareDigits(String x, String y) {
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return Integer.signum(x.compareTo(y));
    }

    /** ComparableVersion.parseVersion: splits the version into nested item lists, then normalizes them. */
    static Items parse(String version) {
        String v = version.toLowerCase(Locale.ENGLISH);
        Items root = new Items(new ArrayList<>());
        Items list = root;
        Deque<Items> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.' || c == '-') {
                list.items.add(i == start ? new Num("0") : item(isDigit, v.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    list = push(list, stack);
                }
            } else if (Character.isDigit(c)) {
                if (!isDigit && i > start) {
                    // 1.0.0.X1 < 1.0.0-X2: a qualifier after a dot goes into its own list, like after a hyphen
                    if (!list.items.isEmpty()) {
                        list = push(list, stack);
                    }
                    list.items.add(Qualifier.of(v.substring(start, i), true));
                    start = i;
                    list = push(list, stack);
                }
                isDigit = true;
            } else {
                if (isDigit && i > start) {
                    list.items.add(item(true, v.substring(start, i)));
                    start = i;
                    list = push(list, stack);
                }
                isDigit = false;
            }
        }
        if (v.length() > start) {
            if (!isDigit && !list.items.isEmpty()) {
                list = push(list, stack);
            }
            list.items.add(item(isDigit, v.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    private static Items push(Items list, Deque<Items> stack) {
        Items next = new Items(new ArrayList<>());
        list.items.add(next);
        stack.push(next);
        return next;
    }

    private static Item item(boolean isDigit, String text) {
        return isDigit ? number(text) : Qualifier.of(text, false);
    }

    private static Num number(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return new Num(digits.isEmpty() ? "0" : digits.substring(k));
    }
}
