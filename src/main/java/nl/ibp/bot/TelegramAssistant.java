package nl.ibp.bot;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import nl.ibp.follow.FollowStore;
import nl.ibp.index.IndexLayout;

/**
 * The bot's composition root: the index in use, the {@link ChatHandler} over it, the Telegram
 * adapter and the {@link FollowScheduler} that sends reminders and alerts through the adapter,
 * within the configured sending hours. Starts them in order and closes them in reverse; the
 * {@link BotStore} stays the caller's.
 */
public final class TelegramAssistant implements AutoCloseable {

    /** Messages per user per minute before the bot asks to wait. */
    private static final int MESSAGES_PER_MINUTE = 20;

    private final ChatHandler handler;
    private final TelegramBot bot;
    private final FollowScheduler follow;

    /** Opens everything over the index in {@code layout} (built from {@code corpus}); {@code clock} is the process clock. */
    public static TelegramAssistant open(BotConfig config, IndexLayout layout, Path corpus, BotStore store, Clock clock)
            throws IOException, SQLException {
        return open(config, layout, corpus, store, clock, new RateLimiter(MESSAGES_PER_MINUTE, 60_000, Clock.systemUTC()),
                new Pacer(System::nanoTime), ResponseCheck.TELEGRAM, Clock.systemUTC());
    }

    /** With the rate limit, the pacing, the reading of Bot API answers and the adapter's wall clock given (tests). */
    static TelegramAssistant open(BotConfig config, IndexLayout layout, Path corpus, BotStore store, Clock clock,
                                  RateLimiter limiter, Pacer pacer, ResponseCheck check, Clock wallClock)
            throws IOException, SQLException {
        return new TelegramAssistant(ChatHandler.open(layout, corpus, store, clock, limiter), config, store, clock, pacer, check,
                wallClock);
    }

    private TelegramAssistant(ChatHandler handler, BotConfig config, BotStore store, Clock clock, Pacer pacer,
                              ResponseCheck check, Clock wallClock) throws IOException {
        this.handler = handler;
        try {
            this.bot = new TelegramBot(config, handler, store, pacer, check, wallClock);
            this.follow = new FollowScheduler(new FollowStore(store.state()), handler::generation, handler::reloadIfNewer,
                    bot.courier(), clock, config.followHours());
        } catch (RuntimeException e) {
            handler.close();
            throw e;
        }
    }

    /** Polling, then the per-minute ticks of reminders and alerts. */
    public void start() {
        bot.start();
        follow.start();
    }

    /** The scheduler of reminders and alerts (tests tick it). */
    FollowScheduler follow() {
        return follow;
    }

    /** Stops the reminders, then Telegram (within seconds), then closes the index. */
    @Override
    public void close() throws IOException {
        try (handler) {
            follow.close();
            bot.close();
        }
    }
}
