package nl.ibp.bot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The adapter's stop: once given, waits end at once and no new Bot API call or update starts. */
final class StopSignal {

    private final CountDownLatch latch = new CountDownLatch(1);

    void stop() {
        latch.countDown();
    }

    boolean stopped() {
        return latch.getCount() == 0;
    }

    /** Waits {@code nanos}, or less when the stop comes first; true when the whole wait passed without a stop. */
    boolean sleep(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return !stopped();
        }
        return !latch.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Throws {@link InterruptedException} when the adapter is stopping: the work is left for the next start. */
    void check() throws InterruptedException {
        if (stopped()) {
            throw new InterruptedException("stopping");
        }
    }
}
