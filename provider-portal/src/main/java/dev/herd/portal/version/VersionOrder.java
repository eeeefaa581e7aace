package dev.herd.portal.version;

import java.util.Comparator;

/**
 * The order of version strings in one ecosystem, exactly as that ecosystem's own tool decides it (dpkg, rpm,
 * apk-tools, semver, Maven, PEP 440). Implementations are stateless and thread-safe; they never throw on odd input
 * but order it as the real tool would (or, where the tool rejects it, consistently).
 */
public interface VersionOrder extends Comparator<String> {

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    @Override
    int compare(String a, String b);

    /** A short name for messages and the {@code vercmp} command: {@code dpkg}, {@code rpm}, ... */
    String name();
}
