package nl.ibp.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ibp.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowStoreTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2021-02-01T09:00:00Z");

    @Test
    void followingSurvivesReopeningAndIsForgottenWhenTheChatIsGone() throws Exception {
        try (StateStore state = StateStore.open(dir)) {
            FollowStore f = new FollowStore(state);
            assertTrue(f.follow(5, 1, T));
            assertFalse(f.follow(5, 1, T), "already followed");
            assertTrue(f.follow(5, 6, T));
            assertTrue(f.follow(-100, 6, T));
            f.setDays(5, new ReminderDays(List.of(7, 1)), T);
        }
        try (StateStore state = StateStore.open(dir)) {
            FollowStore f = new FollowStore(state);
            assertEquals(List.of(1, 6), List.copyOf(f.following(5)));
            assertEquals(List.of(7, 1), f.days(5).days());
            assertEquals(ReminderDays.DEFAULT, f.days(-100));
            assertEquals(3, f.followers().size());
            assertEquals(2, f.forget(5));
            assertTrue(f.following(5).isEmpty());
            assertEquals(1, f.followers().size());
            assertTrue(f.unfollow(-100, 6));
            assertFalse(f.unfollow(-100, 6));
        }
    }

    @Test
    void theFollowersAreReadAgainAfterAnyChangeAlsoByAnotherConnection() throws Exception {
        try (StateStore state = StateStore.open(dir); StateStore other = StateStore.open(dir)) {
            FollowStore f = new FollowStore(state);
            f.follow(5, 1, T);
            List<Follower> first = f.followers();
            assertTrue(first == f.followers(), "unchanged: the list read before");
            new FollowStore(other).follow(6, 2, T); // another connection (another process)
            assertEquals(2, f.followers().size());
            f.setDays(5, new ReminderDays(List.of(3)), T);
            assertEquals(List.of(3), f.followers().getFirst().days().days());
        }
    }

    @Test
    void aClaimIsMadeOnceAndPendingUntilFinished() throws Exception {
        try (StateStore state = StateStore.open(dir)) {
            FollowStore f = new FollowStore(state);
            SentKey key = new SentKey(5, SentKey.Kind.REMINDER, "a1", T);
            FollowStore.Claim claim = new FollowStore.Claim(key, Optional.of(java.time.LocalDate.of(2021, 6, 1)), "{}", false);
            assertEquals(1, f.claim(List.of(claim), T).size());
            assertEquals(0, f.claim(List.of(claim), T).size(), "claimed once");
            assertEquals(List.of(key), f.pending().stream().map(FollowStore.Pending::key).toList());
            f.finish(key, FollowStore.Outcome.SENT, T);
            assertTrue(f.pending().isEmpty());
            assertTrue(f.recorded().contains(key));
            assertEquals(1, f.remindedWithoutMoveNotice().size());
            assertTrue(f.known().isEmpty(), "no alert run yet");
            f.claimAlerts(List.of(), Map.of("a1", Optional.empty()), "gen-000001", T);
            assertEquals(Optional.of(Map.of("a1", Optional.empty())), f.known());
        }
    }
}
