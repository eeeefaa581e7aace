package dev.herd.portal.subscription;

import dev.herd.contracts.inbox.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only subscription ({@value #SUBSCRIPTION}) whose handler throws an {@link OutOfMemoryError} the first time it
 * sees a payload starting with {@value #FATAL}, and applies every other delivery (redeliveries of that payload too).
 */
@ApplicationScoped
public class FailingOnceHandler implements MessageHandler {

    static final String ADDRESS = "herd.test.failing-once";
    static final String SUBSCRIPTION = "portal-test-failing-once";
    static final String FATAL = "fatal:";

    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final List<String> applied = new CopyOnWriteArrayList<>();

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public String subscription() {
        return SUBSCRIPTION;
    }

    @Override
    public void handle(String payload) {
        if (payload.startsWith(FATAL) && failed.add(payload)) {
            throw new OutOfMemoryError("injected for " + payload);
        }
        applied.add(payload);
    }

    boolean failedOn(String payload) {
        return failed.contains(payload);
    }

    boolean applied(String payload) {
        return applied.contains(payload);
    }
}
