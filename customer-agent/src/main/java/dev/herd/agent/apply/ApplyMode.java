package dev.herd.agent.apply;

import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code run} does with rule bundles and patch plans from the gateway: {@code off}, {@code dry-run}, {@code auto}. */
public enum ApplyMode {
    OFF("off"),
    DRY_RUN("dry-run"),
    AUTO("auto");

    private final String text;

    ApplyMode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Reads {@code --apply} values. */
    public static class Converter implements ITypeConverter<ApplyMode> {
        @Override
        public ApplyMode convert(String value) {
            return Arrays.stream(values())
                    .filter(m -> m.text.equals(value))
                    .findFirst()
                    .orElseThrow(
                            () -> new TypeConversionException("expected off, dry-run or auto, not '" + value + "'"));
        }
    }
}
