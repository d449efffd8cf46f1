package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.ibp.bot.BotStore.Intake;
import nl.ibp.bot.BotStore.Outcome;
import nl.ibp.bot.BotStore.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery tables: intake with the last id in one step, resends recognised, plans kept, outcomes recorded. */
class BotStoreDeliveryTest {

    @TempDir
    Path tmp;

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Received update(long id, long chat, String text) {
        return new Received(id, chat, BotApiStub.message(id, chat, text).toString());
    }

    @Test
    void anUpdateTakenInIsPendingUntilAnsweredAndSurvivesReopening() throws Exception {
        try (BotStore store = BotStore.open(tmp)) {
            List<Intake> taken = store.enqueue(List.of(update(5, 1, "a"), update(6, 2, "b")), 6, NOW);
            assertEquals(List.of(5L, 6L), taken.stream().map(Intake::updateId).toList());
            assertEquals(6, store.lastUpdateId().orElseThrow());
            assertEquals(Optional.of(NOW), store.lastUpdateAt());
            store.markAnswered(taken.getFirst(), Outcome.ANSWERED, NOW);
        }
        try (BotStore store = BotStore.open(tmp)) {
            assertEquals(List.of(6L), store.pending().stream().map(Intake::updateId).toList(), "the rest after a restart");
        }
    }

    @Test
    void theSameUpdateSentAgainIsNotTakenInTwiceButAReusedIdWithOtherContentIs() throws Exception {
        try (BotStore store = BotStore.open(tmp)) {
            store.enqueue(List.of(update(5, 1, "a")), 5, NOW);
            String reordered = BotApiStub.JSON.readTree(update(5, 1, "a").json()).toPrettyString();
            assertEquals(List.of(), store.enqueue(List.of(new Received(5, 1, reordered)), 5, NOW), "same JSON tree: a resend");
            assertEquals(1, store.enqueue(List.of(update(5, 1, "na de reset")), 5, NOW).size(), "after a reset: a new update");
            assertEquals(2, store.pending().size());
        }
    }

    @Test
    void aPlanIsStoredOnceAndItsStepsMarked() throws Exception {
        try (BotStore store = BotStore.open(tmp)) {
            Intake in = store.enqueue(List.of(update(5, 1, "a")), 5, NOW).getFirst();
            assertEquals(2, store.plan(in.seq(), List.of("s0", "s1")).size());
            assertEquals(List.of("s0", "s1"), store.plan(in.seq(), List.of("other")).stream().map(BotStore.Planned::step).toList(),
                    "the first plan is kept");
            store.markSent(in.seq(), 0);
            assertEquals(List.of(true, false), store.planned(in.seq()).stream().map(BotStore.Planned::sent).toList());
            store.finish(in, 1, Outcome.ANSWERED, NOW);
            assertEquals(List.of(true, true), store.planned(in.seq()).stream().map(BotStore.Planned::sent).toList());
            assertEquals(Optional.of(Outcome.ANSWERED), store.outcome(in.seq()));
            store.markAnswered(in, Outcome.APOLOGISED, NOW);
            assertEquals(List.of(Outcome.ANSWERED), store.outcomes(5), "the first outcome stays");
            assertTrue(store.pending().isEmpty());
        }
    }

    @Test
    void answeredUpdatesAreForgottenAfterAWhilePendingOnesNever() throws Exception {
        try (BotStore store = BotStore.open(tmp)) {
            List<Intake> taken = store.enqueue(List.of(update(5, 1, "a"), update(6, 1, "b")), 6, NOW);
            store.plan(taken.getFirst().seq(), List.of("s0"));
            store.finish(taken.getFirst(), 0, Outcome.ANSWERED, NOW);
            assertEquals(0, store.pruneAnswered(NOW.minus(Duration.ofDays(1))));
            assertEquals(1, store.pruneAnswered(NOW.plus(Duration.ofDays(1))));
            assertFalse(store.pending().isEmpty(), "the pending one stays");
            assertTrue(store.planned(taken.getFirst().seq()).isEmpty(), "its plan went with it");
        }
    }
}
