package nl.ibp.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.agreements.Responsibility;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexLayout;
import nl.ibp.index.Manifest;
import nl.ibp.passage.Opgave;
import nl.ibp.passage.Opgaven;
import nl.ibp.passage.PassageKind;
import nl.ibp.passage.Sentences;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.search.Hit;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.QuestionType;
import nl.ibp.search.Ranking;
import org.apache.lucene.analysis.Analyzer;

/**
 * Answers questions from the index: the best passages, each with the sentence in it that best
 * answers the question. Knows nothing of the terminal or Telegram that show the answer.
 */
public final class AnswerEngine implements AutoCloseable {

    /** A passage in an answer, with the answer sentence marked within its text. */
    public record RankedPassage(int rank, Hit hit, Sentences.Span answer) {
        public String answerText() {
            return answer.of(hit.passage().text());
        }
    }

    /**
     * @param question   what was asked, with the conversation's context when it was read in one
     * @param type       what the question asks for (for an elliptic follow-up: what its context asked)
     * @param opgave     the opgave the question is about, when it can be told
     * @param agreements the tracked agreements that answer a "wanneer" or "wie" question, best first
     * @param passages   the best passages, best first
     * @param lead       the passage whose answer sentence answers best: among the first few, the
     *                   sentence's own match weighs beside the passage's rank
     * @param evidence   how well the best passage covers the question
     */
    public record Answer(Question question, QuestionType type, Optional<Opgave> opgave, List<Agreement> agreements,
                         List<RankedPassage> passages, Optional<RankedPassage> lead, Evidence evidence) {
        public Answer {
            agreements = List.copyOf(agreements);
            passages = List.copyOf(passages);
            java.util.Objects.requireNonNull(lead, "lead");
        }
    }

    /** A follow-up's context counts this much beside the words asked now, in search and in picking the sentence. */
    static final float CONTEXT_WEIGHT = 0.4f;
    /** The lead sentence is sought in this many of the best passages (5, 8 and 10 tried on the development
     * chats and gold questions: 8 and 10 alike, both better than 5); the passages shown stay the best k. */
    static final int LEAD_CANDIDATES = 8;
    /** Being the best passage weighs this many matched question words when the lead sentence is chosen
     * (chosen among 1.5, 3 and 5 on the development chats and gold questions; 5 was best on both). */
    static final double PASSAGE_PRIOR = 5;

    /** The passage a follow-up points back at ("en wie betaalt dat?") counts as the best passage, and this many
     * matched question words more, when the lead sentence is chosen: what was just answered is what the user asks about. */
    static final double ANTECEDENT_PRIOR = 2;

    /** A follow-up with this many words of its own can be judged on them alone. */
    static final int STANDS_ALONE = 4;

    /** At most this many agreements lead an answer: more is a list, not an answer. */
    static final int MAX_AGREEMENTS = 3;

    /** A question word or a leading verb: the turn asks a question of its own, even when it follows up. */
    private static final Pattern ASKS_ITSELF = Pattern.compile(
            "(?iu)\\b(wat|wie|welke?|hoe|waarom|waar|wanneer|hoeveel|mag|mogen|kan|kunnen|moet|moeten|is|zijn|gaat|gaan"
                    + "|wordt|worden|heeft|hebben|doet|doen|komt|komen)\\b");

    private static final Pattern OPGAVE_NUMBER = Pattern.compile("(?i)\\bopgave\\s*(\\d{1,2})\\b");

    /** An agreement with its analysed terms, computed once when the engine opens. */
    private record Tracked(Agreement agreement, Set<String> terms) {
    }

    private final PassageSearcher searcher;
    private final List<Tracked> agreements;
    private final Analyzer terms = IbpAnalyzer.forQuery(Synonyms.none());

    private AnswerEngine(PassageSearcher searcher, List<Agreement> agreements) {
        this.searcher = searcher;
        this.agreements = agreements.stream()
                .map(a -> new Tracked(a, Set.copyOf(AnalyzedTerms.of(terms, a.text())))).toList();
    }

    /** Opens the index and, when it has one, the agreements tracker (read once: it changes only on re-index). */
    public static AnswerEngine open(IndexLayout layout, Ranking ranking) throws IOException {
        PassageSearcher searcher = PassageSearcher.open(layout, ranking);
        try {
            List<Agreement> agreements = List.of();
            if (Files.isRegularFile(layout.root().resolve(AgreementStore.FILE))) {
                try (AgreementStore store = AgreementStore.open(layout.root())) {
                    agreements = store.agreements(OptionalInt.empty());
                }
            }
            return new AnswerEngine(searcher, agreements);
        } catch (SQLException e) {
            searcher.close();
            throw new IOException("reading the agreements database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            searcher.close();
            throw e;
        }
    }

    public static AnswerEngine open(IndexLayout layout) throws IOException {
        return open(layout, Ranking.defaults());
    }

    public Answer ask(String question, int k) throws IOException {
        return ask(Question.of(question), k);
    }

    public Answer ask(Question question, int k) throws IOException {
        String text = question.text();
        Optional<String> context = question.context();
        QuestionType own = QuestionType.of(text);
        // An elliptic follow-up ("en voor klimaatadaptatie?") asks what its context asked.
        QuestionType type = own == QuestionType.OTHER && context.isPresent() && !ASKS_ITSELF.matcher(text).find()
                ? QuestionType.of(context.get()) : own;
        List<String> asked = subjectTerms(text);
        List<String> topic = context.map(this::subjectTerms).orElse(List.of());
        Map<String, Double> wanted = weights(text, asked, topic);
        float contextWeight = context.map(c -> contextWeight(asked.size(), topic.size())).orElse(0f);
        List<Hit> hits = context.isPresent()
                ? searcher.search(text, context.get(), contextWeight, Math.max(k, LEAD_CANDIDATES))
                : searcher.search(text, Math.max(k, LEAD_CANDIDATES));
        hits = withAntecedent(hits, question.antecedent());
        List<RankedPassage> passages = new ArrayList<>();
        Optional<RankedPassage> lead = Optional.empty();
        double bestLead = Double.NEGATIVE_INFINITY;
        // "Huiselijk geweld, wat gaan Rijk en gemeenten daaraan doen?": the subject put in front finds the
        // passage; which of its sentences answers is decided by what is asked after it.
        // "en die challenge, wat is dat?" asks about the subject itself: nothing is asked after it.
        Set<String> fronted = Set.copyOf(frontedSubject(text)
                .filter(f -> !subjectTerms(text.substring(text.indexOf(f) + f.length())).isEmpty())
                .map(this::subjectTerms).orElse(List.of()));
        Map<String, Double> inSentence = new HashMap<>(wanted);
        inSentence.keySet().removeAll(fronted);
        for (Hit hit : hits) {
            List<String> path = hit.passage().headingPath();
            Set<String> heading = path.isEmpty() ? Set.of() : Set.copyOf(AnalyzedTerms.of(terms, path.getLast()));
            AnswerSentence.Pick pick = AnswerSentence.pick(inSentence, type, hit.passage().text(), hit.sentenceTerms(),
                    t -> AnalyzedTerms.of(terms, t), heading);
            RankedPassage ranked = new RankedPassage(passages.size() + 1, hit, pick.span());
            passages.add(ranked);
            boolean antecedent = question.antecedent().filter(hit.passage().id()::equals).isPresent()
                    && leansOn(hit, asked, type);
            double prior = antecedent ? PASSAGE_PRIOR + ANTECEDENT_PRIOR
                    : hits.getFirst().score() > 0 ? PASSAGE_PRIOR * hit.score() / hits.getFirst().score() : 0;
            double score = pick.score() + prior + subjectCredit(fronted, wanted, hit, heading);
            if ((ranked.rank() <= LEAD_CANDIDATES || antecedent) && score > bestLead && answersAs(hit, type)) {
                bestLead = score;
                lead = Optional.of(ranked);
            }
        }
        // The passages shown are the best k; the lead, when it comes from further down, is shown too.
        if (passages.size() > k) {
            Optional<RankedPassage> chosen = lead;
            List<RankedPassage> shown = new ArrayList<>(passages.subList(0, k));
            chosen.filter(l -> l.rank() > k).ifPresent(shown::add);
            passages.clear();
            passages.addAll(shown);
        }
        if (type == QuestionType.SIGNER) {
            Optional<RankedPassage> signature = signature(asked, topic, passages);
            if (signature.isPresent()) { // the signature leads; the passages found follow it
                List<RankedPassage> after = List.copyOf(passages);
                passages.clear();
                passages.add(signature.get());
                after.forEach(p -> passages.add(new RankedPassage(p.rank() + 1, p.hit(), p.answer())));
                lead = signature;
            }
        }
        Optional<Opgave> opgave = opgave(text, passages).or(() -> context.flatMap(Opgaven::mentionedIn));
        String all = context.map(c -> text + " " + c).orElse(text);
        // A follow-up has few words of its own ("en wie betaalt dat?"): its evidence is read with the topic it leans on.
        boolean onAntecedent = lead.map(l -> question.antecedent().filter(l.hit().passage().id()::equals).isPresent())
                .orElse(false);
        return new Answer(question, type, opgave, matchingAgreements(all, type, opgave, passages), passages, lead,
                evidence(all, asked, topic, lead, onAntecedent));
    }

    /** A table row gives numbers and dates; it answers "hoeveel" and "wanneer", never "wat is" or "wie". */
    private static boolean answersAs(Hit hit, QuestionType type) {
        return hit.passage().kind() != PassageKind.TABLE_ROW || type == QuestionType.HOW_MANY || type == QuestionType.WHEN;
    }

    /**
     * Whether a follow-up leans on the passage it points back at: when it says little of its own
     * (fewer than {@link #STANDS_ALONE} words; more is a question of its own: "en mag de raad zelf
     * bepalen wat we met dat extra geld doen?") and the passage holds something of what it asks, one
     * of its words or the kind of answer its question word wants ("en wie betaalt dat?": an actor).
     * "en die challenge, wat is dat?" names something the passage does not hold: it is sought anew.
     */
    private static boolean leansOn(Hit hit, List<String> asked, QuestionType type) {
        if (new HashSet<>(asked).size() >= STANDS_ALONE) {
            return false;
        }
        if (asked.isEmpty() || hit.sentenceTerms().stream().anyMatch(s -> s.stream().anyMatch(asked::contains))) {
            return true;
        }
        return type.cue().filter(c -> c.in(hit.passage().text())).isPresent();
    }

    /** The hits, with the passage a follow-up points back at added at the end when the search did not find it. */
    private List<Hit> withAntecedent(List<Hit> hits, Optional<String> antecedent) throws IOException {
        if (antecedent.isEmpty() || hits.stream().anyMatch(h -> h.passage().id().equals(antecedent.get()))) {
            return hits;
        }
        Optional<Hit> earlier = searcher.byId(antecedent.get());
        if (earlier.isEmpty()) {
            return hits;
        }
        List<Hit> with = new ArrayList<>(hits);
        with.add(earlier.get());
        return with;
    }

    /**
     * The signature block of the letter a "wie heeft … ondertekend?" question is about: the letter
     * whose title, type or kenmerk shares most words with the question (its context counting too),
     * else the letter of the best passage; the newest letter where several fit as well.
     */
    private Optional<RankedPassage> signature(List<String> asked, List<String> topic, List<RankedPassage> found)
            throws IOException {
        Set<String> wanted = new HashSet<>(asked);
        wanted.addAll(topic);
        Optional<String> bestDocument = found.stream().findFirst().map(p -> p.hit().document().id());
        Optional<Hit> best = Optional.empty();
        double bestScore = 0;
        for (Hit h : searcher.passagesOfKind(PassageKind.SIGNATURE)) {
            Set<String> about = new HashSet<>(AnalyzedTerms.of(terms, h.document().title() + " " + h.document().type()
                    + " " + h.document().kenmerk()));
            double score = about.stream().filter(wanted::contains).count()
                    + (bestDocument.filter(h.document().id()::equals).isPresent() ? 0.5 : 0);
            boolean newer = best.isPresent() && score == bestScore && h.document().date().orElse(LocalDate.MIN)
                    .isAfter(best.get().document().date().orElse(LocalDate.MIN));
            if (score > bestScore || newer) {
                bestScore = score;
                best = Optional.of(h);
            }
        }
        return best.map(h -> new RankedPassage(1, h, new Sentences.Span(0, h.passage().text().length())));
    }

    /** A subject put in front of the question: "jeugdzorg: wat gaan ze doen …", "huiselijk geweld, wat …". */
    private static final Pattern FRONTED = Pattern.compile(
            "(?iu)^\\s*([^,:;?.]{3,80}?)\\s*[,:;]\\s*(?=(?:en\\s+)?(?:wat|wie|hoe|wanneer|waarom|welke?|hoeveel|waar|mag|mogen"
                    + "|moet|moeten|kan|kunnen|gaat|gaan|is|zijn|wordt|worden)\\b)");

    static Optional<String> frontedSubject(String question) {
        Matcher m = FRONTED.matcher(question);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The fronted subject's weight, for the part of it the passage (its text or heading) holds. */
    private static double subjectCredit(Set<String> fronted, Map<String, Double> wanted, Hit hit, Set<String> heading) {
        if (fronted.isEmpty()) {
            return 0;
        }
        Set<String> have = new HashSet<>(heading);
        hit.sentenceTerms().forEach(have::addAll);
        return fronted.stream().filter(have::contains).mapToDouble(t -> wanted.getOrDefault(t, 0.0)).sum();
    }

    /** The analysed words of what a question is about: without the words that only ask ("hoe lang", "loopt dat nog"). */
    private List<String> subjectTerms(String question) {
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
    private Map<String, Double> weights(String text, List<String> asked, List<String> context) throws IOException {
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
    private Map<String, Double> idfs(java.util.Collection<String> own) throws IOException {
        Map<String, Double> idf = new HashMap<>();
        List<Double> known = new ArrayList<>();
        for (String t : new java.util.LinkedHashSet<>(own)) {
            double v = searcher.idf(t);
            idf.put(t, v);
            if (searcher.documentFrequency(t) > 0) {
                known.add(v);
            }
        }
        double median = known.isEmpty() ? 1 : known.stream().sorted().toList().get(known.size() / 2);
        for (String t : new java.util.LinkedHashSet<>(own)) {
            if (searcher.documentFrequency(t) == 0) {
                idf.put(t, median);
            }
        }
        return idf;
    }

    private static double cap(Map<String, Double> idf) {
        return idf.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /** How much of what was asked (its own words, weighed by rarity) the best passage and its answer sentence hold. */
    private Evidence evidence(String text, List<String> asked, List<String> topic, Optional<RankedPassage> lead,
                              boolean onAntecedent) throws IOException {
        Set<String> mine = new java.util.LinkedHashSet<>(asked);
        Set<String> own = new java.util.LinkedHashSet<>(asked);
        own.addAll(topic);
        if (lead.isEmpty() || own.isEmpty()) {
            return new Evidence(0, 0, List.of(), List.copyOf(own), own.size(), 0f);
        }
        RankedPassage best = lead.get();
        // What the passage is about includes where it stands: its section and its document.
        Set<String> inPassage = new HashSet<>(AnalyzedTerms.of(terms, best.hit().passage().section() + " "
                + best.hit().document().title() + " " + best.hit().document().type()));
        best.hit().sentenceTerms().forEach(inPassage::addAll);
        if (best.hit().sentenceTerms().isEmpty()) {
            inPassage.addAll(AnalyzedTerms.of(terms, best.hit().passage().text()));
        }
        Set<String> inSentence = new HashSet<>(AnalyzedTerms.of(terms, best.answerText()));
        Map<String, Alternatives> alternatives = alternatives(text, own);
        Map<String, Double> idf = idfs(own);
        // The topic a follow-up leans on counts, but less than what is asked now; fully when the lead is
        // the passage the follow-up points back at (the turn before answered from it).
        for (String t : own) {
            if (!mine.contains(t) && !onAntecedent) {
                idf.put(t, idf.get(t) * CONTEXT_WEIGHT);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String t : mine) {
            if (!alternatives.get(t).known(searcher) && !inPassage.contains(t)) {
                unknown.add(t);
            }
        }
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> missing = own.stream().filter(t -> !alternatives.get(t).in(inPassage))
                .sorted(Comparator.comparingDouble((String t) -> idf.get(t)).reversed()).toList();
        double passage = coverage(own, idf, alternatives, inPassage, total);
        double sentence = coverage(own, idf, alternatives, inSentence, total);
        if (mine.size() >= STANDS_ALONE && mine.size() < own.size()) {
            // A follow-up that says this much itself ("en mag de raad zelf bepalen wat we met dat geld doen?")
            // is answered when what it says is there, whether or not the topic's words are.
            double mineTotal = mine.stream().mapToDouble(idf::get).sum();
            passage = Math.max(passage, coverage(mine, idf, alternatives, inPassage, mineTotal));
            sentence = Math.max(sentence, coverage(mine, idf, alternatives, inSentence, mineTotal));
        }
        return new Evidence(passage, sentence, unknown, missing, own.size(), best.hit().score());
    }

    /**
     * What else counts as a question term being there: the domain synonyms of the word it came
     * from ("woningnood": "woningtekort"), and its compound parts together ("tekortenfonds":
     * "tekort" and "fonds").
     */
    private record Alternatives(String term, Set<String> synonyms, Set<String> parts) {
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

    private Map<String, Alternatives> alternatives(String text, Set<String> own) {
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

    private static double coverage(Set<String> own, Map<String, Double> idf, Map<String, Alternatives> alternatives,
                                   Set<String> have, double total) {
        if (total <= 0) {
            return 0;
        }
        return own.stream().filter(t -> alternatives.get(t).in(have)).mapToDouble(idf::get).sum() / total;
    }

    private static final List<Map.Entry<Pattern, Responsibility.Role>> ROLE_WORDS = List.of(
            Map.entry(Pattern.compile("(?i)verantwoordelijk|aan de lat"), Responsibility.Role.VERANTWOORDELIJK),
            Map.entry(Pattern.compile("(?i)voortouw"), Responsibility.Role.VOORTOUW),
            Map.entry(Pattern.compile("(?i)\\bregie"), Responsibility.Role.REGIE),
            Map.entry(Pattern.compile("(?i)trekker|\\btrekt\\b"), Responsibility.Role.TREKKER),
            Map.entry(Pattern.compile("(?i)co[öo]rdin"), Responsibility.Role.COORDINEERT),
            Map.entry(Pattern.compile("(?i)voorzit"), Responsibility.Role.VOORZITTER));

    /** The role a "wie" question (or a sentence answering one) names, if it names one. */
    static Optional<Responsibility.Role> askedRole(String question) {
        return ROLE_WORDS.stream().filter(e -> e.getKey().matcher(question).find()).map(Map.Entry::getValue).findFirst();
    }

    /** The opgave a question is about: by number ("opgave 6"), by title or alias, else that of the best passage. */
    static Optional<Opgave> opgave(String question, List<RankedPassage> passages) {
        Matcher m = OPGAVE_NUMBER.matcher(question);
        if (m.find() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 10) {
            return Optional.of(Opgaven.byNumber(Integer.parseInt(m.group(1))));
        }
        Optional<Opgave> named = Opgaven.mentionedIn(question);
        if (named.isPresent() || passages.isEmpty()) {
            return named;
        }
        OptionalInt top = passages.getFirst().hit().passage().opgave();
        return top.isPresent() ? Optional.of(Opgaven.byNumber(top.getAsInt())) : Optional.empty();
    }

    /**
     * For a "wanneer" question the agreements with a date, for "wie" those with an actor, of the
     * question's opgave or of the passages found, ranked by the question words they share and by
     * how high their passage ranks. None for other questions.
     */
    private List<Agreement> matchingAgreements(String question, QuestionType type, Optional<Opgave> opgave,
                                               List<RankedPassage> passages) {
        if (type != QuestionType.WHEN && type != QuestionType.WHO) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>(searcher.questionTerms(question));
        Optional<Responsibility.Role> askedFor = askedRole(question);
        Map<String, Integer> rankOfPassage = new HashMap<>();
        passages.forEach(p -> rankOfPassage.putIfAbsent(p.hit().passage().id(), p.rank()));
        record Scored(Agreement agreement, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Tracked tracked : agreements) {
            Agreement a = tracked.agreement();
            boolean fits = type == QuestionType.WHEN ? !a.deadlines().isEmpty() : !a.actors().isEmpty();
            Integer rank = rankOfPassage.get(a.source().passage());
            boolean sameOpgave = opgave.isEmpty() || a.opgave().equals(OptionalInt.of(opgave.get().number()));
            if (!fits || !sameOpgave && rank == null) { // the found passages' own agreements always count
                continue;
            }
            long shared = tracked.terms().stream().filter(wanted::contains).count();
            if (shared == 0 && rank == null) { // in a found passage the context speaks for it ("Per 2019 gaan … over")
                continue;
            }
            // Shared words, the role the question names ("wie is verantwoordelijk"), and how high the
            // agreement's passage ranks all count.
            boolean askedRole = askedFor.isPresent() && a.actors().stream().anyMatch(r -> r.role() == askedFor.get());
            double score = shared + (askedRole ? 2 : 0) + (rank == null ? 0 : 2.0 / rank);
            scored.add(new Scored(a, score));
        }
        // Best match first; where documents say different things about the same subject, the newest first.
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.agreement().source().date().orElse(LocalDate.MIN), Comparator.reverseOrder()));
        double best = scored.isEmpty() ? 0 : scored.getFirst().score();
        // Close to the best, or stated in the best passage itself: where documents disagree (the letter
        // says "in 2020", the Programmastart "per 2019") both are shown, the newest document first.
        return scored.stream()
                .filter(s -> s.score() >= best - 2 || Integer.valueOf(1).equals(rankOfPassage.get(s.agreement().source().passage())))
                .limit(MAX_AGREEMENTS).map(Scored::agreement).toList();
    }

    /** The searcher underneath, for what is not a question: an opgave's passages, a passage by id, spelling. */
    public PassageSearcher searcher() {
        return searcher;
    }

    /** Every tracked agreement, as read when the engine opened. */
    public List<Agreement> agreements() {
        return agreements.stream().map(Tracked::agreement).toList();
    }

    public Manifest manifest() {
        return searcher.manifest();
    }

    @Override
    public void close() throws IOException {
        try (searcher) {
            terms.close();
        }
    }
}
