package nl.ibp.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import nl.ibp.bot.BotStore.Intake;
import nl.ibp.bot.BotStore.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes updates in from {@code getUpdates}, at least once: a batch is stored (the update JSON,
 * with the last update id, in one transaction) before the next poll's offset confirms it to
 * Telegram, which then forgets it. So a stop or crash at any moment loses nothing: what was
 * stored is answered after the restart, what was not is handed out again by Telegram.
 *
 * <p>Nothing is dropped silently: an update without a chat, of a kind the bot does not answer,
 * or unreadable is logged with its reason and confirmed (it would come back forever otherwise);
 * an update Telegram sends again is logged and answered once. Update ids lower than expected are
 * accepted: Telegram documents that after a week without updates the next id may be random.
 * For the same reason, after six days without updates the bot polls without an offset (Telegram
 * then starts at its earliest unconfirmed update), so a reset to lower ids is never confirmed
 * away unseen.
 */
final class UpdateIntake implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Telegram resets the ids after "at least a week" without updates: stop trusting the offset a day before. */
    static final Duration QUIET = Duration.ofDays(6);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int LIMIT = 100;
    /** Updates queued in memory beyond which polling pauses (Telegram keeps them meanwhile). */
    static final int MAX_QUEUED = 1_000;

    private final BotApi api;
    private final BotStore store;
    private final BotConfig config;
    private final StopSignal stop;
    private final Clock clock;
    private final Consumer<Intake> dispatch;
    private final IntSupplier queued;
    private OptionalLong last = OptionalLong.empty();
    private Optional<Instant> lastAt = Optional.empty();

    UpdateIntake(BotApi api, BotStore store, BotConfig config, StopSignal stop, Clock clock, Consumer<Intake> dispatch,
                 IntSupplier queued) {
        this.api = api;
        this.store = store;
        this.config = config;
        this.stop = stop;
        this.clock = clock;
        this.dispatch = dispatch;
        this.queued = queued;
    }

    @Override
    public void run() {
        try {
            poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("polling stopped", e);
        }
        LOG.debug("polling ended");
    }

    private void poll() throws InterruptedException {
        while (!stop.stopped()) {
            try {
                last = store.lastUpdateId();
                lastAt = store.lastUpdateAt();
                break;
            } catch (SQLException e) {
                LOG.error("reading the last update id: {}; retrying", e.getMessage());
                stop.sleep(Duration.ofSeconds(5).toNanos());
            }
        }
        Duration backoff = Duration.ofSeconds(1);
        boolean quietLogged = false;
        while (!stop.stopped()) {
            if (queued.getAsInt() >= MAX_QUEUED) {
                stop.sleep(Duration.ofMillis(200).toNanos()); // let the answers catch up first
                continue;
            }
            OptionalLong offset = offset();
            if (offset.isEmpty() && last.isPresent() && !quietLogged) {
                LOG.warn("no update for {} days: polling without an offset (Telegram may have reset its update ids)",
                        QUIET.toDays());
                quietLogged = true;
            }
            List<JsonNode> updates;
            try {
                updates = api.getUpdates(offset, LIMIT, UpdateReader.KINDS);
            } catch (BotApiException e) {
                if (stop.stopped()) {
                    return;
                }
                LOG.warn("getUpdates failed, retrying in {} s: {}", backoff.toSeconds(), e.getMessage());
                stop.sleep(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            backoff = Duration.ofSeconds(1);
            if (updates.isEmpty()) {
                stop.sleep(config.emptyPollWait().toNanos());
                continue;
            }
            quietLogged = false;
            if (!takeIn(updates, offset)) {
                stop.sleep(Duration.ofSeconds(1).toNanos()); // not stored, so not confirmed: Telegram sends them again
            }
        }
    }

    /** The offset to ask: one past the last update taken in, none when there is none or it was long ago. */
    OptionalLong offset() {
        if (last.isEmpty()) {
            return OptionalLong.empty();
        }
        if (lastAt.isPresent() && lastAt.get().plus(QUIET).isBefore(clock.instant())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(last.getAsLong() + 1);
    }

    /** Stores one batch and hands the new updates on; false when nothing could be stored (nothing confirmed). */
    private boolean takeIn(List<JsonNode> updates, OptionalLong offset) {
        List<Received> batch = new ArrayList<>();
        long highest = Long.MIN_VALUE;
        for (JsonNode u : updates) {
            JsonNode idNode = u.path("update_id");
            if (!idNode.isIntegralNumber()) {
                LOG.warn("update dropped: it has no update_id ({})", UpdateReader.kind(u));
                continue;
            }
            long id = idNode.asLong();
            highest = Math.max(highest, id);
            Optional<String> reason = dropReason(u);
            if (reason.isPresent()) {
                LOG.warn("update {} dropped: {}", id, reason.get());
                continue;
            }
            batch.add(new Received(id, UpdateReader.chat(u).getAsLong(), u.toString()));
        }
        if (highest == Long.MIN_VALUE) {
            return false; // nothing with an id: nothing to confirm; wait before asking again
        }
        Instant now = clock.instant();
        List<Intake> taken;
        try {
            taken = store.enqueue(batch, highest, now);
        } catch (SQLException e) {
            LOG.error("storing {} updates failed, not confirmed: {}", batch.size(), e.getMessage());
            return false;
        }
        last = OptionalLong.of(highest);
        lastAt = Optional.of(now);
        if (taken.size() < batch.size()) {
            batch.stream().filter(r -> taken.stream().noneMatch(t -> t.updateId() == r.updateId()))
                    .forEach(r -> LOG.warn("update {} dropped: already taken in (Telegram sent it again)", r.updateId()));
        }
        long lowestNew = taken.stream().mapToLong(Intake::updateId).min().orElse(Long.MAX_VALUE);
        if (offset.isPresent() && lowestNew < offset.getAsLong()) {
            LOG.warn("update id {} is below the expected {}: Telegram reset its update ids (after a quiet week); taken in",
                    lowestNew, offset.getAsLong());
        }
        taken.forEach(dispatch);
        return true;
    }

    /** Why an update is not taken in, when it is not: its kind, no chat, or JSON the library cannot read. */
    static Optional<String> dropReason(JsonNode u) {
        String kind = UpdateReader.kind(u);
        if (!UpdateReader.KINDS.contains(kind)) {
            return Optional.of("a " + kind + " (not answered)");
        }
        if (UpdateReader.chat(u).isEmpty()) {
            return Optional.of("a " + kind + " without a chat");
        }
        try {
            JSON.treeToValue(u, Update.class);
        } catch (Exception e) {
            return Optional.of("unreadable " + kind + " (" + e.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }
}
