package nl.ibp.agreements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.analysis.IbpAnalyzer;

/**
 * Finds which agreements a later document moved: "uitgesteld tot", "verschoven naar", "in plaats van
 * 1 juni 2020", "niet per 1 januari 2021, maar …". The older agreement is kept, with its source, and
 * marked {@link Agreement#supersededBy() superseded by} the newer one.
 *
 * <p>A newer agreement N moves an older one O (from an older document) when N still names a current
 * date, O names a current date, their opgaven do not differ, they share content terms (the subject),
 * and either
 * <ul>
 * <li>N quotes O's date as replaced ({@link Deadline.Kind#REPLACED}: the replaced span covers the day O's
 *     date is due), with at least {@value #MIN_SHARED} shared terms, or, when both have the same opgave and
 *     the quoted date names a day or a month, without (the wording of a subject changes between letters:
 *     "in werking treden", "invoering"), or</li>
 * <li>N says it moved something ("uitgesteld", "verschoven", "uitstel", "schuift op", …) without quoting the
 *     old date, its date lies after O's, and they share at least {@value #MIN_SHARED} terms that make up
 *     {@value #MIN_SHARE_WITHOUT_QUOTE} of the smaller agreement's terms.</li>
 * </ul>
 * Content terms are the analysed (stemmed, stop words removed) words of the sentence, without numbers
 * and month names, and without terms so common among all agreements that they name no subject.
 * Of several newer agreements the one from the newest document wins, then the one sharing most terms.
 */
public final class Supersession {

    static final int MIN_SHARED = 2;
    static final double MIN_SHARE_WITHOUT_QUOTE = 0.4;
    /** A term in more than this share of all agreements (and more than a few) names no subject. */
    private static final double COMMON = 0.08;

    private static final Pattern MOVE = Pattern.compile("(?<![\\p{L}])(?:uitgesteld|uitstel|verschoven|verschuift|opgeschoven"
            + "|schuift\\s+(?:\\p{L}+\\s+){0,2}?op|verplaatst|verlegd|vertraagd|vertraging|vervroegd|naar\\s+voren\\s+gehaald"
            + "|later\\s+dan\\s+(?:gepland|voorzien|afgesproken)|niet\\s+langer|in\\s+(?:de\\s+)?plaats\\s+van|i\\.p\\.v\\.)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Words of time and of moving: they say when, not what, so they are not shared content. */
    private static final String TIME_WORDS = "januari februari maart april mei juni juli augustus september oktober november"
            + " december jaar jaren maand maanden week weken dag dagen kwartaal helft halfjaar zomer voorjaar najaar winter lente"
            + " herfst begin eind einde medio uiterlijk later eerder uitgesteld uitstel verschoven verschuift schuift"
            + " opgeschoven verplaatst vertraagd plaats langer niet nieuw nieuwe nu inmiddels datum termijn planning";

    private Supersession() {
    }

    /** The agreements, each marked with the newer agreement that moved it (or current). Order is kept. */
    public static List<Agreement> mark(List<Agreement> agreements) {
        return mark(agreements, (text, analyse) -> analyse.get());
    }

    /** Where the content terms of an agreement's text come from: {@code analyse} computes them. */
    @FunctionalInterface
    interface Terms {
        List<String> of(String text, java.util.function.Supplier<List<String>> analyse);
    }

    /**
     * The content terms of texts by text, kept for the next index run (they depend on the build only,
     * and most agreements are the same as in the run before): a {@link RunCache} for {@link #mark}.
     */
    static RunCache<List<String>> termsCache(java.nio.file.Path file, String build) {
        return RunCache.open(file, 1, build, (out, terms) -> {
            out.writeInt(terms.size());
            for (String t : terms) {
                RunCache.writeText(out, t);
            }
        }, in -> {
            int n = RunCache.readCount(in);
            List<String> terms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                terms.add(RunCache.readText(in));
            }
            return List.copyOf(terms);
        }, org.slf4j.LoggerFactory.getLogger(Supersession.class), "supersession terms cache");
    }

    /** As {@link #mark(List)}, with each text's content terms from {@code known} (say, a cache of an earlier run). */
    static List<Agreement> mark(List<Agreement> agreements, Terms known) {
        try (IbpAnalyzer analyzer = IbpAnalyzer.forIndex()) {
            Set<String> timeTerms = new HashSet<>(AnalyzedTerms.of(analyzer, TIME_WORDS));
            Map<String, Set<String>> terms = new HashMap<>();
            Map<String, Integer> df = new HashMap<>();
            for (Agreement a : agreements) {
                Set<String> t = new HashSet<>(known.of(a.text(), () -> AnalyzedTerms.of(analyzer, a.text()).stream()
                        .filter(term -> term.chars().noneMatch(Character::isDigit) && !timeTerms.contains(term)
                                && term.length() > 2)
                        .distinct().toList()));
                terms.put(a.id(), t);
                t.forEach(term -> df.merge(term, 1, Integer::sum));
            }
            int common = Math.max(5, (int) (COMMON * agreements.size()));
            terms.values().forEach(t -> t.removeIf(term -> df.get(term) > common));

            List<Agreement> movers = agreements.stream()
                    .filter(a -> a.source().date().isPresent() && !current(a).isEmpty()
                            && (a.deadlines().stream().anyMatch(d -> d.kind() == Deadline.Kind.REPLACED)
                            || MOVE.matcher(a.text()).find()))
                    .toList();
            List<Agreement> result = new ArrayList<>(agreements.size());
            for (Agreement old : agreements) {
                result.add(old.withSupersededBy(newer(old, movers, terms)));
            }
            return result;
        }
    }

    private static Optional<String> newer(Agreement old, List<Agreement> movers, Map<String, Set<String>> terms) {
        List<Deadline> oldDates = current(old);
        if (oldDates.isEmpty() || old.source().date().isEmpty()) {
            return old.supersededBy();
        }
        LocalDate written = old.source().date().get();
        Agreement best = null;
        int bestShared = 0;
        for (Agreement n : movers) {
            LocalDate nWritten = n.source().date().get();
            if (!nWritten.isAfter(written) || n.source().document().equals(old.source().document())
                    || old.opgave().isPresent() && n.opgave().isPresent() && old.opgave().getAsInt() != n.opgave().getAsInt()) {
                continue;
            }
            int shared = shared(terms.get(old.id()), terms.get(n.id()));
            boolean sameOpgave = old.opgave().isPresent() && n.opgave().isPresent();
            if (!moves(n, oldDates, shared, terms.get(old.id()).size(), terms.get(n.id()).size(), sameOpgave)) {
                continue;
            }
            if (best == null || nWritten.isAfter(best.source().date().get())
                    || nWritten.equals(best.source().date().get()) && shared > bestShared) {
                best = n;
                bestShared = shared;
            }
        }
        return best == null ? old.supersededBy() : Optional.of(best.id());
    }

    private static boolean moves(Agreement n, List<Deadline> oldDates, int shared, int oldTerms, int newTerms,
                                 boolean sameOpgave) {
        List<Deadline> replaced = n.deadlines().stream().filter(d -> d.kind() == Deadline.Kind.REPLACED).toList();
        if (replaced.stream().anyMatch(r -> oldDates.stream().anyMatch(o -> overlap(r, o)))) {
            // The old date quoted: within one opgave a day or month is specific enough; else the subject must match.
            boolean specific = replaced.stream().anyMatch(r -> r.precision() == Deadline.Precision.DAY
                    || r.precision() == Deadline.Precision.MONTH);
            return shared >= MIN_SHARED || sameOpgave && specific;
        }
        if (shared < MIN_SHARED || !MOVE.matcher(n.text()).find()
                || shared < MIN_SHARE_WITHOUT_QUOTE * Math.max(1, Math.min(oldTerms, newTerms))) {
            return false;
        }
        List<Deadline> now = current(n);
        return oldDates.stream().allMatch(o -> now.stream().allMatch(d -> d.start().isAfter(o.end())));
    }

    /** The dates of an agreement that still hold: on a timeline and not replaced. */
    static List<Deadline> current(Agreement a) {
        return a.deadlines().stream().filter(d -> Timeline.onTimeline(a, d)).toList();
    }

    /** Whether a replaced date names an old date: it covers the day the old one is due, or lies inside a short old span. */
    private static boolean overlap(Deadline replaced, Deadline old) {
        return covers(replaced, due(old)) || old.precision() != Deadline.Precision.YEARS && covers(old, replaced.start());
    }

    private static LocalDate due(Deadline d) {
        return d.kind() == Deadline.Kind.DEADLINE ? d.end() : d.start();
    }

    private static boolean covers(Deadline d, LocalDate day) {
        return !day.isBefore(d.start()) && !day.isAfter(d.end());
    }

    private static int shared(Set<String> a, Set<String> b) {
        int n = 0;
        for (String t : a) {
            if (b.contains(t)) {
                n++;
            }
        }
        return n;
    }
}
