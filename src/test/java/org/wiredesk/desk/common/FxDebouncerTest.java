package org.wiredesk.desk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Autosave timing on the real FX clock: a pause saves, and so does typing that never pauses. */
@ExtendWith(ApplicationExtension.class)
class FxDebouncerTest {
    @Test
    void typingThatNeverPausesIsStillKeptWithinTheMaximumWait(FxRobot robot) throws Exception {
        List<Long> runs = new ArrayList<>();
        FxDebouncer[] holder = new FxDebouncer[1];
        robot.interact(() -> holder[0] = new FxDebouncer(Duration.millis(300), Duration.millis(700)));
        long start = System.nanoTime();
        // a keystroke every 100 ms for 2 s: never a 300 ms pause
        for (int i = 0; i < 20; i++) {
            robot.interact(() -> holder[0].run(() -> runs.add((System.nanoTime() - start) / 1_000_000)));
            Thread.sleep(100);
        }
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs).as("kept while typing went on, not only at the end").hasSizeGreaterThanOrEqualTo(2);
        assertThat(runs.get(0)).as("the first keep comes long before typing stops (2 s)").isLessThan(1600);
    }
}
