package nl.ibp.answer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.QuestionType;
import org.apache.lucene.analysis.Analyzer;

/**
 * A question's words weighed against the index: what it is about, how rare each of its terms is,
 * how much its context counts, and what else stands for a term (synonyms, compound parts).
 */
final class TermWeighting {

    /** A follow-up's context counts this much beside the words asked now, in search and in picking the sentence. */
    static final float CONTEXT_WEIGHT = 0.4f;

    private final PassageSearcher searcher;
    private final Analyzer terms;

    TermWeighting(PassageSearcher searcher, Analyzer terms) {
        this.searcher = searcher;
        this.terms = terms;
    }

    /** The analysed terms of a text, as a question's words are analysed. */
    List<String> analyzed(String text) {
        return AnalyzedTerms.of(terms, text);
    }

    /** The analysed words of what a question is about: without the words that only ask ("hoe lang", "loopt dat nog"). */
    List<String> subjectTerms(String question) {
        return AnalyzedTerms.of(terms, QuestionType.content(question));
    }

    /**
     * The context counts {@link #CONTEXT_WEIGHT} of the question, less when it has more words than
     * the question: "en die challenge?" after a long question must still be about the challenge;
     * fully when the question has no words of its own.
     */
    static float contextWeight(int asked, int context) {
        if (asked == 0) {
            return 1f; // "en wanneer?": the context is all there is to search with
        }
        float ratio = context == 0 ? 1f : Math.max(0.25f, Math.min(1f, (float) Math.max(asked, 1) / context));
        return CONTEXT_WEIGHT * ratio;
    }

    /**
     * Each question term weighed by how rare it is (its idf over the mean idf of the question's
     * terms, so a question's weights sum to its number of terms); the parts of its compounds
     * ("krimp" and "regio" of "krimpregio's") at half that; a context term at
     * {@link #CONTEXT_WEIGHT} of that; what a synonym of several words gives as its words.
     */
    Map<String, Double> weights(String text, List<String> asked, List<String> context) throws IOException {
        Map<String, Double> idf = idfs(asked);
        for (String t : context) {
            idf.putIfAbsent(t, Math.min(searcher.idf(t), cap(idf)));
        }
        double mean = asked.stream().distinct().mapToDouble(idf::get).average().orElse(1);
        double norm = mean > 0 ? mean : 1;
        float contextWeight = contextWeight(asked.size(), context.size());
        Map<String, Double> wanted = new HashMap<>();
        context.forEach(t -> wanted.put(t, contextWeight * idf.get(t) / norm));
        for (String part : searcher.partTerms(text)) {
            if (!asked.contains(part)) {
                wanted.put(part, 0.5 * Math.min(searcher.idf(part), cap(idf)) / norm);
            }
        }
        asked.forEach(t -> wanted.put(t, idf.get(t) / norm));
        // A word no document contains ("laadpalen") is found through its synonyms ("laadpunten"); they weigh as it does.
        for (String word : text.split("[^\\p{L}\\p{N}'’-]+")) {
            List<String> plain = AnalyzedTerms.of(terms, word);
            if (plain.size() == 1 && asked.contains(plain.getFirst()) && searcher.documentFrequency(plain.getFirst()) == 0) {
                double weight = wanted.get(plain.getFirst());
                searcher.questionTerms(word).forEach(syn -> wanted.putIfAbsent(syn, weight));
            }
        }
        // "van het gas af": the passage says "aardgasvrij"; it weighs as the word it stands for.
        phraseSynonyms(text).forEach((t, syn) -> syn.forEach(x -> wanted.putIfAbsent(x, wanted.getOrDefault(t, 0.0))));
        return wanted;
    }

    /**
     * The idf of each term, where a word no document contains weighs no more than the median of the
     * words they do contain: it is as often a paraphrase ("loopt", "woonwijken") as a sign the
     * question is about something else (names are judged apart, see the conversation's confidence).
     */
    Map<String, Double> idfs(Collection<String> own) throws IOException {
        Map<String, Double> idf = new HashMap<>();
        List<Double> known = new ArrayList<>();
        for (String t : new LinkedHashSet<>(own)) {
            double v = searcher.idf(t);
            idf.put(t, v);
            if (searcher.documentFrequency(t) > 0) {
                known.add(v);
            }
        }
        double median = known.isEmpty() ? 1 : known.stream().sorted().toList().get(known.size() / 2);
        for (String t : new LinkedHashSet<>(own)) {
            if (searcher.documentFrequency(t) == 0) {
                idf.put(t, median);
            }
        }
        return idf;
    }

    private static double cap(Map<String, Double> idf) {
        return idf.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /**
     * What else counts as a question term being there: the domain synonyms of the word it came
     * from ("woningnood": "woningtekort"), and its compound parts together ("tekortenfonds":
     * "tekort" and "fonds").
     */
    record Alternatives(String term, Set<String> synonyms, Set<String> parts) {
        boolean in(Set<String> have) {
            return have.contains(term) || synonyms.stream().anyMatch(have::contains)
                    || !parts.isEmpty() && have.containsAll(parts);
        }

        boolean known(PassageSearcher searcher) throws IOException {
            if (searcher.documentFrequency(term) > 0) {
                return true;
            }
            for (String s : synonyms) {
                if (searcher.documentFrequency(s) > 0) {
                    return true;
                }
            }
            if (parts.isEmpty()) {
                return false;
            }
            for (String p : parts) {
                if (searcher.documentFrequency(p) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether the documents hold the term or one of its alternatives. */
    boolean known(Alternatives alternatives) throws IOException {
        return alternatives.known(searcher);
    }

    /** The {@link Alternatives} of each of the terms {@code own} that {@code text} was analysed into. */
    Map<String, Alternatives> alternatives(String text, Set<String> own) {
        Map<String, Set<String>> synonyms = new HashMap<>();
        Map<String, Set<String>> parts = new HashMap<>();
        phraseSynonyms(text).forEach((t, syn) -> {
            if (own.contains(t)) {
                synonyms.computeIfAbsent(t, x -> new HashSet<>()).addAll(syn);
            }
        });
        for (String word : text.split("[^\\p{L}\\p{N}'’-]+")) {
            List<String> plain = AnalyzedTerms.of(terms, word);
            if (plain.size() != 1 || !own.contains(plain.getFirst())) {
                continue;
            }
            String t = plain.getFirst();
            Set<String> syn = new HashSet<>(searcher.questionTerms(word));
            syn.remove(t);
            synonyms.computeIfAbsent(t, x -> new HashSet<>()).addAll(syn);
            Set<String> p = new HashSet<>(searcher.partTerms(word));
            p.remove(t);
            if (!p.isEmpty()) {
                parts.put(t, p);
            }
        }
        Map<String, Alternatives> out = new HashMap<>();
        for (String t : own) {
            out.put(t, new Alternatives(t, synonyms.getOrDefault(t, Set.of()), parts.getOrDefault(t, Set.of())));
        }
        return out;
    }

    /**
     * What a word stands for through a synonym of several words it is part of: "gas" in "wanneer
     * moeten we van het gas af?" stands for "aardgasvrij" ("van het gas af, aardgasvrij" in the
     * synonyms file). Found as the terms of the whole question's expansion that go when the word goes.
     */
    private Map<String, Set<String>> phraseSynonyms(String text) {
        Set<String> all = new HashSet<>(searcher.questionTerms(text));
        String[] words = text.split("\\s+");
        Set<String> single = new HashSet<>();
        for (String w : words) {
            single.addAll(searcher.questionTerms(w));
        }
        all.removeAll(single);
        Map<String, Set<String>> out = new HashMap<>();
        if (all.isEmpty()) {
            return out;
        }
        for (int i = 0; i < words.length; i++) {
            List<String> plain = AnalyzedTerms.of(terms, words[i]);
            if (plain.size() != 1) {
                continue;
            }
            List<String> rest = new ArrayList<>(List.of(words));
            rest.remove(i);
            Set<String> gone = new HashSet<>(all);
            gone.removeAll(searcher.questionTerms(String.join(" ", rest)));
            if (!gone.isEmpty()) {
                out.computeIfAbsent(plain.getFirst(), x -> new HashSet<>()).addAll(gone);
            }
        }
        return out;
    }
}
