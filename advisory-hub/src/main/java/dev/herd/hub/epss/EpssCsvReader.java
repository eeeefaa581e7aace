package dev.herd.hub.epss;

import dev.herd.contracts.problem.HerdException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads FIRST.org's daily EPSS CSV ({@code epss_scores-YYYY-MM-DD.csv.gz}), plain or gzipped, one line at a time:
 * an optional comment {@code #model_version:v2023.03.01,score_date:2023-03-21T00:00:00+0000}, the header
 * {@code cve,epss,percentile}, then one row per CVE. Any bad line stops the read with a 400 problem naming it.
 */
public final class EpssCsvReader {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern MODEL = Pattern.compile("model_version:([^,\\s]{1,50})");
    private static final Pattern DATE = Pattern.compile("score_date:(\\d{4}-\\d{2}-\\d{2})");
    private static final BigDecimal ONE = BigDecimal.ONE;

    private EpssCsvReader() {}

    /** Reads the whole stream, handing every row to {@code rows}; answers the file's header. */
    public static EpssFileHeader read(InputStream body, Consumer<EpssRow> rows) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(decompressed(body), utf8()))) {
            int number = 0;
            String line = lines.readLine();
            number++;
            EpssFileHeader header = new EpssFileHeader(null, null);
            if (line != null && line.startsWith("#")) {
                checkText(line, number);
                header = header(line, number);
                line = lines.readLine();
                number++;
            }
            if (line == null || !line.strip().equals("cve,epss,percentile")) {
                throw invalid(
                        "epss-not-epss",
                        number,
                        "expected the header cve,epss,percentile" + (line == null ? " but the file ends" : ""));
            }
            int count = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.accept(row(line, number));
                count++;
            }
            if (count == 0) {
                throw invalid("epss-empty", number, "the file has no scores");
            }
            return header;
        } catch (CharacterCodingException e) {
            throw HerdException.badRequest("epss-not-epss", "The EPSS file is not UTF-8 text (nor gzip of it)");
        } catch (ZipException e) {
            throw HerdException.badRequest("epss-not-epss", "The gzipped EPSS file is corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EpssRow row(String line, int number) {
        checkText(line, number);
        String[] fields = line.strip().split(",", -1);
        if (fields.length != 3) {
            throw invalid("epss-row-invalid", number, "expected 3 fields cve,epss,percentile, found " + fields.length);
        }
        String cve = fields[0].strip().toUpperCase(Locale.ROOT);
        if (!CVE.matcher(cve).matches()) {
            throw invalid("epss-row-invalid", number, "'" + shorten(fields[0]) + "' is no CVE id");
        }
        return new EpssRow(cve, probability(fields[1], "score", number), probability(fields[2], "percentile", number));
    }

    private static BigDecimal probability(String field, String what, int number) {
        BigDecimal value;
        try {
            value = new BigDecimal(field.strip());
        } catch (NumberFormatException e) {
            throw invalid("epss-row-invalid", number, what + " '" + shorten(field) + "' is not a number");
        }
        if (value.signum() < 0 || value.compareTo(ONE) > 0) {
            throw invalid("epss-out-of-range", number, what + " " + value.toPlainString() + " is outside 0..1");
        }
        // The table keeps five decimals, as FIRST.org publishes them.
        return value.setScale(5, RoundingMode.HALF_UP);
    }

    private static EpssFileHeader header(String line, int number) {
        Matcher model = MODEL.matcher(line);
        Matcher date = DATE.matcher(line);
        LocalDate scoreDate = null;
        if (date.find()) {
            try {
                scoreDate = LocalDate.parse(date.group(1));
            } catch (DateTimeParseException e) {
                throw invalid("epss-not-epss", number, "score_date " + date.group(1) + " is no date");
            }
        }
        return new EpssFileHeader(model.find() ? model.group(1) : null, scoreDate);
    }

    /** PostgreSQL refuses NUL in text; a binary file read as text shows itself the same way. */
    private static void checkText(String line, int number) {
        if (line.indexOf('\u0000') >= 0) {
            throw invalid("nul-character", number, "the line holds a NUL character");
        }
    }

    private static InputStream decompressed(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 65536) : in;
    }

    private static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static HerdException invalid(String code, int line, String message) {
        return HerdException.badRequest(code, "EPSS file line " + line + ": " + message);
    }
}
