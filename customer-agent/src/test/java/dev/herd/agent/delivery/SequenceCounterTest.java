package dev.herd.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceCounterTest {

    @TempDir
    Path stateDir;

    @Test
    void sequencesStartAtOneAndSurviveARestart() throws Exception {
        SequenceCounter first = new SequenceCounter(stateDir);
        assertEquals(1, first.next());
        assertEquals(2, first.next());

        SequenceCounter restarted = new SequenceCounter(stateDir);

        assertEquals(2, restarted.last());
        assertEquals(3, restarted.next());
        assertEquals("3", Files.readString(stateDir.resolve("sequence")).trim());
    }

    @Test
    void restartAfterMakesTheNextOneTheGatewaysExpectedSequence() {
        SequenceCounter counter = new SequenceCounter(stateDir);
        counter.next();
        counter.next();
        counter.next();

        counter.restartAfter(1);

        assertEquals(2, new SequenceCounter(stateDir).next());
    }
}
