package dev.herd.agent.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herd.contracts.delivery.PatchPlan;
import dev.herd.contracts.delivery.RuleBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and checks a rule bundle or patch plan, from a file or from the gateway's answer, before anything runs. */
public final class DeliveryInput {

    private DeliveryInput() {}

    public static RuleBundle bundle(Path file) throws BadInputException {
        return bundle(read(file), file.toString());
    }

    public static PatchPlan plan(Path file) throws BadInputException {
        return plan(read(file), file.toString());
    }

    /** {@code source} names where the bytes came from in messages. */
    public static RuleBundle bundle(byte[] json, String source) throws BadInputException {
        RuleBundle bundle = parse(json, RuleBundle.class, source);
        if (bundle.nftables() == null || bundle.nftables().isBlank()) {
            throw new BadInputException(source + ": the rule bundle has no nftables text");
        }
        return bundle;
    }

    public static PatchPlan plan(byte[] json, String source) throws BadInputException {
        return check(parse(json, PatchPlan.class, source), source);
    }

    public static PatchPlan check(PatchPlan plan, String source) throws BadInputException {
        if (plan.planId() == null) {
            throw new BadInputException(source + ": the patch plan has no planId");
        }
        if (plan.steps().isEmpty()) {
            throw new BadInputException(source + ": the patch plan has no steps");
        }
        for (PatchPlan.Step step : plan.steps()) {
            if (blank(step.packageName()) || blank(step.targetVersion())) {
                throw new BadInputException(
                        source + ": step " + step.order() + " needs a packageName and a targetVersion");
            }
        }
        for (PatchPlan.Check check : concat(plan)) {
            if (check == null || blank(check.kind())) {
                throw new BadInputException(source + ": every check needs a kind");
            }
        }
        return plan;
    }

    private static Iterable<PatchPlan.Check> concat(PatchPlan plan) {
        var all = new java.util.ArrayList<>(plan.preChecks());
        all.addAll(plan.postChecks());
        return all;
    }

    private static byte[] read(Path file) throws BadInputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + reason(e));
        }
    }

    private static <T> T parse(byte[] json, Class<T> type, String source) throws BadInputException {
        try {
            T value = DeliveryJson.MAPPER.readValue(json, type);
            if (value == null) {
                throw new BadInputException(source + ": empty document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + " is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BadInputException(source + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
