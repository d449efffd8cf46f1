package nl.ibp.conversation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.Sentences;
import nl.ibp.search.Hit;

/**
 * Questions about an opgave as a whole ("Wat is opgave 6?", "vertel over de schuldenopgave",
 * "opgave 10 wat is dat") and the card that answers them: the opgave's shared ambition, its
 * current deadlines and who takes part, each with its source.
 */
final class OpgaveCards {

    private static final Pattern NUMBER = Pattern.compile("(?iu)\\bopgave\\s*(\\d{1,2})\\b");
    /** "schuldenopgave", "klimaatopgave": an opgave named by a compound. */
    private static final Pattern COMPOUND = Pattern.compile("(?iu)\\b(\\p{L}{3,}?)(?:s|en)?opgave\\b");
    /**
     * The words of a question about an opgave as a whole, besides its name: once these and the
     * name are taken away nothing may be left, or the question asks something in particular.
     */
    private static final Set<String> ABOUT_WORDS = Set.of(
            "wat", "is", "zijn", "de", "het", "een", "opgave", "opgaven", "opgaves", "vertel", "vertellen", "me", "mij",
            "ons", "iets", "eens", "over", "houdt", "in", "betekent", "inhoud", "gaat", "dat", "dit", "die", "meer",
            "info", "informatie", "uitleg", "leg", "uit", "geef", "overzicht", "van", "waar", "om", "beschrijf",
            "kun", "kunt", "je", "u", "toelichting", "samenvatting", "nummer", "en", "eigenlijk", "precies", "ambitie",
            "wil", "graag", "weten", "hoe", "zit", "met", "staat", "ervoor", "stand", "zaken");
    /** The section that states an opgave's shared ambition. */
    private static final Pattern AMBITION = Pattern.compile("(?iu)\\bambitie");
    /** The ambition is told in at most this many sentences. */
    private static final int AMBITION_SENTENCES = 2;

    private OpgaveCards() {
    }

    /** The opgave a question asks about as a whole; empty when it names none or asks something in particular. */
    static Optional<Opgave> asked(String question) {
        Optional<Opgave> named = Optional.empty();
        String rest = question.toLowerCase(Locale.ROOT);
        Matcher n = NUMBER.matcher(question);
        if (n.find()) {
            int number = Integer.parseInt(n.group(1));
            if (number < 1 || number > Opgaven.ALL.size()) {
                return Optional.empty();
            }
            named = Optional.of(Opgaven.byNumber(number));
            rest = rest.replace(n.group().toLowerCase(Locale.ROOT), " ");
        } else {
            Matcher c = COMPOUND.matcher(question);
            if (c.find()) {
                named = Opgaven.mentionedIn(c.group(1));
                rest = rest.replace(c.group().toLowerCase(Locale.ROOT), " ");
            }
            if (named.isEmpty() && rest.contains("opgave")) {
                named = Opgaven.mentionedIn(question);
                if (named.isPresent()) {
                    rest = withoutName(rest, named.get());
                }
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        for (String w : rest.replaceAll("[^\\p{L}\\p{N}\\s]+", " ").strip().split("\\s+")) {
            if (!w.isEmpty() && !ABOUT_WORDS.contains(w)) {
                return Optional.empty();
            }
        }
        return named;
    }

    private static String withoutName(String text, Opgave o) {
        String t = " " + text.replaceAll("[^\\p{L}\\p{N}\\s]+", " ") + " ";
        List<String> names = new java.util.ArrayList<>(o.aliases());
        names.add(o.title());
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : names) {
            t = t.replace(" " + name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]+", " ") + " ", " ");
        }
        return t;
    }

    static Response.OpgaveCard card(AnswerEngine engine, Opgave opgave, LocalDate today) throws IOException {
        List<Hit> passages = engine.searcher().passagesOf(opgave.number());
        Optional<Hit> ambition = passages.stream()
                .filter(h -> h.passage().headingPath().stream().anyMatch(s -> AMBITION.matcher(s).find()))
                .findFirst()
                .or(() -> passages.stream().findFirst());
        Optional<Response.Lead> lead = ambition.map(h -> new Response.Lead(firstSentences(h.passage().text()), h,
                Optional.of(opgave)));
        List<Agreement> mine = engine.agreements().stream()
                .filter(a -> a.opgave().equals(OptionalInt.of(opgave.number()))).toList();
        List<Agreement> dated = mine.stream().filter(a -> a.deadlines().stream().anyMatch(OpgaveCards::dated))
                .sorted(Comparator.comparing((Agreement a) -> rank(a, today)).thenComparing(a -> firstDate(a, today)))
                .toList();
        Map<String, Integer> who = new LinkedHashMap<>();
        mine.forEach(a -> a.actors().forEach(r -> who.merge(r.actor().name(), 1, Integer::sum)));
        List<String> actors = who.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).collect(Collectors.toList());
        return new Response.OpgaveCard(opgave, lead, dated, actors);
    }

    private static boolean dated(Deadline d) {
        return d.kind() != Deadline.Kind.RECURRING;
    }

    /** Current deadlines (running, upcoming) before passed ones. */
    private static int rank(Agreement a, LocalDate today) {
        return a.deadlines().stream().filter(OpgaveCards::dated).anyMatch(d -> d.status(today) != DeadlineStatus.PASSED) ? 0 : 1;
    }

    private static LocalDate firstDate(Agreement a, LocalDate today) {
        boolean current = rank(a, today) == 0;
        return a.deadlines().stream().filter(OpgaveCards::dated)
                .filter(d -> !current || d.status(today) != DeadlineStatus.PASSED)
                .map(Deadline::end).min(Comparator.naturalOrder()).orElse(LocalDate.MAX);
    }

    private static String firstSentences(String text) {
        List<Sentences.Span> spans = Sentences.split(text);
        if (spans.isEmpty()) {
            return text.strip();
        }
        Sentences.Span last = spans.get(Math.min(AMBITION_SENTENCES, spans.size()) - 1);
        return text.substring(spans.getFirst().start(), last.end()).strip();
    }
}
