package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.bot.Courier.Delivery;
import nl.ibp.config.Now;
import nl.ibp.follow.FollowStore;
import nl.ibp.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler over a generation made here and a courier that records: moves, retries, a stop
 * between claim and send, and the sending window on a fixed clock.
 */
class FollowSchedulerTest {

    @TempDir
    Path dir;
    final AtomicReference<Instant> now = new AtomicReference<>(at("2021-05-18T09:00"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return Now.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<Delivery> outcome = new AtomicReference<>(Delivery.SENT);
    final AtomicReference<FollowScheduler.Generation> generation = new AtomicReference<>();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Now.ZONE).toInstant();
    }

    static Agreement agreement(String id, String text, LocalDate due, LocalDate written) {
        return new Agreement(id, OptionalInt.of(1), text, List.of(new Deadline("uiterlijk " + due, due, due,
                Deadline.Precision.DAY, Deadline.Kind.DEADLINE)), List.of(),
                new Agreement.Source("doc-" + id, "Brief " + id, Optional.of(written), "", "p-" + id), Agreement.OPEN, false);
    }

    private FollowScheduler scheduler(StateStore state) {
        return scheduler(state, SendingWindow.DEFAULT);
    }

    private FollowScheduler scheduler(StateStore state, SendingWindow window) {
        return new FollowScheduler(new FollowStore(state), generation::get, () -> { }, (chat, m) -> {
            Delivery d = outcome.get();
            if (d == Delivery.SENT) {
                sent.add(chat + ": " + m.html());
            }
            return d;
        }, clock, window);
    }

    @Test
    void aRemindedDeadlineThatMovesGetsOneNoticeAndFailedSendsAreRetriedThenGivenUp() throws Exception {
        Agreement june = agreement("a1", "Gemeenten stellen het plan vast.", LocalDate.of(2021, 6, 1), LocalDate.of(2021, 1, 5));
        generation.set(new FollowScheduler.Generation("gen-1", List.of(june)));
        try (StateStore state = StateStore.open(dir)) {
            FollowStore follows = new FollowStore(state);
            follows.follow(7, 1, at("2021-02-01T10:00"));
            try (FollowScheduler s = scheduler(state)) {
                s.tick();
                assertEquals(1, sent.size(), sent.toString());
                assertTrue(sent.getFirst().startsWith("7: ⏰ <b>Herinnering: over 14 dagen"), sent.getFirst());

                Agreement mover = agreement("a2", "Het plan is uitgesteld tot 1 september.", LocalDate.of(2021, 9, 1),
                        LocalDate.of(2021, 5, 20));
                generation.set(new FollowScheduler.Generation("gen-2", List.of(june.withSupersededBy(Optional.of("a2")), mover)));
                now.set(at("2021-05-21T09:00"));
                s.tick();
                s.tick();
                List<String> notices = sent.stream().filter(t -> t.contains("Termijn verschoven")).toList();
                assertEquals(1, notices.size(), sent.toString());
                assertTrue(notices.getFirst().contains("1 september 2021"), notices.getFirst());
                assertEquals(1, sent.stream().filter(t -> t.contains("Nieuw in de documenten")).count(), "and one alert");

                // Telegram keeps failing: tried at every tick, given up after the last attempt.
                now.set(at("2021-05-31T09:00")); // the 1-day reminder of nothing (moved); the mover's 14 days: 18 August
                now.set(at("2021-08-18T09:00"));
                outcome.set(Delivery.FAILED);
                for (int i = 0; i < FollowScheduler.MAX_ATTEMPTS + 2; i++) {
                    s.tick();
                }
                assertEquals(1, follows.counts().getOrDefault("reminder:undelivered", 0), follows.counts().toString());
                assertTrue(follows.pending().isEmpty());
            }
        }
    }

    @Test
    void aClaimLeftUnsentByAStopIsSentAtTheNextStartAndOnlyThen() throws Exception {
        Agreement june = agreement("a1", "Gemeenten stellen het plan vast.", LocalDate.of(2021, 6, 1), LocalDate.of(2021, 1, 5));
        generation.set(new FollowScheduler.Generation("gen-1", List.of(june)));
        try (StateStore state = StateStore.open(dir)) {
            new FollowStore(state).follow(7, 1, at("2021-02-01T10:00"));
            outcome.set(Delivery.FAILED); // claimed, not delivered: as after a crash between the claim and the send
            try (FollowScheduler s = scheduler(state)) {
                s.tick();
            }
        }
        assertTrue(sent.isEmpty());
        outcome.set(Delivery.SENT);
        try (StateStore state = StateStore.open(dir); FollowScheduler s = scheduler(state)) {
            s.tick();
            s.tick();
        }
        assertEquals(1, sent.size(), sent.toString());
        try (StateStore state = StateStore.open(dir); FollowScheduler s = scheduler(state)) {
            s.tick();
        }
        assertEquals(1, sent.size(), "not again after another restart");
    }

    @Test
    void anAlertOfANightlyIndexRunWaitsForTheWindowToOpen() throws Exception {
        Agreement june = agreement("a1", "Gemeenten stellen het plan vast.", LocalDate.of(2021, 6, 1), LocalDate.of(2021, 1, 5));
        generation.set(new FollowScheduler.Generation("gen-1", List.of(june)));
        now.set(at("2021-03-01T12:00")); // no reminder due: only the alert matters here
        try (StateStore state = StateStore.open(dir)) {
            new FollowStore(state).follow(7, 1, at("2021-02-01T10:00"));
            try (FollowScheduler s = scheduler(state)) {
                s.tick(); // the first look at the agreements
                Agreement fresh = agreement("a2", "De provincies stellen een handreiking op.", LocalDate.of(2021, 11, 1),
                        LocalDate.of(2021, 3, 1));
                generation.set(new FollowScheduler.Generation("gen-2", List.of(june, fresh)));
                for (String t : List.of("2021-03-01T22:30", "2021-03-02T03:00", "2021-03-02T07:59")) {
                    now.set(at(t));
                    s.tick();
                    assertTrue(sent.isEmpty(), "held at " + t + ": " + sent);
                }
                now.set(at("2021-03-02T08:00"));
                s.tick();
                s.tick();
                assertEquals(1, sent.size(), sent.toString());
                assertTrue(sent.getFirst().contains("Nieuw in de documenten") && sent.getFirst().contains("handreiking"),
                        sent.getFirst());
            }
        }
    }

    @Test
    void theWindowIsConfigurableAndAStopOutsideItKeepsTheClaimForTheMorning() throws Exception {
        Agreement june = agreement("a1", "Gemeenten stellen het plan vast.", LocalDate.of(2021, 6, 1), LocalDate.of(2021, 1, 5));
        generation.set(new FollowScheduler.Generation("gen-1", List.of(june)));
        now.set(at("2021-03-01T12:00"));
        Agreement fresh = agreement("a2", "De provincies stellen een handreiking op.", LocalDate.of(2021, 11, 1),
                LocalDate.of(2021, 3, 1));
        SendingWindow evening = SendingWindow.parse("08:00-21:00");
        try (StateStore state = StateStore.open(dir)) {
            new FollowStore(state).follow(7, 1, at("2021-02-01T10:00"));
            try (FollowScheduler s = scheduler(state, evening)) {
                s.tick();
                generation.set(new FollowScheduler.Generation("gen-2", List.of(june, fresh)));
                now.set(at("2021-03-01T20:30")); // after the default 20:00, inside 08:00-21:00
                s.tick();
                assertEquals(1, sent.size(), "sent at 20:30 in an 08:00-21:00 window: " + sent);
            }
        }
        sent.clear();
        Agreement third = agreement("a3", "Het Rijk zorgt voor een monitor.", LocalDate.of(2021, 12, 1), LocalDate.of(2021, 3, 2));
        generation.set(new FollowScheduler.Generation("gen-3", List.of(june, fresh, third)));
        now.set(at("2021-03-01T23:00"));
        try (StateStore state = StateStore.open(dir); FollowScheduler s = scheduler(state, evening)) {
            s.tick(); // claimed at night, then the bot stops
        }
        assertTrue(sent.isEmpty(), sent.toString());
        now.set(at("2021-03-02T08:05"));
        try (StateStore state = StateStore.open(dir); FollowScheduler s = scheduler(state, evening)) {
            s.tick();
        }
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.getFirst().contains("monitor"), sent.getFirst());
    }
}
