package nl.ibp.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.ibp.analysis.IbpAnalyzer;
import nl.ibp.analysis.Synonyms;
import nl.ibp.analysis.AnalyzedTerms;
import nl.ibp.search.QuestionType;
import org.junit.jupiter.api.Test;

class AnswerSentenceTest {

    private static final IbpAnalyzer ANALYZER = IbpAnalyzer.forQuery(Synonyms.none());
    private static final Function<String, List<String>> TERMS = t -> AnalyzedTerms.of(ANALYZER, t);

    /** {@code parts}: the compound parts the engine adds at half weight ("regio" of "krimpregio's"). */
    private static String pick(String question, String passage, String... parts) {
        return pick(question, passage, Set.of(), parts).span().of(passage);
    }

    private static AnswerSentence.Pick pick(String question, String passage, Set<String> heading, String... parts) {
        java.util.Map<String, Double> wanted = new java.util.HashMap<>();
        for (String part : parts) {
            wanted.put(part, 0.5);
        }
        TERMS.apply(question).forEach(t -> wanted.put(t, 1.0));
        QuestionType type = QuestionType.of(question);
        AnswerSentence.Pick now = AnswerSentence.pick(wanted, type, passage, List.of(), TERMS, heading, Set.of());
        // The terms the index stores per sentence must give the same answer as analysing now.
        List<List<String>> stored = AnalyzedTerms.perSentence(ANALYZER, passage).lines()
                .map(l -> l.isEmpty() ? List.<String>of() : List.of(l.split(" "))).toList();
        assertEquals(now, AnswerSentence.pick(wanted, type, passage, stored, t -> {
            throw new AssertionError("stored terms fit: no analysis at question time");
        }, heading, Set.of()));
        return now;
    }

    @Test
    void aWhenQuestionPrefersTheSentenceWithADate() {
        String passage = "Gemeenten maken een planning voor aardgasvrije wijken. De planning moet uiterlijk in 2021 klaar zijn.";
        assertEquals("De planning moet uiterlijk in 2021 klaar zijn.", pick("Wanneer moet de planning klaar zijn?", passage));
    }

    @Test
    void aHowManyQuestionPrefersTheSentenceWithANumber() {
        String passage = "Nederland kent krimpregio's aan de randen van het land. Het gaat om 20 regio's.";
        assertEquals("Het gaat om 20 regio's.", pick("Hoeveel krimpregio's zijn er?", passage, "regio"));
        // A number in a sentence that shares nothing with the question answers nothing.
        assertEquals("Nederland kent krimpregio's aan de randen van het land.", pick("Hoeveel krimpregio's zijn er?", passage));
    }

    @Test
    void aMoneyQuestionWantsMoneyNotAnyNumber() {
        String passage = "In 2020 zijn Rijk en 43 centrumgemeenten de aanpak van dakloosheid gestart. "
                + "Voor 2020 en 2021 is € 200 miljoen extra beschikbaar voor de aanpak.";
        assertEquals("Voor 2020 en 2021 is € 200 miljoen extra beschikbaar voor de aanpak.",
                pick("Hoeveel geld is er voor de aanpak van dakloosheid?", passage));
        assertEquals("In 2020 zijn Rijk en 43 centrumgemeenten de aanpak van dakloosheid gestart.",
                pick("Hoeveel centrumgemeenten doen mee aan de aanpak van dakloosheid?", passage), "a count is a number");
    }

    @Test
    void aReasonGivenInTheSentenceBeforeADaardoorComesWithIt() {
        String passage = "Het geld voor de opvang is incidenteel. Daardoor moeten gemeenten projecten stoppen. "
                + "Het besluit is aan een nieuw kabinet.";
        assertEquals("Het geld voor de opvang is incidenteel. Daardoor moeten gemeenten projecten stoppen.",
                pick("Waarom moeten gemeenten projecten stoppen?", passage));
        assertEquals("Daardoor moeten gemeenten projecten stoppen.",
                pick("Wie moeten projecten stoppen?", passage), "only a reason is read back");
    }

    @Test
    void aDefinitionIsTheSentenceWhoseSubjectIsAskedNotOneOpeningWithAPreposition() {
        String passage = "Voor de berekening van het accres wordt de grondslag van het vorige jaar genomen. "
                + "Het accres is het product van de grondslag en de groei van de rijksuitgaven.";
        assertEquals("Het accres is het product van de grondslag en de groei van de rijksuitgaven.",
                pick("Wat is het accres?", passage));
    }

    @Test
    void aHowQuestionIsAnsweredByWhatItIsOrByWhoActs() {
        String computed = "Voor de berekening van het accres wordt de grondslag van het vorige jaar genomen. "
                + "Het accres is het product van de grondslag en de groei.";
        assertEquals("Het accres is het product van de grondslag en de groei.",
                pick("Hoe wordt het accres berekend?", computed));
        String prevented = "Te veel mensen vallen na detentie terug in de criminaliteit. "
                + "Het Rijk verbetert daarom de sanctie-uitvoering en gemeenten verbeteren de begeleiding na detentie.";
        assertEquals("Het Rijk verbetert daarom de sanctie-uitvoering en gemeenten verbeteren de begeleiding na detentie.",
                pick("Hoe wordt terugval na detentie voorkomen?", prevented));
    }

    @Test
    void aWhoQuestionPrefersTheSentenceNamingAnActor() {
        String passage = "Het Klimaatakkoord is ambitieus. Het komt tot stand onder regie van de minister van EZK.";
        assertEquals("Het komt tot stand onder regie van de minister van EZK.", pick("Wie voert de regie over het Klimaatakkoord?", passage));
    }

    @Test
    void sharedWordsDecideOtherwiseAndListMarkersAreLeftOut() {
        String passage = "Specifieke onderdelen zijn:\n- Landelijke afspraken met grote uitvoerders zoals UWV en SVB.\n- Schuldhulpverlening verbeteren.";
        assertEquals("Landelijke afspraken met grote uitvoerders zoals UWV en SVB.",
                pick("Welke grote uitvoerders doen mee?", passage));
    }

    @Test
    void aListLabelIsNoAnswerToHowMuch() {
        String passage = "1) Er wordt een fonds gevormd voor gemeenten met tekorten in het sociaal domein. "
                + "In 2018 zal dat fonds € 200 miljoen bedragen.";
        assertEquals("In 2018 zal dat fonds € 200 miljoen bedragen.",
                pick("Hoeveel geld krijgt het fonds voor tekorten in het sociaal domein?", passage));
    }

    @Test
    void ofTwoEqualWhenSentencesTheOneNamingTheLaterDateWins() {
        String passage = "Op 27 maart heb ik laten weten dat de wet niet op 1 januari 2021 in werking kan treden. "
                + "Ik heb besloten dat de wet op 1 januari 2022 in werking treedt, in plaats van 1 januari 2021.";
        assertEquals("Ik heb besloten dat de wet op 1 januari 2022 in werking treedt, in plaats van 1 januari 2021.",
                pick("Wanneer treedt de wet in werking?", passage));
    }

    @Test
    void aWhyQuestionWantsAReasonUnlessTheHeadingGivesIt() {
        String passage = "Dat heeft minister Knops de Kamer laten weten over de herijking. "
                + "De minister noemt zorgvuldigheid als reden om de herijking te verschuiven.";
        assertEquals("De minister noemt zorgvuldigheid als reden om de herijking te verschuiven.",
                pick("Waarom heeft minister Knops de herijking uitgesteld?", passage));
        String under = "De coronacrisis vraagt veel van de invoering. Het uitstel geeft de invoering een jaar extra.";
        java.util.Map<String, Double> wanted = new java.util.HashMap<>();
        TERMS.apply("Waarom is de invoering uitgesteld?").forEach(t -> wanted.put(t, 1.0));
        AnswerSentence.Pick plain = AnswerSentence.pick(wanted, QuestionType.REASON, under, List.of(), TERMS, Set.of(), Set.of());
        AnswerSentence.Pick headed = AnswerSentence.pick(wanted, QuestionType.REASON, under, List.of(), TERMS, Set.of(),
                Set.of(nl.ibp.passage.Cue.REASON));
        assertTrue(headed.score() > plain.score(), "under 'Waarom uitstel?' every sentence gives the reason: "
                + plain.score() + " vs " + headed.score());
    }

    @Test
    void anOpinionQuestionIsAnsweredByThePositionTaken() {
        String passage = "Wij vinden dat het Rijk de tekorten structureel moet dekken. "
                + "Tegelijk werken gemeenten aan maatregelen om de jeugdzorg beter te organiseren.";
        assertEquals("Wij vinden dat het Rijk de tekorten structureel moet dekken.",
                pick("Wat vindt de VNG van de tekorten in de jeugdzorg?", passage));
    }

    @Test
    void howOftenIsAnsweredByACadence() {
        String passage = "In 2021 stuur ik uw Kamer het ontwerp van het besluit over de invoering. "
                + "Ik blijf de Kamer elk half jaar over de voortgang van de invoering informeren.";
        assertEquals("Ik blijf de Kamer elk half jaar over de voortgang van de invoering informeren.",
                pick("Hoe vaak wordt de Kamer over de invoering geïnformeerd?", passage));
    }

    @Test
    void anAbbreviationIsDefinedWhereItIsSpelledOut() {
        String passage = "In het najaar stuur ik uw Kamer de stand van zaken van het DSO. "
                + "Oefenen met het nieuwe Digitaal Stelsel Omgevingswet (DSO) lukt minder goed.";
        assertEquals("Oefenen met het nieuwe Digitaal Stelsel Omgevingswet (DSO) lukt minder goed.",
                pick("wat is het DSO eigenlijk", passage));
    }

    @Test
    void waardoorAsksForTheCause() {
        String passage = "Als er niets verandert, lopen de kosten de komende jaren verder op. "
                + "De kosten stijgen vooral doordat meer kinderen jeugdhulp krijgen.";
        assertEquals("De kosten stijgen vooral doordat meer kinderen jeugdhulp krijgen.",
                pick("Waardoor lopen de kosten van jeugdzorg op?", passage));
    }

    @Test
    void aYearIsNoAmount() {
        String passage = "Overheden leggen keuzes voor overleg over klimaat vast tot 2030. "
                + "Vier keer per jaar is er een bestuurlijk overleg over klimaat.";
        assertEquals("Vier keer per jaar is er een bestuurlijk overleg over klimaat.",
                pick("Hoe vaak is er overleg over klimaat?", passage));
    }

    @Test
    void aTitleOnlyLocatesTheAnswerAndTheHeadingCountsInTheSentencesUnderIt() {
        String question = "Wat gaan ze doen voor kinderen die tussen wal en schip vallen?";
        String list = "We werken aan deze thema's:\n- 2. *Kinderen die tussen wal en schip vallen*";
        String body = "Sommige jongeren krijgen niet de hulp die nodig is. Er komt daarom een programma Zorg voor Jeugd.";
        Set<String> heading = Set.copyOf(TERMS.apply("Kinderen die tussen wal en schip vallen"));
        AnswerSentence.Pick title = pick(question, list, Set.of());
        AnswerSentence.Pick under = pick(question, body, heading);
        assertTrue(under.score() > title.score(), under + " should beat the bare title " + title);
        // "wat gaan ze doen" asks for a commitment: "Er komt … een programma", not the sentence before it.
        assertEquals("Er komt daarom een programma Zorg voor Jeugd.", under.span().of(body));
    }

    @Test
    void aWhoQuestionPrefersTheSentenceThatGivesARole() {
        String passage = "Voor klimaatadaptatie gebruiken Rijk en gemeenten bestaande structuren. "
                + "De minister van IenW is verantwoordelijk voor klimaatadaptatie.";
        assertEquals("De minister van IenW is verantwoordelijk voor klimaatadaptatie.",
                pick("Wie gaat over klimaatadaptatie?", passage));
    }

    @Test
    void aWhatIsQuestionPrefersTheSentenceThatOpensWithTheSubject() {
        String passage = "IPO en VNG hebben ingezet op een accres met brede koppeling. "
                + "De brede koppeling van de algemene uitkering aan de rijksuitgaven is een grote stap.";
        assertEquals("De brede koppeling van de algemene uitkering aan de rijksuitgaven is een grote stap.",
                pick("Wat is de brede koppeling?", passage));
    }

    @Test
    void aListQuestionPrefersTheLeadInOfTheList() {
        String passage = "Sommige onderwerpen lenen zich voor samenwerking. De geagendeerde onderwerpen zijn:\n"
                + "- a) Problematische schulden\n- b) Toekomstbestendig wonen";
        assertEquals("De geagendeerde onderwerpen zijn:", pick("noem eens de onderwerpen", passage));
    }

    @Test
    void aListQuestionPrefersASentenceThatListsInline() {
        String passage = "De provincies werken met de 5 industrieclusters samen. "
                + "De 5 industrieclusters: Eemsdelta; Noordzeekanaalgebied; Rotterdam-Moerdijk; Zeeland en Chemelot";
        assertEquals("De 5 industrieclusters: Eemsdelta; Noordzeekanaalgebied; Rotterdam-Moerdijk; Zeeland en Chemelot",
                pick("noem de vijf industrieclusters", passage));
        assertTrue(AnswerSentence.holdsList("De geagendeerde onderwerpen zijn:"));
        assertFalse(AnswerSentence.holdsList("Het gaat om: samenwerking."));
    }
}
