package nl.ibp.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.config.Now;
import org.junit.jupiter.api.Test;

class DueRulesTest {

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Now.ZONE).toInstant();
    }

    @Test
    void theWindowIsEightToEightInAmsterdamWhateverTheSeason() {
        assertTrue(DueRules.inWindow(at("2021-01-15T08:00")));
        assertTrue(DueRules.inWindow(at("2021-07-15T19:59")));
        assertFalse(DueRules.inWindow(at("2021-07-15T20:00")));
        assertFalse(DueRules.inWindow(at("2021-01-15T07:59")));
        // 07:30 in Amsterdam is 06:30 UTC in winter, 05:30 UTC in summer: both outside
        assertFalse(DueRules.inWindow(Instant.parse("2021-07-15T05:30:00Z")));
        assertTrue(DueRules.inWindow(Instant.parse("2021-07-15T06:30:00Z")));
    }

    @Test
    void aMomentOutsideTheWindowMovesToTheNextEightOClock() {
        assertEquals(at("2021-03-10T08:00"), DueRules.intoWindow(at("2021-03-10T03:00")));
        assertEquals(at("2021-03-11T08:00"), DueRules.intoWindow(at("2021-03-10T20:00")));
        assertEquals(at("2021-03-11T08:00"), DueRules.intoWindow(at("2021-03-10T23:59")));
        assertEquals(at("2021-03-10T12:34"), DueRules.intoWindow(at("2021-03-10T12:34")));
        // over the change to summer time: still 08:00 local
        assertEquals(at("2021-03-28T08:00"), DueRules.intoWindow(at("2021-03-27T21:00")));
    }

    @Test
    void dayAndMonthDeadlinesAreRemindedTheChatsDaysBeforeTheirLastDayAtEight() {
        List<DueRules.Moment> m = DueRules.moments(Agreements.day(LocalDate.of(2021, 6, 1)), ReminderDays.DEFAULT);
        assertEquals(List.of(at("2021-05-18T08:00"), at("2021-05-31T08:00")), m.stream().map(DueRules.Moment::at).toList());
        assertEquals(OptionalInt.of(14), m.getFirst().daysBefore());
        List<DueRules.Moment> month = DueRules.moments(Agreements.month(2021, 9), new ReminderDays(List.of(1, 7)));
        assertEquals(List.of(at("2021-09-23T08:00"), at("2021-09-29T08:00")), month.stream().map(DueRules.Moment::at).toList(),
                "month precision: before its last day (30 September), earliest first");
    }

    @Test
    void aYearOnlyDeadlineGetsOneReminderOnTheFirstOfOctober() {
        List<DueRules.Moment> m = DueRules.moments(Agreements.year(2021), ReminderDays.DEFAULT);
        assertEquals(List.of(new DueRules.Moment(at("2021-10-01T08:00"), OptionalInt.empty())), m);
    }

    @Test
    void reminderDaysParseAsTyped() {
        assertEquals(List.of(7, 1), ReminderDays.parse("7,1").orElseThrow().days());
        assertEquals(List.of(30, 14, 1), ReminderDays.parse("1, 30 14").orElseThrow().days());
        assertTrue(ReminderDays.parse("0").isEmpty());
        assertTrue(ReminderDays.parse("morgen").isEmpty());
        assertTrue(ReminderDays.parse("400").isEmpty());
        assertTrue(ReminderDays.parse("1,2,3,4,5,6").isEmpty());
    }

    // ---------------------------------------------------------------- the planner

    private static final Agreement JUNE = Agreements.dated("a1", 1, "Gemeenten stellen een plan vast.",
            Agreements.day(LocalDate.of(2021, 6, 1)), LocalDate.of(2021, 1, 10));
    private static final Agreement YEAR = Agreements.dated("a2", 1, "Het Rijk evalueert de regeling.",
            Agreements.year(2021), LocalDate.of(2021, 1, 10));

    private static List<DatedItem> items(Instant now, Agreement... agreements) {
        return FollowedDeadlines.of(List.of(agreements), Now.today(java.time.Clock.fixed(now, Now.ZONE)));
    }

    private static List<Follower> follows(Instant since) {
        return List.of(new Follower(7, 1, since, ReminderDays.DEFAULT));
    }

    @Test
    void fourteenDaysBeforeTheReminderIsDueOnceAndNotAgainOnceRecorded() {
        Instant now = at("2021-05-18T08:01");
        List<Reminder> due = ReminderPlanner.due(now, items(now, JUNE), follows(at("2021-02-01T10:00")), Set.of());
        assertEquals(1, due.size());
        Reminder r = due.getFirst();
        assertEquals(Reminder.Action.SEND, r.action());
        assertEquals(OptionalInt.of(14), r.daysBefore());
        assertEquals(at("2021-05-18T08:00"), r.due());
        assertTrue(ReminderPlanner.due(now.plusSeconds(60), items(now, JUNE), follows(at("2021-02-01T10:00")),
                Set.of(r.key())).isEmpty(), "recorded: not due again");
        assertTrue(ReminderPlanner.due(at("2021-05-18T07:59"), items(now, JUNE), follows(at("2021-02-01T10:00")), Set.of())
                .isEmpty(), "not before its moment");
    }

    @Test
    void aMomentThatCameAfterHoursWaitsForEightOClock() {
        Set<SentKey> none = new HashSet<>();
        // The bot was down from before 08:00 until 21:00 on the day: the reminder waits for the next morning.
        Instant evening = at("2021-05-18T21:00");
        assertTrue(ReminderPlanner.due(evening, items(evening, JUNE), follows(at("2021-02-01T10:00")), none).isEmpty());
        Instant morning = at("2021-05-19T08:00");
        assertEquals(1, ReminderPlanner.due(morning, items(morning, JUNE), follows(at("2021-02-01T10:00")), none).size());
    }

    @Test
    void aReminderMissedWhileDownIsSentWhileTheDeadlineHasNotPassedElseDropped() {
        Instant late = at("2021-05-25T10:00"); // a week after its moment, the deadline a week ahead
        List<Reminder> sent = ReminderPlanner.due(late, items(late, JUNE), follows(at("2021-02-01T10:00")), Set.of());
        assertEquals(List.of(Reminder.Action.SEND), sent.stream().map(Reminder::action).toList());

        Instant afterDeadline = at("2021-06-03T10:00"); // both moments passed, and the deadline too
        List<Reminder> dropped = ReminderPlanner.due(afterDeadline, items(afterDeadline, JUNE),
                follows(at("2021-02-01T10:00")), Set.of());
        assertEquals(1, dropped.size(), "only the latest moment is considered");
        assertEquals(Reminder.Action.DROP, dropped.getFirst().action());
        assertEquals(OptionalInt.of(1), dropped.getFirst().daysBefore());
    }

    @Test
    void afterALongStopOnlyTheLatestMomentIsSentNotTheOvertakenOne() {
        Instant now = at("2021-05-31T09:00");
        List<Reminder> due = ReminderPlanner.due(now, items(now, JUNE), follows(at("2021-02-01T10:00")), Set.of());
        assertEquals(1, due.size());
        assertEquals(OptionalInt.of(1), due.getFirst().daysBefore());
    }

    @Test
    void momentsBeforeTheDayTheChatFollowedAreNotOwed() {
        Instant now = at("2021-05-20T09:00");
        assertTrue(ReminderPlanner.due(now, items(now, JUNE), follows(at("2021-05-19T15:00")), Set.of()).isEmpty(),
                "the 14-day moment (18 May) came before following (19 May)");
        assertEquals(1, ReminderPlanner.due(now, items(now, JUNE), follows(at("2021-05-18T15:00")), Set.of()).size(),
                "following later on the day of the moment still gets it");
    }

    @Test
    void theYearRuleFallsDueOnTheFirstOfOctoberAndOnlyForFollowersOfTheOpgave() {
        Instant now = at("2021-10-01T08:00");
        List<Follower> followers = List.of(new Follower(7, 1, at("2021-02-01T10:00"), ReminderDays.DEFAULT),
                new Follower(8, 6, at("2021-02-01T10:00"), ReminderDays.DEFAULT));
        List<Reminder> all = ReminderPlanner.due(now, items(now, JUNE, YEAR), followers, Set.of());
        assertEquals(List.of("a1"), all.stream().filter(r -> r.action() == Reminder.Action.DROP)
                .map(r -> r.item().agreement().id()).toList(), "June's, never recorded, passed: dropped");
        List<Reminder> due = all.stream().filter(r -> r.action() == Reminder.Action.SEND).toList();
        assertEquals(1, due.size());
        assertEquals(7, due.getFirst().chat());
        assertEquals("a2", due.getFirst().item().agreement().id());
        assertEquals(OptionalInt.empty(), due.getFirst().daysBefore());
    }

    @Test
    void supersededDeadlinesAreNotReminded() {
        Agreement moved = JUNE.withSupersededBy(java.util.Optional.of("a9"));
        Instant now = at("2021-05-18T09:00");
        assertTrue(ReminderPlanner.due(now, items(now, moved), follows(at("2021-02-01T10:00")), Set.of()).isEmpty());
    }
}
