package nl.ibp.bot;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.ibp.bot.BotStore.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The Telegram adapter: the {@link Handler} in Telegram, with these guarantees. Every update
 * Telegram hands out is stored before it is confirmed ({@link UpdateIntake}); each is answered
 * once, in order per chat, chats side by side on a bounded pool ({@link ChatQueues},
 * {@link UpdateResponder}); replies go out within Telegram's limits and are checked, retried and
 * apologised for ({@link ReplySender}, {@link BotApi}, {@link Pacer}, {@link ResponseCheck}), and
 * so do the messages the bot sends of its own accord ({@link OwnMessages}).
 * A stop ({@link #close()}) ends within a few seconds and leaves what is not done for the next
 * start. Neither the token nor a request URL is ever logged.
 *
 * <p>Polling is our own loop rather than TelegramBots' {@code BotSession}, whose traps (a
 * RuntimeException in the consumer ends polling, a back-off of up to 15 minutes, a shared
 * executor that keeps the JVM alive, the offset confirmed before the update is handled) are
 * easier avoided than worked around.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    static final String APOLOGY = "Sorry, er ging iets mis bij het beantwoorden. Probeer het nog eens of stel de vraag anders.";
    /** Answered updates are kept this long (to know a resent update), then forgotten. */
    static final Duration KEEP_ANSWERED = Duration.ofDays(14);
    private static final long GRACE_MILLIS = 5_000;

    private final BotConfig config;
    private final BotStore store;
    private final StopSignal stop = new StopSignal();
    private final BotApi api;
    private final ChatQueues queues;
    private final ReplySender sender;
    private final UpdateResponder responder;
    private final TelegramFiles files;
    private final OwnMessages own;
    private final Thread poller;
    private final Clock clock;
    private volatile UpdateReader.Me me;

    public TelegramBot(BotConfig config, Handler handler, BotStore store) {
        this(config, handler, store, new Pacer(System::nanoTime), ResponseCheck.TELEGRAM, Clock.systemUTC());
    }

    /** With the pacing clock, the reading of Bot API answers (an emulator's differ) and the wall clock given. */
    TelegramBot(BotConfig config, Handler handler, BotStore store, Pacer pacer, ResponseCheck check, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.api = new BotApi(config, check, pacer, stop);
        this.queues = new ChatQueues(config.workers());
        this.sender = new ReplySender(api, store, clock);
        this.responder = new UpdateResponder(handler, store, sender, () -> Optional.ofNullable(me), stop, clock);
        this.files = new TelegramFiles(config, api);
        UpdateIntake intake = new UpdateIntake(api, store, config, stop, clock, i -> dispatch(i, true),
                queues::queued);
        this.poller = new Thread(() -> {
            try {
                fetchMe(); // before any update: in groups it decides what is meant for the bot
            } catch (InterruptedException e) {
                return;
            }
            resumeLeftovers();
            intake.run();
        }, "ibp-bot-poller");
        this.poller.setDaemon(true);
        this.own = new OwnMessages(sender, queues, stop);
        handler.connect(config.admins(), own::queue);
        handler.files(files);
        handler.members(this::isAdmin);
    }

    /**
     * Sends a message of the bot's own accord (a reminder, an alert) on the caller's thread, paced
     * and retried like every reply, and says whether it arrived.
     */
    Courier courier() {
        return own::send;
    }

    /** Whether {@code user} administers group {@code chat} ({@code getChatMember}: creator or administrator). */
    private boolean isAdmin(long chat, long user) throws IOException {
        try {
            ChatMember member = api.call(GetChatMember.builder().chatId(chat).userId(user).build(), java.util.OptionalLong.of(chat));
            return member != null && ("creator".equals(member.getStatus()) || "administrator".equals(member.getStatus()));
        } catch (BotApiException e) {
            throw new IOException("getChatMember failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Starts: who the bot is ({@code getMe}), then the updates left from the last run, then polling. */
    public void start() {
        queues.submit(Long.MIN_VALUE, () -> CommandMenu.register(api));
        poller.start();
        LOG.info("bot started ({})", config);
    }

    private void resumeLeftovers() {
        try {
            int pruned = store.pruneAnswered(clock.instant().minus(KEEP_ANSWERED));
            if (pruned > 0) {
                LOG.debug("forgot {} updates answered before {} days ago", pruned, KEEP_ANSWERED.toDays());
            }
            List<Intake> left = store.pending();
            if (!left.isEmpty()) {
                LOG.info("answering {} updates taken in before the last stop", left.size());
            }
            left.forEach(i -> dispatch(i, false));
        } catch (SQLException e) {
            LOG.error("reading the updates left from the last run: {}", e.getMessage());
        }
    }

    private void dispatch(Intake intake, boolean fresh) {
        if (!queues.submit(intake.chat(), () -> responder.answer(intake, fresh))) {
            LOG.info("update {} left for the next start: the bot is stopping", intake.updateId());
        }
    }

    private void fetchMe() throws InterruptedException {
        if (me != null) {
            return;
        }
        try {
            User u = api.call(new GetMe(), java.util.OptionalLong.empty());
            if (u != null && u.getUserName() != null) {
                identity(u.getId(), u.getUserName());
                LOG.info("bot is @{}", u.getUserName());
            }
        } catch (BotApiException e) {
            LOG.warn("getMe failed (in groups only commands without @ are answered): {}", e.getMessage());
        }
    }

    /** Sets who the bot is, as {@code getMe} would at start (tests set it directly). */
    void identity(long id, String username) {
        this.me = new UpdateReader.Me(id, username);
    }

    Optional<UpdateReader.Me> me() {
        return Optional.ofNullable(me);
    }

    /** A document's bytes (see {@link TelegramFiles}). */
    byte[] download(String fileId, long maxBytes) throws IOException {
        return files.download(fileId, maxBytes);
    }

    /**
     * Stops within a few seconds: polling ends at once, no new update or message starts, Bot API
     * calls already on their way get a few seconds to come back; everything not done stays in the
     * store and is answered after the next start.
     */
    @Override
    public void close() {
        stop.stop();
        api.cancelPoll();
        poller.interrupt();
        queues.close(GRACE_MILLIS, api::cancelCalls); // calls still hanging then are cancelled, not waited for
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        LOG.info("bot stopped");
    }
}
