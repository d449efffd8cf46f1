package nl.ibp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.eval.GoldQuestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ibp bench} (hidden): the marginal cost of one question in a warm process. Opens one
 * {@link AnswerEngine}, warms it up, then times {@code engine.ask(question, k)} for every question
 * × round with {@link System#nanoTime()} and prints the latency distribution and the heap in use.
 * For docs/BENCHMARKS.md, not for users.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Times engine.ask(question, k) in one warm process: p50/p90/p99/max in ms and the heap used.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--questions", paramLabel = "FILE", description = "Questions, JSONL as for eval (default: ../shared/eval/questions.jsonl).")
    Path questions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "Untimed passes over all questions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "50", description = "Timed passes over all questions (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Passages per question, as ask --top (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--follow", paramLabel = "CHATS", description = "Time the reminder planning instead: CHATS chats "
            + "following all ten opgaven (see FollowBench).")
    Integer follow;

    @Option(names = "--follow-ticks", paramLabel = "N", defaultValue = "700", description = "With --follow: ticks timed (default: ${DEFAULT-VALUE}).")
    int followTicks;

    @Option(names = "--follow-from", paramLabel = "TIME", defaultValue = "2018-02-20T09:00",
            description = "With --follow: the first tick's moment (default: ${DEFAULT-VALUE}).")
    String followFrom;

    private final Terminal terminal;

    BenchCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (follow != null) {
            if (follow < 1 || followTicks < 1) {
                terminal.err().println("ibp bench: need --follow >= 1 and --follow-ticks >= 1");
                return ExitCodes.USAGE;
            }
            return FollowBench.run(terminal, locations, follow, followTicks, followFrom);
        }
        if (warmup < 0 || rounds < 1 || top < 1 || top > 100) {
            terminal.err().println("ibp bench: need --warmup >= 0, --rounds >= 1 and 1 <= --top <= 100");
            return ExitCodes.USAGE;
        }
        var settings = locations.settings();
        Path file = questions != null ? questions
                : settings.corpus().getParent().resolve("../shared/eval/questions.jsonl").normalize();
        if (!Files.isRegularFile(file)) {
            terminal.err().println("ibp bench: vragenbestand niet gevonden: " + file + " (gebruik --questions FILE)");
            return ExitCodes.USAGE;
        }
        if (locations.layout().current().isEmpty()) {
            terminal.err().println("ibp bench: geen index in " + locations.layout().root() + " (eerst: ibp index)");
            return ExitCodes.USAGE;
        }
        List<String> asked = GoldQuestion.read(file).stream().map(GoldQuestion::question).toList();
        if (asked.isEmpty()) {
            terminal.err().println("ibp bench: geen vragen in " + file);
            return ExitCodes.USAGE;
        }
        var out = terminal.out();
        long sink = 0; // results are consumed so the JIT cannot drop the work
        long openStart = System.nanoTime();
        try (AnswerEngine engine = AnswerEngine.open(locations.layout())) {
            double openMs = (System.nanoTime() - openStart) / 1e6;
            long warmStart = System.nanoTime();
            double firstMs = -1;
            for (int w = 0; w < warmup; w++) {
                for (String q : asked) {
                    long t = System.nanoTime();
                    sink += engine.ask(q, top).passages().size();
                    if (firstMs < 0) {
                        firstMs = (System.nanoTime() - t) / 1e6;
                    }
                }
            }
            double warmMs = (System.nanoTime() - warmStart) / 1e6;
            long[] nanos = new long[asked.size() * rounds];
            long[][] perQuestion = new long[asked.size()][rounds];
            int n = 0;
            long timedStart = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < asked.size(); i++) {
                    long t = System.nanoTime();
                    AnswerEngine.Answer a = engine.ask(asked.get(i), top);
                    nanos[n++] = System.nanoTime() - t;
                    perQuestion[i][r] = nanos[n - 1];
                    sink += a.passages().size();
                }
            }
            double totalMs = (System.nanoTime() - timedStart) / 1e6;
            Arrays.sort(nanos);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapUsed = rt.totalMemory() - rt.freeMemory();

            out.printf(Locale.ROOT, "index      %s (%d passages)%n", locations.layout().current().get(), engine.manifest().passages());
            out.printf(Locale.ROOT, "questions  %d from %s, top %d%n", asked.size(), file, top);
            out.printf(Locale.ROOT, "open       %.1f ms%n", openMs);
            out.printf(Locale.ROOT, "warmup     %d rounds, %.0f ms (first question cold: %.1f ms)%n", warmup, warmMs,
                    firstMs);
            out.printf(Locale.ROOT, "timed      %d rounds, %d asks, %.0f ms, %.0f asks/s (one thread)%n", rounds, n,
                    totalMs, n / (totalMs / 1000));
            out.printf(Locale.ROOT, "latency ms count %d  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f%n", n,
                    ms(pct(nanos, 50)), ms(pct(nanos, 90)), ms(pct(nanos, 99)), ms(nanos[n - 1]),
                    ms(Arrays.stream(nanos).sum() / n));
            out.printf(Locale.ROOT, "heap       used after GC %.1f MB, committed %.1f MB, max %.1f MB%n",
                    mb(heapUsed), mb(rt.totalMemory()), mb(rt.maxMemory()));
            Integer[] order = new Integer[asked.size()];
            long[] medians = new long[asked.size()];
            for (int i = 0; i < asked.size(); i++) {
                order[i] = i;
                Arrays.sort(perQuestion[i]);
                medians[i] = pct(perQuestion[i], 50);
            }
            Arrays.sort(order, (a, b) -> Long.compare(medians[b], medians[a]));
            out.println("slowest questions (median ms over the rounds):");
            for (int i = 0; i < Math.min(5, order.length); i++) {
                out.printf(Locale.ROOT, "  %7.3f  %s%n", ms(medians[order[i]]), asked.get(order[i]));
            }
            out.printf(Locale.ROOT, "(checksum %d)%n", sink);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
