package dev.herd.agent.enrolment;

/** Enrolment failed; the message is one line that says why (the gateway's problem or why it was unreachable). */
public class EnrolmentException extends Exception {

    public EnrolmentException(String message) {
        super(message);
    }
}
