package nl.ibp.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.bot.Courier.Delivery;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.follow.AlertDiff;
import nl.ibp.follow.DueRules;
import nl.ibp.follow.FollowStore;
import nl.ibp.follow.FollowStore.Claim;
import nl.ibp.follow.FollowedDeadlines;
import nl.ibp.follow.Follower;
import nl.ibp.follow.Reminder;
import nl.ibp.follow.ReminderPlanner;
import nl.ibp.follow.SentKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's clock for following: one thread that ticks every minute. A tick first picks up a
 * generation another process published, then, on a generation it has not seen, claims the alerts
 * (one per following chat, what is new for the opgaven it follows) and the move notices (a
 * deadline reminded of that a newer letter moved), then claims the reminders due now, and
 * finally sends what is claimed and not yet sent. A claim is written, with its message, in one
 * transaction before anything is sent, and marked when Telegram took it: after a crash or stop
 * the claimed messages are sent at the next start and nothing is claimed twice. Messages are
 * sent only within the {@link SendingWindow}: outside it they are claimed but held, and go out at
 * the first tick after it opens. Every time decision reads the one injected clock.
 */
final class FollowScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FollowScheduler.class);
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** Tries of a message Telegram keeps refusing before it is given up (and logged). */
    static final int MAX_ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An index generation as the scheduler sees it: an id and its agreements. */
    record Generation(String id, List<Agreement> agreements) {
    }

    private final FollowStore store;
    private final Supplier<Generation> generation;
    private final Runnable refresh;
    private final Courier courier;
    private final Clock clock;
    private final SendingWindow window;
    private final ScheduledExecutorService timer;
    private String seenGeneration = "";
    private Set<SentKey> recorded;
    private LocalDate itemsDay;
    private String itemsGeneration = "";
    private List<DatedItem> items = List.of();
    private Instant heldUntil = Instant.MIN;

    /**
     * @param refresh picks up a generation published by another process (swaps the snapshot)
     */
    FollowScheduler(FollowStore store, Supplier<Generation> generation, Runnable refresh, Courier courier, Clock clock,
                    SendingWindow window) {
        this.store = store;
        this.generation = generation;
        this.refresh = refresh;
        this.courier = courier;
        this.clock = clock;
        this.window = window;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ibp-follow");
            t.setDaemon(true);
            return t;
        });
    }

    /** Ticks every minute from a few seconds on (the first tick also sends what a stop left). */
    void start() {
        timer.scheduleWithFixedDelay(this::tickQuietly, 5_000, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (InterruptedException e) {
            LOG.debug("follow tick stopped");
        } catch (SQLException e) {
            LOG.error("follow tick: the state database failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("follow tick failed", e);
        }
    }

    /** One tick (tests call it directly). */
    synchronized void tick() throws SQLException, InterruptedException {
        refresh.run();
        Generation g = generation.get();
        Instant now = clock.instant();
        if (recorded == null) {
            recorded = new HashSet<>(store.recorded());
        }
        List<Follower> followers = store.followers();
        if (!g.id().equals(seenGeneration)) {
            news(g, followers, now);
            moves(g, followers, now);
            seenGeneration = g.id();
        }
        reminders(g, followers, now);
        if (window.contains(now)) {
            deliver();
        } else {
            hold(now);
        }
    }

    /** Outside the window: what is claimed waits for its opening (said once per night). */
    private void hold(Instant now) throws SQLException {
        Instant opening = window.next(now);
        if (opening.equals(heldUntil)) {
            return;
        }
        int held = store.pending().size();
        if (held > 0) {
            heldUntil = opening;
            LOG.info("{} follow messages held until {} (sending window {})", held, opening, window);
        }
    }

    /** Alerts for what a new generation brought, to the chats following the opgaven it touches. */
    private void news(Generation g, List<Follower> followers, Instant now) throws SQLException {
        Map<String, Optional<String>> fresh = AlertDiff.known(g.agreements());
        Optional<Map<String, Optional<String>>> known = store.known();
        if (known.isPresent() && known.get().equals(fresh)) {
            return;
        }
        List<Claim> claims = new ArrayList<>();
        if (known.isPresent()) {
            List<AlertDiff.OpgaveNews> news = AlertDiff.between(known.get(), g.agreements());
            Map<Long, Set<Integer>> byChat = new LinkedHashMap<>();
            followers.forEach(f -> byChat.computeIfAbsent(f.chat(), c -> new HashSet<>()).add(f.opgave()));
            for (Map.Entry<Long, Set<Integer>> e : byChat.entrySet()) {
                List<AlertDiff.OpgaveNews> mine = news.stream().filter(n -> e.getValue().contains(n.opgave())).toList();
                if (!mine.isEmpty()) {
                    claims.add(new Claim(new SentKey(e.getKey(), SentKey.Kind.ALERT, AlertDiff.key(mine), now),
                            Optional.empty(), payload(FollowView.alert(mine)), false));
                }
            }
            LOG.info("generation {}: news for {} opgaven, alerts for {} chats", g.id(), news.size(), claims.size());
        } else {
            LOG.info("generation {}: first look at the agreements, no alerts", g.id());
        }
        List<Claim> made = store.claimAlerts(claims, fresh, g.id(), now);
        made.forEach(c -> recorded.add(c.key()));
    }

    /** A notice to each chat reminded of a deadline that has since moved. */
    private void moves(Generation g, List<Follower> followers, Instant now) throws SQLException {
        Map<String, Agreement> byId = new HashMap<>();
        g.agreements().forEach(a -> byId.put(a.id(), a));
        Set<String> following = new HashSet<>();
        followers.forEach(f -> following.add(f.chat() + ":" + f.opgave()));
        List<Claim> claims = new ArrayList<>();
        for (FollowStore.SentReminder r : store.remindedWithoutMoveNotice()) {
            Agreement old = byId.get(r.agreement());
            if (old == null || !old.superseded() || old.opgave().isEmpty()
                    || !following.contains(r.chat() + ":" + old.opgave().getAsInt())) {
                continue;
            }
            Optional<Agreement> newer = old.supersededBy().map(byId::get);
            claims.add(new Claim(new SentKey(r.chat(), SentKey.Kind.MOVED, old.id(), DueRules.atOpening(r.deadline())),
                    Optional.of(r.deadline()), payload(FollowView.moved(old, newer, r.deadline())), false));
        }
        store.claim(claims, now).forEach(c -> recorded.add(c.key()));
    }

    private void reminders(Generation g, List<Follower> followers, Instant now) throws SQLException {
        LocalDate today = Now.today(Clock.fixed(now, Now.ZONE));
        if (!today.equals(itemsDay) || !g.id().equals(itemsGeneration)) {
            items = FollowedDeadlines.of(g.agreements(), today);
            itemsDay = today;
            itemsGeneration = g.id();
        }
        List<Reminder> due = ReminderPlanner.due(now, items, followers, recorded);
        if (due.isEmpty()) {
            return;
        }
        List<Claim> claims = new ArrayList<>();
        for (Reminder r : due) {
            boolean drop = r.action() == Reminder.Action.DROP;
            if (drop) {
                LOG.info("reminder to chat {} for agreement {} (due {}) dropped: its deadline {} passed while the bot was down",
                        r.chat(), r.item().agreement().id(), r.due(), DueRules.dueDay(r.item().deadline()));
            }
            claims.add(new Claim(r.key(), Optional.of(DueRules.dueDay(r.item().deadline())),
                    drop ? "" : payload(FollowView.reminder(r, today)), drop));
        }
        store.claim(claims, now);
        claims.forEach(c -> recorded.add(c.key()));
    }

    /** Sends every claim not yet sent, oldest first. */
    private void deliver() throws SQLException, InterruptedException {
        for (FollowStore.Pending p : store.pending()) {
            Reply.Message message = message(p.payload());
            Delivery d = courier.send(p.key().chat(), message);
            Instant at = clock.instant();
            switch (d) {
                case SENT -> store.finish(p.key(), FollowStore.Outcome.SENT, at);
                case CHAT_GONE -> store.finish(p.key(), FollowStore.Outcome.UNDELIVERED, at);
                case FAILED -> {
                    if (p.attempts() + 1 >= MAX_ATTEMPTS) {
                        LOG.warn("{} to chat {} given up after {} attempts", p.key().kind(), p.key().chat(), MAX_ATTEMPTS);
                        store.finish(p.key(), FollowStore.Outcome.UNDELIVERED, at);
                    } else {
                        store.failedAttempt(p.key());
                    }
                }
            }
        }
    }

    private static String payload(Reply.Message m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply.Message message(String payload) {
        try {
            return JSON.readValue(payload, Reply.Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored follow message that does not read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
