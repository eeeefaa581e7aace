package dev.herd.gateway.report;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import java.util.List;

/** 409 {@code sequence-gap}: a report ahead of the next expected sequence, which the problem names. */
public class SequenceGapException extends HerdException {

    private final long expectedSequence;

    public SequenceGapException(long expectedSequence, long got) {
        // The field error stays for agents that read the expected sequence from it.
        super(
                409,
                "sequence-gap",
                "Expected report sequence " + expectedSequence + ", got " + got + ": send the missing ones first.",
                List.of(new FieldError("sequence", "expected-" + expectedSequence, "expected " + expectedSequence)));
        this.expectedSequence = expectedSequence;
    }

    public long expectedSequence() {
        return expectedSequence;
    }
}
