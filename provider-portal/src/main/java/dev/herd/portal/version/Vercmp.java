package dev.herd.portal.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code vercmp} command: reads lines {@code A B} and prints {@code A OP B} ({@code <}, {@code =}, {@code >}) in
 * the order of the ecosystem named by the only argument. JDK classes only, so it runs from target/classes alone.
 */
public final class Vercmp {

    static final int OK = 0;
    static final int MALFORMED_INPUT = 1;
    static final int USAGE = 2;

    private Vercmp() {}

    public static void main(String[] args) throws IOException {
        int status = run(args, System.in, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status (0, 1 when some line was malformed, 2 for a bad argument). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 1) {
            err.println("usage: vercmp ECOSYSTEM < pairs  (lines 'A B'; prints 'A OP B')");
            err.println("known ecosystems: " + String.join(", ", VersionOrders.knownNames()));
            return USAGE;
        }
        Optional<VersionOrder> found = VersionOrders.find(args[0]);
        if (found.isEmpty()) {
            err.println("vercmp: unknown ecosystem '" + args[0] + "'; known (case-insensitive, OSV names may carry"
                    + " a ':release' suffix): " + String.join(", ", VersionOrders.knownNames()));
            return USAGE;
        }
        VersionOrder order = found.get();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = OK;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String[] fields = line.strip().split("\\s+");
            if (fields.length != 2 || fields[0].isEmpty()) {
                err.println("vercmp: line " + lineNumber + ": expected two versions separated by whitespace, got '"
                        + line + "'");
                status = MALFORMED_INPUT;
                continue;
            }
            int sign = order.compare(fields[0], fields[1]);
            out.println(fields[0] + (sign < 0 ? " < " : sign == 0 ? " = " : " > ") + fields[1]);
        }
        out.flush();
        return status;
    }
}
