package dev.herd.agent.apply;

/** A bundle or plan the agent cannot work with (unreadable, not JSON, missing what it needs); exit status 2. */
public class BadInputException extends Exception {

    public BadInputException(String message) {
        super(message);
    }
}
