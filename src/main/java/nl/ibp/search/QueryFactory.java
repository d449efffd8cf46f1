package nl.ibp.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.analysis.CompoundDictionary;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.index.IndexFields;
import nl.ibp.passage.Opgaven;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a question into a Lucene query. The question is analysed, never parsed: {@code AND},
 * quotes, brackets, {@code *} and {@code ~} are just characters. Evidence is summed over the
 * stemmed text, the decompounded text, the heading path, and pairs of neighbouring question
 * words that stand close together in the passage.
 */
final class QueryFactory {

    /** Longer input is cut here: a question is a sentence or two, and every word costs clauses. */
    static final int MAX_QUESTION_CHARS = 1000;

    private final Analyzer analyzer;
    private final Analyzer withSynonyms;
    private final Analyzer plain;
    private final Analyzer parts;
    private final Analyzer surface;
    private final CompoundDictionary dictionary;
    private final Ranking ranking;

    QueryFactory(Synonyms synonyms, CompoundDictionary dictionary, Ranking ranking) {
        // The parts field meets compounds with their parts ("fonds" meets "gemeentefonds"); the
        // question's compounds also meet a passage's words through their modifier and head
        // (compoundParts), each counted with its own rarity.
        Analyzer analyzer = new PerFieldAnalyzerWrapper(IbpAnalyzer.forQuery(synonyms),
                Map.of(IndexFields.PARTS, IbpAnalyzer.forQueryDecompounding(synonyms, dictionary)));
        this.analyzer = analyzer;
        this.withSynonyms = analyzer;
        this.plain = IbpAnalyzer.forQuery(Synonyms.none());
        this.parts = IbpAnalyzer.forQueryDecompounding(Synonyms.none(), dictionary);
        this.surface = IbpAnalyzer.forWords();
        this.dictionary = dictionary;
        this.ranking = ranking;
    }

    /** The query, or an empty BooleanQuery (matching nothing) when no content word is left. */
    Query build(String question) {
        String asked = question.length() > MAX_QUESTION_CHARS ? question.substring(0, MAX_QUESTION_CHARS) : question;
        QuestionType type = QuestionType.of(asked);
        String q = QuestionType.content(asked);
        QueryBuilder builder = new OwnWordsEachCount(analyzer, Set.copyOf(terms(asked)));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        add(query, builder.createBooleanQuery(IndexFields.BODY, q), ranking.body());
        add(query, builder.createBooleanQuery(IndexFields.PARTS, q), ranking.parts());
        for (String part : compoundParts(q)) {
            add(query, new TermQuery(new Term(IndexFields.PARTS, part)), ranking.compoundPart());
        }
        for (String compound : phraseCompounds(q)) {
            add(query, new TermQuery(new Term(IndexFields.BODY, compound)), ranking.body());
        }
        add(query, builder.createBooleanQuery(IndexFields.HEADING, q), ranking.heading());
        add(query, builder.createBooleanQuery(IndexFields.SUBJECT, q), ranking.subject());
        Opgaven.mentionedIn(q).ifPresent(o -> add(query, IntField.newExactQuery(IndexFields.OPGAVE, o.number()), ranking.opgave()));
        type.cue().ifPresent(cue ->
                add(query, new TermQuery(new Term(IndexFields.CUES, cue.name())), ranking.cue()));
        List<String> terms = terms(q);
        for (int i = 0; i + 1 < terms.size() && ranking.proximity() > 0; i++) {
            if (!terms.get(i).equals(terms.get(i + 1))) {
                add(query, new PhraseQuery(ranking.slop(), IndexFields.BODY, terms.get(i), terms.get(i + 1)),
                        ranking.proximity());
            }
        }
        return query.build();
    }

    private static void add(BooleanQuery.Builder query, Query clause, float weight) {
        if (clause != null && weight > 0) {
            query.add(new BoostQuery(clause, weight), BooleanClause.Occur.SHOULD);
        }
    }

    /**
     * The stemmed compounds the question spells as separate words ({@link PhraseCompounds}) that are
     * no term of the question already: "treedt … in werking" gives "inwerkingtred" for a passage on
     * the "inwerkingtreding".
     */
    List<String> phraseCompounds(String question) {
        Set<String> own = new HashSet<>(terms(question));
        Set<String> stems = new LinkedHashSet<>();
        for (String compound : PhraseCompounds.of(AnalyzedTerms.of(surface, question), dictionary::contains)) {
            for (String stem : AnalyzedTerms.of(plain, compound)) {
                if (!own.contains(stem)) {
                    stems.add(stem);
                }
            }
        }
        return List.copyOf(stems);
    }

    /**
     * The stemmed modifiers and heads of the question's compounds ({@link CompoundDictionary#split})
     * that are no term of the question already: "ondermijningsgeld" gives "ondermijn" and "geld",
     * so that a passage about the "ondermijningsfonds" is found.
     */
    List<String> compoundParts(String question) {
        Set<String> own = new HashSet<>(terms(question));
        Set<String> parts = new LinkedHashSet<>();
        for (String word : AnalyzedTerms.of(surface, question)) {
            if (IbpAnalyzer.isQueryStopword(word)) {
                continue;
            }
            for (String part : dictionary.split(word)) {
                for (String stem : AnalyzedTerms.of(plain, part)) {
                    if (!own.contains(stem)) {
                        parts.add(stem);
                    }
                }
            }
        }
        return List.copyOf(parts);
    }

    /**
     * Lucene requires every word of a path of several words in a synonym graph: with "elektrische
     * auto => elektrische auto, emissievrije auto", a passage on "laadinfrastructuur voor elektrische
     * voertuigen" gains nothing from "elektrische". The path of the user's own words is no synonym:
     * each of its words counts on its own, as every other word of the question does. The other
     * paths ("emissievrije auto", "interprovinciaal overleg" for "IPO") stay whole: one of their
     * words alone ("overleg") is not what the user said. One per query: it knows the question's words.
     */
    private static final class OwnWordsEachCount extends QueryBuilder {
        private final Set<String> own;

        OwnWordsEachCount(Analyzer analyzer, Set<String> own) {
            super(analyzer);
            this.own = own;
            setAutoGenerateMultiTermSynonymsPhraseQuery(false);
        }

        @Override
        protected Query createFieldQuery(TokenStream source, BooleanClause.Occur operator,
                                         String field, boolean quoted, int phraseSlop) {
            CachingTokenFilter path = new CachingTokenFilter(source);
            CharTermAttribute term =
                    path.addAttribute(CharTermAttribute.class);
            boolean ownWords = true;
            try {
                path.reset();
                while (path.incrementToken()) {
                    ownWords &= own.contains(term.toString());
                }
                path.reset();
            } catch (IOException e) {
                throw new UncheckedIOException("analysing a question in memory cannot fail", e);
            }
            return super.createFieldQuery(path, ownWords ? BooleanClause.Occur.SHOULD : operator, field, quoted, phraseSlop);
        }
    }

    List<String> terms(String question) {
        return AnalyzedTerms.of(plain, QuestionType.content(question));
    }

    /** The question's terms with the parts of its compounds ("tekortenfonds" also gives "tekort", "fonds"). */
    List<String> partTerms(String question) {
        return AnalyzedTerms.of(parts, QuestionType.content(question));
    }

    /** The question's terms with their synonyms ("van het gas af" also gives "aardgasvrij"). */
    List<String> expandedTerms(String question) {
        return AnalyzedTerms.of(withSynonyms, QuestionType.content(question));
    }
}
