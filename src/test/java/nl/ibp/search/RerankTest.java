package nl.ibp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.passage.Cue;
import nl.ibp.passage.DataFileException;
import nl.ibp.passage.LetterParts;
import nl.ibp.passage.Passage;
import org.junit.jupiter.api.Test;

class RerankTest {

    private static final LetterParts PARTS = LetterParts.defaults();

    private static Hit hit(String doc, String date, float score, String text) {
        return new Hit(new Passage(doc + score, doc, List.of(), OptionalInt.empty(), text, 0),
                new DocumentInfo(doc, doc, Optional.of(LocalDate.parse(date)), "", ""), score, List.of());
    }

    private static List<String> docs(List<Hit> hits) {
        return hits.stream().map(h -> h.document().id()).toList();
    }

    @Test
    void letterBoilerplateIsDemoted() {
        List<Hit> ranked = Rerank.apply("Wanneer gaat de wet in?", List.of(
                hit("a", "2020-01-01", 10, "Datum 10 april 2020 Onderwerp Stand van zaken wet inburgering"),
                hit("a", "2020-01-01", 6, "De wet gaat in op 1 januari 2022.")), PARTS);
        assertEquals("De wet gaat in op 1 januari 2022.", ranked.getFirst().passage().text());
        assertTrue(PARTS.isBoilerplate("Geachte Voorzitter, Hierbij informeer ik u"));
        assertFalse(PARTS.isBoilerplate("Datum van inwerkingtreding is 1 januari 2022."), "one field word is not a header");
        assertFalse(PARTS.isBoilerplate("Met vriendelijke groet, J. Jansen, algemeen directeur"),
                "a signature answers who signed");
    }

    @Test
    void aClearlyNewerDocumentThatAnswersAboutAsWellComesFirst() {
        List<Hit> hits = List.of(hit("oud", "2019-07-03", 10, "De wet gaat in op 1 januari 2021."),
                hit("annex", "2019-07-04", 9.5f, "Bijlage: de wet gaat in op 1 januari 2021."),
                hit("nieuw", "2020-11-11", 8.5f, "De wet gaat in op 1 januari 2022."),
                hit("ver", "2021-01-01", 5, "Iets anders."));
        assertEquals(List.of("nieuw", "oud", "annex", "ver"), docs(Rerank.apply("Per wanneer gaat de wet in?", hits, PARTS)));
        assertEquals(List.of("oud", "annex", "nieuw", "ver"),
                docs(Rerank.apply("Wanneer zou de wet volgens de brief van 2019 ingaan?", hits, PARTS)),
                "a question that names a year or document keeps the order");
        assertEquals(List.of("oud", "annex"), docs(Rerank.apply("Per wanneer gaat de wet in?",
                hits.subList(0, 2), PARTS)), "a letter and its annex a day apart are one set");
    }

    @Test
    void aBadLineInTheLetterPartsFileNamesItsLine() {
        assertEquals("_briefopmaak.txt:2: onbekende soort 'hoofd' (kop of aanhef)",
                assertThrows(DataFileException.class, () -> LetterParts.parse("kop datum\nhoofd x\n", "_briefopmaak.txt"))
                        .getMessage());
    }

    /** A hit with the given stemmed terms as one sentence. */
    private static Hit hit(String doc, String date, float score, String text, String terms) {
        return new Hit(new Passage(doc + score, doc, List.of(), OptionalInt.empty(), text, 0),
                new DocumentInfo(doc, doc, Optional.of(LocalDate.parse(date)), "", ""), score,
                List.of(List.of(terms.split(" "))));
    }

    @Test
    void aNewerHitMustHoldAsMuchOfTheQuestionAndTellSomethingNew() {
        List<String> question = List.of("wetsvoorstel", "vroegsignalering", "kamer");
        Rerank.Rarity rarity = t -> t.equals("kamer") ? 0.5 : 3;
        Hit best = hit("oud", "2018-12-12", 10, "Het wetsvoorstel vroegsignalering gaat in 2019 naar de Kamer.",
                "het wetsvoorstel vroegsignalering gaat in 2019 naar de kamer");
        Hit otherTopic = hit("nieuw", "2020-11-11", 9, "Ik heb uw Kamer gemeld dat de wet later komt.",
                "ik heb uw kamer gemeld dat de wet later komt");
        assertEquals(List.of("oud", "nieuw"), docs(Rerank.apply("Wanneer gaat het wetsvoorstel naar de Kamer?", question,
                rarity, List.of(best, otherTopic), PARTS)), "the newer hit holds less of the question");
        Hit revision = hit("nieuw", "2020-11-11", 9, "Het wetsvoorstel vroegsignalering gaat in 2021 naar de Kamer.",
                "het wetsvoorstel vroegsignalering gaat in 2021 naar de kamer");
        assertEquals(List.of("nieuw", "oud"), docs(Rerank.apply("Wanneer gaat het wetsvoorstel naar de Kamer?", question,
                rarity, List.of(best, revision), PARTS)));
        Hit signed = hit("oud", "2018-02-15", 10, "Met vriendelijke groet, Jantine Kriens, algemeen directeur",
                "met vriendelijk groet jantin kriens algemen directeur");
        Hit initials = hit("nieuw", "2020-03-05", 10, "Met vriendelijke groet, J. Kriens, algemeen directeur",
                "met vriendelijk groet j kriens algemen directeur");
        assertEquals(List.of("oud", "nieuw"), docs(Rerank.apply("Wie is de algemeen directeur?", List.of("algemen", "directeur"),
                t -> 1, List.of(signed, initials), PARTS)), "a newer copy that says less does not go first");
    }

    /** A hit whose sentences have the given stemmed terms, one string per sentence. */
    private static Hit sentences(String doc, String date, float score, String text, String... terms) {
        return new Hit(new Passage(doc + score + text.length(), doc, List.of(), OptionalInt.empty(), text, 0),
                new DocumentInfo(doc, doc, Optional.of(LocalDate.parse(date)), "", ""), score,
                java.util.Arrays.stream(terms).map(t -> List.of(t.split(" "))).toList());
    }

    @Test
    void aHitThatHoldsTheQuestionInOneSentenceWithTheAnswerGoesUp() {
        List<String> question = List.of("deal", "getekend");
        Hit scattered = sentences("brief", "2018-12-12", 10, "De deals zijn klaar. Er is op 1 september 2018 getekend voor iets anders.",
                "deal klar", "er is op 1 septemb 2018 getekend vor iet ander");
        Hit focused = sentences("brief", "2018-12-12", 9.5f, "Het gaat om twaalf voorstellen. De deals worden in het voorjaar van 2019 getekend.",
                "het gat om twaalf voorstell", "de deal word in het voorjar van 2019 getekend");
        assertEquals(1.0, Rerank.focus(focused, question, t -> 1, Optional.of(Cue.DATE)), 1e-6);
        assertEquals(0.5 * (1 - Rerank.CUE_SHARE) + Rerank.CUE_SHARE,
                Rerank.focus(scattered, question, t -> 1, Optional.of(Cue.DATE)), 1e-6);
        assertEquals(List.of(focused, scattered).stream().map(h -> h.passage().text()).toList(),
                Rerank.apply("Wanneer worden de deals getekend?", question, t -> 1, List.of(scattered, focused), PARTS)
                        .stream().map(h -> h.passage().text()).toList());
    }

    @Test
    void ofTheNewestDocumentTheHitHoldingMostOfTheQuestionGoesFirst() {
        List<String> question = List.of("aanvrag", "ingediend", "fonds");
        Rerank.Rarity rarity = t -> t.equals("aanvrag") ? 3 : 1;
        Hit old = sentences("oud", "2018-02-15", 10, "Er is een fonds; moties zijn ingediend.", "er is een fond", "moties zijn ingediend");
        Hit newerFirst = sentences("nieuw", "2018-12-12", 9.5f, "Het wetsvoorstel wordt ingediend bij het fonds.",
                "het wetsvoorstel wordt ingediend bij het fonds");
        Hit newerBetter = sentences("nieuw", "2018-12-12", 8.5f, "Er kwamen 88 aanvragen binnen voor het fonds.",
                "er kwam 88 aanvrag binn vor het fonds");
        List<Hit> ranked = Rerank.apply("Hoeveel aanvragen zijn er ingediend voor het fonds?", question, rarity,
                List.of(old, newerFirst, newerBetter), PARTS);
        assertEquals("Er kwamen 88 aanvragen binnen voor het fonds.", ranked.getFirst().passage().text());
    }
}
