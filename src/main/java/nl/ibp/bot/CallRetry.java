package nl.ibp.bot;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a Bot API call is made and made again: each try waits for its slot within Telegram's
 * limits ({@link Pacer}, per chat when the call goes to one); a 429 waits for its
 * {@code retry_after} (at most {@value #MAX_429} times, and later messages to that chat wait
 * too); a failure that may pass is tried again after a back-off that doubles. A stop ends the
 * waiting at once.
 */
final class CallRetry {

    private static final Logger LOG = LoggerFactory.getLogger(CallRetry.class);
    private static final int MAX_429 = 3;

    private final Pacer pacer;
    private final StopSignal stop;
    private final Duration backoff;

    CallRetry(Pacer pacer, StopSignal stop, Duration backoff) {
        this.pacer = pacer;
        this.stop = stop;
        this.backoff = backoff;
    }

    /** One try of a call: the HTTP exchange and the reading of its answer. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws BotApiException;
    }

    /**
     * The attempt's result, tried up to {@code retries} more times after failures that may pass.
     *
     * @throws InterruptedException when the adapter stops first (the call was not made, or its answer is unknown)
     */
    <T> T run(String name, OptionalLong chat, int retries, Attempt<T> attempt) throws BotApiException, InterruptedException {
        int tooMany = 0;
        int failures = 0;
        for (;;) {
            stop.check();
            long wait = chat.isPresent() ? pacer.reserve(chat.getAsLong()) : pacer.reserve();
            if (!stop.sleep(wait)) {
                stop.check();
            }
            try {
                return attempt.run();
            } catch (BotApiException.Refused r) {
                if (r.code() != 429 || tooMany >= MAX_429) {
                    throw r;
                }
                tooMany++;
                int after = Math.min(60, Math.max(1, r.retryAfter().orElse(1)));
                LOG.warn("429 from Telegram on {}: retrying after {} s", name, after);
                long delay = TimeUnit.SECONDS.toNanos(after);
                if (chat.isPresent()) {
                    pacer.backOff(chat.getAsLong(), delay); // the next reserve waits for it
                } else {
                    stop.sleep(delay);
                }
            } catch (BotApiException e) {
                if (!e.transientFailure() || failures >= retries) {
                    throw e;
                }
                Duration delay = backoff.multipliedBy(1L << Math.min(failures, 10));
                failures++;
                LOG.warn("{}; retry {} of {} in {} ms", e.getMessage(), failures, retries, delay.toMillis());
                stop.sleep(delay.toNanos());
            }
        }
    }
}
