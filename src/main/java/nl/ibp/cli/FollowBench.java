package nl.ibp.cli;

import static nl.ibp.cli.BenchCommand.ms;
import static nl.ibp.cli.BenchCommand.pct;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.DatedItem;
import nl.ibp.config.Now;
import nl.ibp.follow.FollowedDeadlines;
import nl.ibp.follow.Follower;
import nl.ibp.follow.Reminder;
import nl.ibp.follow.ReminderDays;
import nl.ibp.follow.ReminderPlanner;
import nl.ibp.follow.SentKey;
import nl.ibp.passage.Opgaven;

/**
 * {@code ibp bench --follow}: the cost of one scheduler tick's planning, {@link ReminderPlanner#due},
 * for N chats following every opgave, over the served agreements. The ticks step a simulated clock
 * through the reminder moments of a whole period (so some ticks find reminders due) and record
 * what they find as sent, as the bot does; reported per tick.
 */
final class FollowBench {

    private FollowBench() {
    }

    static int run(Terminal terminal, Locations locations, int chats, int ticks, String start) throws Exception {
        PrintWriter out = terminal.out();
        List<Agreement> agreements;
        try (AgreementStore store = locations.tracker()) {
            agreements = store.agreements(OptionalInt.empty());
        }
        Instant from = Now.parse(start, "--follow-from");
        LocalDate today = Now.today(Clock.fixed(from, Now.ZONE));
        List<DatedItem> items = FollowedDeadlines.of(agreements, today);
        List<Follower> followers = new ArrayList<>();
        Instant since = from.minus(Duration.ofDays(1));
        for (long chat = 1; chat <= chats; chat++) {
            ReminderDays days = chat % 3 == 0 ? new ReminderDays(List.of(7, 1)) : ReminderDays.DEFAULT;
            for (int o = 1; o <= Opgaven.ALL.size(); o++) {
                followers.add(new Follower(chat, o, since, days));
            }
        }
        Set<SentKey> recorded = new HashSet<>();
        // Warm up on the first moments, then time each tick of a simulated year (one tick every ~13 hours).
        Duration step = Duration.ofDays(365).dividedBy(ticks);
        long sink = 0;
        for (int w = 0; w < 20; w++) {
            sink += ReminderPlanner.due(from, items, followers, new HashSet<>()).size();
        }
        long[] nanos = new long[ticks];
        long due = 0;
        Instant now = from;
        for (int t = 0; t < ticks; t++) {
            long t0 = System.nanoTime();
            List<Reminder> found = ReminderPlanner.due(now, items, followers, recorded);
            nanos[t] = System.nanoTime() - t0;
            for (Reminder r : found) {
                recorded.add(r.key());
            }
            due += found.size();
            now = now.plus(step);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "agreements %d, followed dates %d (from %s), chats %d x %d opgaven = %d followers%n",
                agreements.size(), items.size(), today, chats, Opgaven.ALL.size(), followers.size());
        out.printf(Locale.ROOT, "ticks      %d over a year from %s; reminders found %d, recorded %d%n", ticks, start, due,
                recorded.size());
        out.printf(Locale.ROOT, "tick ms    p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f%n", ms(pct(sorted, 50)),
                ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[ticks - 1]), ms(Arrays.stream(nanos).sum() / ticks));
        out.printf(Locale.ROOT, "share of a minute (p99): %.4f %%%n", ms(pct(sorted, 99)) / 600.0);
        // The tick's reads from the state database: every follower (one query), in a scratch state.db.
        java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("ibp-follow-bench");
        try (nl.ibp.state.StateStore state = nl.ibp.state.StateStore.open(scratch)) {
            nl.ibp.follow.FollowStore follows = new nl.ibp.follow.FollowStore(state);
            for (Follower f : followers) {
                follows.follow(f.chat(), f.opgave(), f.since());
            }
            long[] reads = new long[30];
            long[] cachedReads = new long[30];
            for (int i = 0; i < reads.length; i++) {
                follows.setDays(1, ReminderDays.DEFAULT, from); // a write: the next read reads the rows again
                long t0 = System.nanoTime();
                sink += follows.followers().size();
                reads[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                sink += follows.followers().size();
                cachedReads[i] = System.nanoTime() - t0;
            }
            Arrays.sort(reads);
            Arrays.sort(cachedReads);
            List<nl.ibp.follow.FollowStore.Claim> claims = new ArrayList<>();
            for (SentKey k : recorded.stream().limit(1000).toList()) {
                claims.add(new nl.ibp.follow.FollowStore.Claim(k, java.util.Optional.empty(), "{}", false));
            }
            long c0 = System.nanoTime();
            follows.claim(claims, from);
            long claimNanos = System.nanoTime() - c0;
            out.printf(Locale.ROOT, "state.db   followers() of %d rows after a write: p50 %.3f ms, max %.3f ms; unchanged "
                    + "(cached): p50 %.3f ms; claiming %d in one transaction: %.1f ms%n", followers.size(), ms(pct(reads, 50)),
                    ms(reads[reads.length - 1]), ms(pct(cachedReads, 50)), claims.size(), ms(claimNanos));
        } finally {
            try (var files = java.nio.file.Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out.printf(Locale.ROOT, "(checksum %d)%n", sink);
        out.flush();
        return ExitCodes.OK;
    }

}
