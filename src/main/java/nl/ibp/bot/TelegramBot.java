package nl.ibp.bot;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Telegram adapter: polls updates, hands them to a {@link Handler}, sends the replies.
 *
 * <p>It polls with its own loop over TelegramBots' {@link OkHttpTelegramClient} rather than the
 * library's {@code BotSession}, whose traps (a RuntimeException in the consumer ends polling, a
 * back-off of up to 15 minutes, a shared executor that keeps the JVM alive, the token in its
 * {@code toString()}) are easier avoided than worked around. Here: every update is handled inside
 * a catch-all; updates run on a bounded pool of our own, one at a time per chat, in order; every
 * API call has a timeout; the back-off after a network error is at most 30 s; the last update
 * fully handled is persisted, so a restart resumes after it; and {@link #close()} stops
 * everything within a few seconds. Neither the token nor a request URL is ever logged.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    static final String APOLOGY = "Sorry, er ging iets mis bij het beantwoorden. Probeer het nog eens of stel de vraag anders.";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final BotConfig config;
    private final Handler handler;
    private final BotStore store;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final ExecutorService workers;
    private final Thread poller;
    private final Map<Long, CompletableFuture<Void>> chatTails = new ConcurrentHashMap<>();
    private final NavigableSet<Long> inFlight = new ConcurrentSkipListSet<>();
    private final AtomicLong highestDispatched = new AtomicLong(-1);
    private final Pacer pacer;
    private volatile boolean running = true;
    private volatile Me me;

    public TelegramBot(BotConfig config, Handler handler, BotStore store) {
        this(config, handler, store, new Pacer(System::nanoTime));
    }

    TelegramBot(BotConfig config, Handler handler, BotStore store, Pacer pacer) {
        this.pacer = pacer;
        this.config = config;
        this.handler = handler;
        this.store = store;
        long pollMillis = config.pollTimeout().toMillis();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(pollMillis + 15_000, TimeUnit.MILLISECONDS)
                .writeTimeout(15, TimeUnit.SECONDS)
                .build();
        TelegramUrl url = new TelegramUrl(config.apiUrl().getScheme(), config.apiUrl().getHost(),
                config.apiUrl().getPort() > 0 ? config.apiUrl().getPort() : "https".equals(config.apiUrl().getScheme()) ? 443 : 80,
                false);
        this.client = new OkHttpTelegramClient(http, config.token(), url);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "ibp-bot-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.poller = new Thread(this::poll, "ibp-bot-poller");
        this.poller.setDaemon(true);
        handler.connect(config.admins(), this::deliver);
        handler.files(this::download);
    }

    /**
     * A document's bytes: {@code getFile} for its path, then {@code GET {apiUrl}/file/bot{token}/{path}}
     * with our own client (TelegramBots' download ignores a custom API URL). At most {@code maxBytes}
     * are read. The URL holds the token: it is never logged, and errors name neither URL nor token.
     */
    byte[] download(String fileId, long maxBytes) throws IOException {
        org.telegram.telegrambots.meta.api.objects.File file;
        try {
            file = call(GetFile.builder().fileId(fileId).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (Exception e) {
            throw new IOException("getFile failed: " + describe(e));
        }
        if (file == null || file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new IOException("getFile gave no file path");
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new IOException("file too large (" + file.getFileSize() + " bytes)");
        }
        String base = config.apiUrl().toString().replaceAll("/+$", "");
        Request request = new Request.Builder()
                .url(base + "/file/bot" + config.token() + "/" + file.getFilePath().replaceAll("^/+", "")).get().build();
        OkHttpClient downloads = http.newBuilder().callTimeout(120, TimeUnit.SECONDS).build();
        try (Response response = downloads.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("file download failed: HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException("file too large (over " + maxBytes + " bytes)");
                }
                return bytes;
            }
        } catch (IOException e) {
            if (e.getMessage() != null && (e.getMessage().startsWith("file download failed") || e.getMessage().startsWith("file too large"))) {
                throw e;
            }
            throw new IOException("file download failed: " + describe(e)); // never the URL
        }
    }

    /**
     * A message outside the reply to an update (a finished /reindex), queued behind the chat's
     * updates in progress so it follows their replies; failures are logged, never thrown.
     */
    private void deliver(long chat, Reply.Message message) {
        if (!running) {
            return;
        }
        try {
            List<CompletableFuture<Void>> created = new ArrayList<>(1);
            chatTails.compute(chat, (k, tail) -> {
                CompletableFuture<Void> prev = tail == null ? CompletableFuture.completedFuture(null) : tail;
                CompletableFuture<Void> next = prev.handleAsync((v, e) -> {
                    try {
                        send(chat, List.of(message));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable t) {
                        LOG.warn("message to chat {} failed: {}", chat, describe(t));
                    }
                    return null;
                }, workers);
                created.add(next);
                return next;
            });
            CompletableFuture<Void> next = created.getFirst();
            next.whenComplete((v, e) -> chatTails.remove(chat, next));
        } catch (RuntimeException e) { // the pool is shut down: the bot stops
            LOG.warn("message to chat {} dropped: {}", chat, describe(e));
        }
    }

    /** Starts polling; the commands are registered beside it (best effort). */
    public void start() {
        workers.execute(this::registerCommands);
        poller.start();
        LOG.info("bot started ({})", config);
    }

    private void registerCommands() {
        try {
            call(SetMyCommands.builder().commands(List.of(
                    command("start", "Welkom en de tien opgaven"),
                    command("help", "Wat de assistent kan"),
                    command("opgaven", "De tien opgaven van het IBP"),
                    command("opgave", "Eén opgave: /opgave 6"),
                    command("deadlines", "Termijnen: /deadlines [opgave|jaar]"),
                    command("wie", "Wie is verantwoordelijk: /wie onderwerp"),
                    command("zoek", "Zoek passages: /zoek woorden"),
                    command("bron", "Volledige passage van het laatste antwoord"))).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("setMyCommands failed: {}", describe(e));
        }
    }

    private static BotCommand command(String name, String description) {
        return BotCommand.builder().command(name).description(description).build();
    }

    // --- polling -------------------------------------------------------------------------

    private void poll() {
        if (me == null) {
            fetchMe();
        }
        long offset;
        try {
            offset = store.lastUpdateId().orElse(-1) + 1;
        } catch (SQLException e) {
            LOG.error("reading the last update id: {}", describe(e));
            offset = 0;
        }
        // A server that hands back updates below the offset must not get them answered twice.
        long handled = offset - 1;
        highestDispatched.accumulateAndGet(handled, Math::max);
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                GetUpdates get = GetUpdates.builder().offset((int) offset).limit(100)
                        .timeout((int) config.pollTimeout().toSeconds())
                        .allowedUpdates(List.of("message", "edited_message", "callback_query")).build();
                List<Update> updates = client.executeAsync(get)
                        .orTimeout(config.pollTimeout().toMillis() + 20_000, TimeUnit.MILLISECONDS).get();
                backoff = Duration.ofSeconds(1);
                if (updates == null || updates.isEmpty()) {
                    sleep(config.emptyPollWait());
                    continue;
                }
                for (Update u : updates.stream().sorted((a, b) -> Integer.compare(a.getUpdateId(), b.getUpdateId())).toList()) {
                    long id = u.getUpdateId();
                    if (id <= highestDispatched.get()) {
                        continue; // delivered twice: answer once
                    }
                    highestDispatched.set(id);
                    dispatch(u);
                    offset = id + 1;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                if (!running) {
                    return;
                }
                LOG.warn("getUpdates failed, retrying in {} s: {}", backoff.toSeconds(), describe(t));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void dispatch(Update update) {
        long id = update.getUpdateId();
        long chat = chatOf(update);
        inFlight.add(id);
        List<CompletableFuture<Void>> created = new ArrayList<>(1);
        boolean[] handled = {false};
        chatTails.compute(chat, (k, tail) -> {
            CompletableFuture<Void> prev = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = prev.handleAsync((v, e) -> {
                handled[0] = handleSafely(update);
                return null;
            }, workers);
            created.add(next);
            return next;
        });
        CompletableFuture<Void> next = created.getFirst();
        next.whenComplete((v, e) -> {
            if (handled[0]) {
                done(id);
            } // else abandoned at shutdown: it stays in flight, so the persisted id stays below it
            chatTails.remove(chat, next);
        });
    }

    private void done(long id) {
        inFlight.remove(id);
        // Persist the highest id below which everything is handled: a restart neither repeats nor skips.
        long safe = inFlight.isEmpty() ? highestDispatched.get() : inFlight.first() - 1;
        try {
            synchronized (this) {
                if (safe >= 0 && store.lastUpdateId().orElse(-1) < safe) {
                    store.setLastUpdateId(safe);
                }
            }
        } catch (SQLException e) {
            LOG.error("persisting the last update id: {}", describe(e));
        }
    }

    private static long chatOf(Update u) {
        if (u.hasMessage()) {
            return u.getMessage().getChatId();
        }
        if (u.hasEditedMessage()) {
            return u.getEditedMessage().getChatId();
        }
        if (u.hasCallbackQuery() && u.getCallbackQuery().getMessage() != null) {
            return u.getCallbackQuery().getMessage().getChatId();
        }
        if (u.hasCallbackQuery()) {
            return u.getCallbackQuery().getFrom().getId();
        }
        return 0;
    }

    /**
     * Handles one update; nothing escapes. Returns false when the update was abandoned because
     * the bot is stopping (it is answered after a restart), true when it is done with.
     */
    private boolean handleSafely(Update update) {
        long chat = chatOf(update);
        try {
            Incoming incoming = incoming(update, me);
            if (incoming == null) {
                return true;
            }
            send(chat, handler.handle(incoming));
            return true;
        } catch (Throwable t) {
            if (!running) {
                LOG.info("update {} in chat {} abandoned at shutdown: {}", update.getUpdateId(), chat, describe(t));
                return false;
            }
            LOG.error("update {} in chat {} failed: {}", update.getUpdateId(), chat, describe(t), t instanceof RuntimeException ? t : null);
            try {
                if (update.hasCallbackQuery()) {
                    answerCallback(update.getCallbackQuery().getId(), "");
                }
                if (chat != 0) {
                    sendMessage(chat, Html.esc(APOLOGY), List.of());
                }
            } catch (Throwable again) {
                LOG.warn("apology to chat {} failed: {}", chat, describe(again));
            }
            return true;
        }
    }

    /** Who the bot is ({@code getMe}): its user id and username, for commands, mentions and replies in groups. */
    record Me(long id, String username) {
    }

    /** Sets who the bot is, as {@code getMe} would at start (tests set it directly). */
    void identity(long id, String username) {
        this.me = new Me(id, username);
    }

    Me me() {
        return me;
    }

    private void fetchMe() {
        try {
            User u = call(new GetMe());
            if (u != null && u.getUserName() != null) {
                identity(u.getId(), u.getUserName());
                LOG.info("bot is @{}", u.getUserName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("getMe failed (in groups only commands without @ are answered): {}", describe(e));
        }
    }

    /** The update as the handler sees it, without knowing who the bot is (private chats, tests). */
    static Incoming incoming(Update u) {
        return incoming(u, null);
    }

    /**
     * The update as the handler sees it; null for updates that get no reply (edits, other kinds,
     * and group messages not meant for the bot). In a group or supergroup (privacy mode on) the
     * bot answers commands ({@code /cmd} or {@code /cmd@ThisBot}, not {@code /cmd@OtherBot}),
     * messages that mention it (the mention is stripped) and replies to its own messages.
     */
    static Incoming incoming(Update u, Me me) {
        if (u.hasCallbackQuery()) {
            var cq = u.getCallbackQuery();
            long chat = cq.getMessage() != null ? cq.getMessage().getChatId() : cq.getFrom().getId();
            return new Incoming.Callback(chat, cq.getFrom().getId(), cq.getId(), cq.getData(),
                    cq.getMessage() == null || cq.getMessage().getMessageId() == null ? 0 : cq.getMessage().getMessageId());
        }
        if (!u.hasMessage()) {
            return null;
        }
        Message m = u.getMessage();
        long user = m.getFrom() != null ? m.getFrom().getId() : m.getChatId();
        boolean group = m.isGroupMessage() || m.isSuperGroupMessage();
        if (group) {
            String text = m.hasText() ? addressed(m, me) : null;
            return text == null ? null : new Incoming.Text(m.getChatId(), user, text);
        }
        if (m.hasText()) {
            return new Incoming.Text(m.getChatId(), user, m.getText());
        }
        if (m.hasDocument() && m.isUserMessage()) {
            var doc = m.getDocument();
            return new Incoming.Document(m.getChatId(), user, doc.getFileId(), doc.getFileName(), doc.getMimeType(),
                    doc.getFileSize() == null ? -1 : doc.getFileSize());
        }
        String kind = m.hasPhoto() ? "photo" : m.hasSticker() ? "sticker" : m.hasVoice() ? "voice"
                : m.hasDocument() ? "document" : "other";
        if (!m.isUserMessage() && kind.equals("other")) {
            return null; // service messages in channels: no reply
        }
        return new Incoming.Other(m.getChatId(), user, kind);
    }

    private static final Pattern GROUP_COMMAND = Pattern.compile("^/(\\w+)(?:@(\\w+))?(.*)$", Pattern.DOTALL);

    /** The text of a group message meant for the bot (the mention stripped), or null when it is not. */
    private static String addressed(Message m, Me me) {
        String text = m.getText().strip();
        Matcher c = GROUP_COMMAND.matcher(text);
        if (c.matches()) {
            String target = c.group(2);
            if (target == null) {
                return text;
            }
            return me != null && target.equalsIgnoreCase(me.username()) ? "/" + c.group(1) + c.group(3) : null;
        }
        if (me != null && me.username() != null) {
            Pattern mention = Pattern.compile("(?i)(?<![\\w@])@" + Pattern.quote(me.username()) + "(?!\\w)[,:]?");
            Matcher mm = mention.matcher(text);
            if (mm.find()) {
                return mm.replaceAll(" ").replaceAll("\\s+", " ").strip();
            }
        }
        Message replied = m.getReplyToMessage();
        if (me != null && replied != null && replied.getFrom() != null && replied.getFrom().getId() == me.id()) {
            return text;
        }
        return null;
    }

    // --- sending -------------------------------------------------------------------------

    private void send(long chat, List<Reply> replies) throws Exception {
        for (Reply r : replies) {
            switch (r) {
                case Reply.CallbackAnswer a -> answerCallback(a.callbackId(), a.text());
                case Reply.Message m -> {
                    List<String> parts = Html.split(m.html(), Html.LIMIT);
                    for (int i = 0; i < parts.size(); i++) {
                        sendMessage(chat, parts.get(i), i == parts.size() - 1 ? m.keyboard() : List.of());
                    }
                }
                case Reply.Edit e -> { // editing in place is the delivery helper's work; until then a new message
                    List<String> parts = Html.split(e.message().html(), Html.LIMIT);
                    for (int i = 0; i < parts.size(); i++) {
                        sendMessage(chat, parts.get(i), i == parts.size() - 1 ? e.message().keyboard() : List.of());
                    }
                }
            }
        }
    }

    private void answerCallback(String id, String text) throws Exception {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> b = AnswerCallbackQuery.builder().callbackQueryId(id);
        if (text != null && !text.isEmpty()) {
            b.text(text);
        }
        try {
            call(b.build());
        } catch (TelegramApiRequestException e) {
            LOG.warn("answerCallbackQuery failed: {}", describe(e)); // an old query: not worth an apology
        }
    }

    private void sendMessage(long chat, String html, List<List<Handler.Button>> keyboard) throws Exception {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chat).text(html).parseMode("HTML");
        if (!keyboard.isEmpty()) {
            List<InlineKeyboardRow> rows = new ArrayList<>();
            for (List<Handler.Button> row : keyboard) {
                rows.add(new InlineKeyboardRow(row.stream().map(btn -> InlineKeyboardButton.builder().text(btn.text())
                        .callbackData(btn.data()).build()).toList()));
            }
            b.replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build());
        }
        try {
            call(b.build(), chat);
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            String api = e.getApiResponse() == null ? "" : e.getApiResponse();
            if (code != null && code == 403) {
                LOG.info("chat {} blocked the bot or is gone: marked inactive", chat);
                store.setActive(chat, false, Instant.now());
            } else if (code != null && code == 400 && api.contains("can't parse entities")) {
                LOG.error("BUG: Telegram could not parse our HTML in chat {}: {}; sending plain text", chat, describe(e));
                SendMessage plain = SendMessage.builder().chatId(chat).text(Html.plain(html)).build();
                call(plain, chat);
            } else if (code != null && code == 400 && api.contains("message is not modified")) {
                return;
            } else {
                throw e;
            }
        }
    }

    <T extends java.io.Serializable> T call(BotApiMethod<T> method) throws Exception {
        return call(method, null);
    }

    /**
     * Executes one Bot API call with a timeout, keeping to Telegram's limits ({@link Pacer}: per
     * chat when {@code chat} is given, else only overall), and honouring 429's {@code retry_after}
     * (up to three times).
     */
    <T extends java.io.Serializable> T call(BotApiMethod<T> method, Long chat) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Pacer.sleep(chat == null ? pacer.reserve() : pacer.reserve(chat));
            try {
                return client.executeAsync(method).orTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS).get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
                if (cause instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() == 429
                        && attempt < 3) {
                    int after = r.getParameters() != null && r.getParameters().getRetryAfter() != null
                            ? r.getParameters().getRetryAfter() : 1;
                    LOG.warn("429 from Telegram on {}: retrying after {} s", method.getMethod(), after);
                    long delay = TimeUnit.SECONDS.toNanos(Math.min(after, 60));
                    if (chat != null) {
                        pacer.backOff(chat, delay); // later messages to this chat wait too
                    } else {
                        Pacer.sleep(delay);
                    }
                    continue;
                }
                if (cause instanceof TelegramApiRequestException r
                        && String.valueOf(r.getMessage()).startsWith("Unable to deserialize response")) {
                    // The server took the call but answered in a shape the library cannot read
                    // (emulators do): counted as done, so the message is not sent twice.
                    LOG.debug("{}: unreadable response, taken as done", method.getMethod());
                    return null;
                }
                if (cause instanceof TimeoutException) {
                    throw new TimeoutException(method.getMethod() + " timed out after " + config.callTimeout().toSeconds() + " s");
                }
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        }
    }

    /** An exception for a log line: class and message, with the token redacted (never a URL with it). */
    private String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + config.redact(t.getMessage());
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling, lets answers in progress finish for a few seconds, then abandons them. */
    @Override
    public void close() {
        running = false;
        poller.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
            poller.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
        LOG.info("bot stopped");
    }
}
