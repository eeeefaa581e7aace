package dev.herd.hub.verification;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an advisory document against its {@code .sha256} or {@code .sha512} file (CSAF 2.0, 7.1.18-7.1.19). Reads
 * a bare digest and the {@code sha256sum} formats {@code <hex>  <name>} and {@code <hex> *<name>}, in either case.
 */
public final class HashFileVerifier {

    private static final Pattern LINE = Pattern.compile("(\\S+)(?:\\s+\\*?(.*))?");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    /**
     * @param documentFileName the name the document was published under; when given, a hash file naming another file
     *     fails with {@link HashOutcome#NAME_MISMATCH}
     */
    public HashVerification verify(byte[] document, String documentFileName, String hashFile, HashAlgorithm algorithm) {
        // A byte order mark is whitespace to people but not to strip().
        String content = hashFile == null ? "" : hashFile.replace("\uFEFF", "").strip();
        if (content.isEmpty()) {
            return malformed(algorithm, "The " + algorithm.jcaName() + " hash file is empty.");
        }
        if (content.lines().count() > 1) {
            return malformed(algorithm, "The hash file has several lines; it should give the digest of one document.");
        }
        Matcher line = LINE.matcher(content);
        if (!line.matches()) {
            return malformed(algorithm, "The hash file cannot be read.");
        }
        String expected = line.group(1);
        if (!HEX.matcher(expected).matches() || expected.length() != algorithm.hexLength()) {
            return malformed(
                    algorithm,
                    "A " + algorithm.jcaName() + " digest is " + algorithm.hexLength() + " hex digits; the hash file"
                            + " starts with '" + abbreviate(expected) + "' (" + expected.length() + " characters).");
        }
        expected = expected.toLowerCase(Locale.ROOT);
        String actual = HexFormat.of().formatHex(algorithm.digest(document));
        String named = line.group(2) == null ? "" : line.group(2).strip();
        if (!named.isEmpty() && documentFileName != null && !baseName(named).equals(baseName(documentFileName))) {
            return new HashVerification(
                    HashOutcome.NAME_MISMATCH,
                    algorithm,
                    expected,
                    actual,
                    "The hash file is for '" + named + "', not for '" + documentFileName + "'.");
        }
        if (!expected.equals(actual)) {
            return new HashVerification(
                    HashOutcome.MISMATCH,
                    algorithm,
                    expected,
                    actual,
                    "The document's " + algorithm.jcaName() + " digest is " + actual + " but its hash file expects "
                            + expected + ".");
        }
        return new HashVerification(
                HashOutcome.MATCH,
                algorithm,
                expected,
                actual,
                "The document matches its " + algorithm.jcaName() + " digest.");
    }

    /** Like {@link #verify(byte[], String, String, HashAlgorithm)}, the algorithm taken from the hash file's name. */
    public HashVerification verifyByExtension(
            byte[] document, String documentFileName, String hashFileName, String hashFile) {
        return HashAlgorithm.fromFileName(hashFileName)
                .map(algorithm -> verify(document, documentFileName, hashFile, algorithm))
                .orElseGet(() -> new HashVerification(
                        HashOutcome.MALFORMED,
                        null,
                        null,
                        null,
                        "'" + hashFileName + "' ends neither in .sha256 nor in .sha512."));
    }

    private static HashVerification malformed(HashAlgorithm algorithm, String message) {
        return new HashVerification(HashOutcome.MALFORMED, algorithm, null, null, message);
    }

    private static String baseName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "...";
    }
}
