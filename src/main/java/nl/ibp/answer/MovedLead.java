package nl.ibp.answer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.answer.AnswerEngine.RankedPassage;
import nl.ibp.passage.Sentences;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;

/**
 * A "wanneer" lead that a newer document moved gives way to the newer one: when the lead sentence
 * states a tracked agreement that a later letter superseded ("in plaats van 1 juli 2021", "uitgesteld
 * tot"), the sentence of the agreement now in force leads, from its own passage. The older sentence
 * stays among the passages shown. The tracker decides what moved ({@code Supersession}); this
 * follows its marks to the agreement at the end of the chain, and there takes the latest date its
 * passage states (a letter that moves a date recalls the earlier ones beside it).
 */
final class MovedLead {

    /** A chain of moves longer than this is a cycle in the marks, not a history. */
    private static final int MAX_MOVES = 10;

    private final PassageSearcher searcher;
    private final Map<String, Agreement> byId = new HashMap<>();
    /** Each passage's agreements in the tracker's order, so that the same index always gives the same lead. */
    private final Map<String, List<Agreement>> byPassage = new HashMap<>();

    MovedLead(PassageSearcher searcher, List<Agreement> agreements) {
        this.searcher = searcher;
        for (Agreement a : agreements) {
            byId.put(a.id(), a);
            byPassage.computeIfAbsent(a.source().passage(), p -> new ArrayList<>()).add(a);
        }
    }

    private List<Agreement> ofPassage(String passageId) {
        return byPassage.getOrDefault(passageId, List.of());
    }

    /** The lead of the agreement in force when {@code lead} states a superseded one; empty when it does not. */
    Optional<RankedPassage> of(RankedPassage lead, List<RankedPassage> shown) throws IOException {
        String sentence = lead.answerText();
        Optional<Agreement> moved = ofPassage(lead.hit().passage().id()).stream()
                .filter(a -> a.superseded() && (sentence.contains(a.text()) || a.text().contains(sentence.strip())))
                .findFirst();
        Optional<Agreement> current = moved.map(this::endOfChain).filter(a -> a != moved.get()).map(this::latestOfPassage);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String passageId = current.get().source().passage();
        Optional<Hit> hit = shown.stream().map(RankedPassage::hit).filter(h -> h.passage().id().equals(passageId)).findFirst();
        if (hit.isEmpty()) {
            hit = searcher.byId(passageId);
        }
        String text = current.get().text();
        return hit.map(h -> new RankedPassage(1, h, spanOf(h.passage().text(), text)));
    }

    /** The agreement the superseded marks lead to from {@code a}: the last one, which is current. */
    private Agreement endOfChain(Agreement a) {
        Agreement current = a;
        Set<String> seen = new HashSet<>();
        while (current.supersededBy().isPresent() && seen.size() < MAX_MOVES && seen.add(current.id())) {
            Agreement next = byId.get(current.supersededBy().get());
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * A passage that moves a date names the old dates beside the new one ("verschoven van 1 januari
     * 2021 naar 1 juli 2021 … nu 1 januari 2022"): of its current agreements the one with the latest
     * date is in force ({@code a} itself on a tie).
     */
    private Agreement latestOfPassage(Agreement a) {
        Agreement latest = a;
        for (Agreement other : ofPassage(a.source().passage())) {
            if (!other.superseded() && latest(other).isAfter(latest(latest))) {
                latest = other;
            }
        }
        return latest;
    }

    private static LocalDate latest(Agreement a) {
        return a.deadlines().stream().map(Deadline::end).max(LocalDate::compareTo).orElse(LocalDate.MIN);
    }

    /** Where the agreement's text stands in its passage; its first sentence when it cannot be found at all. */
    private static Sentences.Span spanOf(String passage, String statement) {
        int at = passage.indexOf(statement);
        if (at >= 0) {
            return new Sentences.Span(at, at + statement.length());
        }
        // a statement that points back holds the sentence before it too: its own sentence is the last
        List<Sentences.Span> all = Sentences.split(passage);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (statement.contains(all.get(i).of(passage).strip())) {
                return all.get(i);
            }
        }
        return all.isEmpty() ? new Sentences.Span(0, passage.length()) : all.getFirst();
    }
}
