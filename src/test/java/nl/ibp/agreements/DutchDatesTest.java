package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import nl.ibp.agreements.Deadline.Kind;
import nl.ibp.agreements.Deadline.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DutchDatesTest {

    /** The date of ledenbrief Lbr. 18/004. */
    private static final LocalDate DOC = LocalDate.of(2018, 2, 15);

    /** Asserts that {@code sentence} yields exactly one expression with these properties. */
    private static void one(String sentence, String label, String start, String end, Precision precision, Kind kind) {
        List<Deadline> found = DutchDates.find(sentence, DOC);
        assertEquals(1, found.size(), () -> "in '" + sentence + "': " + found);
        Deadline d = found.get(0);
        assertEquals(label, d.label(), sentence);
        assertEquals(LocalDate.parse(start), d.start(), () -> "start of " + d);
        assertEquals(LocalDate.parse(end), d.end(), () -> "end of " + d);
        assertEquals(precision, d.precision(), () -> "precision of " + d);
        assertEquals(kind, d.kind(), () -> "kind of " + d);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        Met behulp van de stresstesten worden de opgaven uiterlijk in 2019 in beeld gebracht. | uiterlijk in 2019 | 2019-01-01 | 2019-12-31 | YEAR | DEADLINE
        via stresstesten (uiterlijk 2019) en gaan dialogen voeren                             | uiterlijk 2019    | 2019-01-01 | 2019-12-31 | YEAR | DEADLINE
        de inzet dat alle gemeenten uiterlijk in 2021 een planning vaststellen                 | uiterlijk in 2021 | 2021-01-01 | 2021-12-31 | YEAR | DEADLINE
        Voor alle buurten die voor 2030 van het aardgas af gaan is er een plan.                | voor 2030         | 2018-02-15 | 2029-12-31 | YEAR | DEADLINE
        Het plan moet vóór 2020 klaar zijn.                                                    | vóór 2020         | 2018-02-15 | 2019-12-31 | YEAR | DEADLINE
        een akkoord dat leidt tot 49 % CO₂-reductie in 2030.                                   | in 2030           | 2030-01-01 | 2030-12-31 | YEAR | TARGET
        de transitieagenda's worden uitgevoerd om te komen tot een circulair Nederland in 2050. | in 2050          | 2050-01-01 | 2050-12-31 | YEAR | TARGET
        gericht op een energieneutrale voorraad in 2040.                                       | in 2040           | 2040-01-01 | 2040-12-31 | YEAR | TARGET
        De minister zal op basis van deze verkenningen in 2018 een voorstel doen.             | in 2018           | 2018-01-01 | 2018-12-31 | YEAR | TARGET
        Het kabinet streeft naar emissievrije personenauto's vanaf 2030.                       | vanaf 2030        | 2030-01-01 | 2030-12-31 | YEAR | START
        Per 2019 gaan de volgende onderdelen over:                                             | Per 2019          | 2019-01-01 | 2019-12-31 | YEAR | START
        dat met ingang van 2018 de evenredigheid wordt versterkt                               | met ingang van 2018 | 2018-01-01 | 2018-12-31 | YEAR | START
        De systematiek treedt in werking vanaf kalenderjaar 2018.                              | vanaf kalenderjaar 2018 | 2018-01-01 | 2018-12-31 | YEAR | START
        Het systeem bestaat sinds 1994 en werkt goed.                                          | sinds 1994        | 1994-01-01 | 1994-12-31 | YEAR | REFERENCE
        De Omgevingswet wordt m.i.v. 2021 ingevoerd.                                           | m.i.v. 2021       | 2021-01-01 | 2021-12-31 | YEAR | START
        Het Grondstoffenakkoord dat in 2017 is opgesteld.                                      | in 2017           | 2017-01-01 | 2017-12-31 | YEAR | EVENT
        Voor het jaar 2020 gaan Rijk en medeoverheden een nieuw model hanteren.                | Voor het jaar 2020 | 2020-01-01 | 2020-12-31 | YEAR | TARGET
        afspraken met het oog op het streefdoel voor 2030.                                     | voor 2030         | 2030-01-01 | 2030-12-31 | YEAR | TARGET
        Voor 2018 is de verwachting dat de instroom daalt.                                     | Voor 2018         | 2018-01-01 | 2018-12-31 | YEAR | TARGET
        De transitie krijgt richting 2050 verder vorm.                                         | richting 2050     | 2050-01-01 | 2050-12-31 | YEAR | TARGET
        Op basis van een bestuursakkoord (2015) wordt dit gezamenlijk uitgevoerd.              | 2015              | 2015-01-01 | 2015-12-31 | YEAR | REFERENCE
        energieneutraal (met tussenstap 2030)                                                  | 2030              | 2030-01-01 | 2030-12-31 | YEAR | EVENT
        """)
    void yearWithCue(String sentence, String label, String start, String end, Precision precision, Kind kind) {
        one(sentence, label, start, end, precision, kind);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        de ruimte van de medeoverheden in het EMU-saldo voor de jaren 2019 – 2021 (of 2022). | 2019 – 2021 (of 2022) | 2019-01-01 | 2021-12-31 | YEARS | EVENT
        Het regeerakkoord (2017-2021) bevat afspraken.                            | 2017-2021               | 2017-01-01 | 2021-12-31 | YEARS | REFERENCE
        In de periode 2019-2021 wordt het fonds gevuld.                            | In de periode 2019-2021 | 2019-01-01 | 2021-12-31 | YEARS | TARGET
        gemeenten werken in de periode 2019 — 2022 samen                           | in de periode 2019 — 2022 | 2019-01-01 | 2022-12-31 | YEARS | TARGET
        tussen 2019 en 2021 komt er geld bij                                       | tussen 2019 en 2021     | 2019-01-01 | 2021-12-31 | YEARS | EVENT
        De middelen zijn beschikbaar tot en met 2021.                              | tot en met 2021         | 2018-02-15 | 2021-12-31 | YEARS | DEADLINE
        De middelen zijn beschikbaar t/m 2021.                                     | t/m 2021                | 2018-02-15 | 2021-12-31 | YEARS | DEADLINE
        De regeling loopt tot 2030.                                                | tot 2030                | 2018-02-15 | 2029-12-31 | YEARS | DEADLINE
        keuzes vast voor ten minste de periode tot 2030 in omgevingsvisies         | de periode tot 2030     | 2018-02-15 | 2029-12-31 | YEARS | DEADLINE
        Gemeenten maken in de periode tot 2030 de keuzes.                          | in de periode tot 2030  | 2018-02-15 | 2029-12-31 | YEARS | DEADLINE
        sinds de verhoogde asielinstroom 2015-2017 nieuwe werkwijzen               | 2015-2017               | 2015-01-01 | 2017-12-31 | YEARS | EVENT
        in het schooljaar 2018/19 starten de pilots                                | 2018/19                 | 2018-01-01 | 2019-12-31 | YEARS | EVENT
        """)
    void yearRanges(String sentence, String label, String start, String end, Precision precision, Kind kind) {
        one(sentence, label, start, end, precision, kind);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        In het overhedenoverleg op 14 februari 2018 heeft het VNG-bestuur ingestemd.   | 14 februari 2018 | 2018-02-14 | 2018-02-14 | DAY | EVENT
        In de Algemene Ledenvergadering van 27 juni a.s. zal het IBP worden geagendeerd. | 27 juni a.s.   | 2018-06-27 | 2018-06-27 | DAY | EVENT
        De vergadering is op 27 juni.                                                  | 27 juni          | 2018-06-27 | 2018-06-27 | DAY | EVENT
        Dit plan wordt voor 1 mei besproken tussen Rijk en decentrale overheden.       | voor 1 mei       | 2018-02-15 | 2018-05-01 | DAY | DEADLINE
        De agenda's zijn op 10 januari gepresenteerd.                                  | 10 januari       | 2019-01-10 | 2019-01-10 | DAY | EVENT
        Het overleg vond plaats op 10 januari jl.                                      | 10 januari jl.   | 2018-01-10 | 2018-01-10 | DAY | EVENT
        De regeling geldt per 1 januari 2019.                                          | per 1 januari 2019 | 2019-01-01 | 2019-01-01 | DAY | START
        De stukken moeten uiterlijk 15 mrt. 2018 binnen zijn.                          | uiterlijk 15 mrt. 2018 | 2018-03-15 | 2018-03-15 | DAY | DEADLINE
        vergadering op maandag 3 sept. 2018 in Utrecht                                 | maandag 3 sept. 2018 | 2018-09-03 | 2018-09-03 | DAY | EVENT
        Het besluit van 14-02-2018 is gepubliceerd.                                    | 14-02-2018       | 2018-02-14 | 2018-02-14 | DAY | REFERENCE
        Het rapport "Grenzen stimuleren" (september 2017) maakt duidelijk dat           | september 2017   | 2017-09-01 | 2017-09-30 | MONTH | REFERENCE
        Het plan is in juni 2019 klaar.                                                | in juni 2019     | 2019-06-01 | 2019-06-30 | MONTH | TARGET
        Op de Algemene ledenvergadering in juni zal het bestuur de afspraken voorleggen. | in juni        | 2018-06-01 | 2018-06-30 | MONTH | TARGET
        De reactie volgt voor september.                                               | voor september   | 2018-02-15 | 2018-08-31 | MONTH | DEADLINE
        In januari volgt een evaluatie.                                                | In januari       | 2019-01-01 | 2019-01-31 | MONTH | TARGET
        In februari volgt een evaluatie.                                               | In februari      | 2018-02-01 | 2018-02-28 | MONTH | TARGET
        """)
    void daysAndMonths(String sentence, String label, String start, String end, Precision precision, Kind kind) {
        one(sentence, label, start, end, precision, kind);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        Deze ambitie wordt voor de zomer van 2018 uitgewerkt in een actieplan.         | voor de zomer van 2018 | 2018-02-15 | 2018-06-30 | SEASON | DEADLINE
        Het actieplan komt voor de zomer.                                              | voor de zomer    | 2018-02-15 | 2018-06-30 | SEASON | DEADLINE
        In het voorjaar van 2018 is duidelijk hoe de verdere aanpak wordt vormgegeven. | In het voorjaar van 2018 | 2018-03-01 | 2018-05-31 | SEASON | TARGET
        een bestuurlijke weging kan plaatsvinden in het voorjaar/Bestuurlijk Overleg   | in het voorjaar  | 2018-03-01 | 2018-05-31 | SEASON | TARGET
        De evaluatie volgt in het najaar.                                              | in het najaar    | 2018-09-01 | 2018-11-30 | SEASON | TARGET
        De evaluatie volgt in de winter van 2018.                                      | in de winter van 2018 | 2018-12-01 | 2019-02-28 | SEASON | TARGET
        De nota verschijnt na de zomer.                                                | na de zomer      | 2018-09-01 | 2018-11-30 | SEASON | START
        Het kader is eind 2018 gereed.                                                 | eind 2018        | 2018-10-01 | 2018-12-31 | SEASON | TARGET
        Het kader is uiterlijk eind 2018 gereed.                                       | uiterlijk eind 2018 | 2018-10-01 | 2018-12-31 | SEASON | DEADLINE
        Het kader is voor eind 2018 gereed.                                            | voor eind 2018   | 2018-02-15 | 2018-12-31 | SEASON | DEADLINE
        Begin 2019 start de pilot.                                                     | Begin 2019       | 2019-01-01 | 2019-03-31 | SEASON | TARGET
        Medio 2019 volgt de evaluatie.                                                 | Medio 2019       | 2019-05-01 | 2019-08-31 | SEASON | TARGET
        Het rapport komt eind juni.                                                    | eind juni        | 2018-06-21 | 2018-06-30 | MONTH | TARGET
        Het Rijk ontwikkelt in de eerste helft van 2018 de criteria.                   | in de eerste helft van 2018 | 2018-01-01 | 2018-06-30 | HALF_YEAR | TARGET
        In de tweede helft van het jaar volgt de uitvoering.                           | In de tweede helft van het jaar | 2018-07-01 | 2018-12-31 | HALF_YEAR | TARGET
        In de tweede helft van 2019 volgt de uitvoering.                               | In de tweede helft van 2019 | 2019-07-01 | 2019-12-31 | HALF_YEAR | TARGET
        De eerste resultaten komen in Q1 2019.                                         | in Q1 2019       | 2019-01-01 | 2019-03-31 | SEASON | TARGET
        De eerste resultaten komen in het eerste kwartaal van 2019.                    | in het eerste kwartaal van 2019 | 2019-01-01 | 2019-03-31 | SEASON | TARGET
        De eerste resultaten komen in het derde kwartaal.                              | in het derde kwartaal | 2018-07-01 | 2018-09-30 | SEASON | TARGET
        """)
    void seasonsAndHalves(String sentence, String label, String start, String end, Precision precision, Kind kind) {
        one(sentence, label, start, end, precision, kind);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        Partijen spannen zich daartoe de komende drie jaar met mensen en middelen in.  | de komende drie jaar | 2018-02-15 | 2021-02-14 | YEARS | TARGET
        We willen de komende vier jaar merkbaar verschil maken.                        | de komende vier jaar | 2018-02-15 | 2022-02-14 | YEARS | TARGET
        Het Rijk neemt komende jaren een actievere rol op zich.                        | komende jaren        | 2018-02-15 | 2022-02-14 | YEARS | TARGET
        De komende maanden moet lokaal worden nagedacht.                               | De komende maanden   | 2018-02-15 | 2018-08-14 | MONTH | TARGET
        Elke gemeente heeft over 4 jaar een duidelijk beleid.                          | over 4 jaar          | 2022-01-01 | 2022-12-31 | YEAR  | TARGET
        Elke gemeente heeft over vier jaar een duidelijk beleid.                       | over vier jaar       | 2022-01-01 | 2022-12-31 | YEAR  | TARGET
        Het plan is binnen twee jaar klaar.                                            | binnen twee jaar     | 2018-02-15 | 2020-02-14 | YEARS | DEADLINE
        Volgend jaar volgt een evaluatie.                                              | Volgend jaar         | 2019-01-01 | 2019-12-31 | YEAR  | EVENT
        Dit jaar volgt een evaluatie.                                                  | Dit jaar             | 2018-01-01 | 2018-12-31 | YEAR  | EVENT
        Vanaf volgend jaar geldt de nieuwe regeling.                                   | Vanaf volgend jaar   | 2019-01-01 | 2019-12-31 | YEAR  | START
        De afgelopen vijf jaar is veel bereikt.                                        | De afgelopen vijf jaar | 2013-02-15 | 2018-02-15 | YEARS | EVENT
        Het IBP wordt deze kabinetsperiode uitgevoerd.                                 | deze kabinetsperiode | 2017-01-01 | 2021-12-31 | YEARS | TARGET
        gemeenten krijgen in de komende kabinetsperiode een groei van het accres        | in de komende kabinetsperiode | 2017-01-01 | 2021-12-31 | YEARS | TARGET
        """)
    void relative(String sentence, String label, String start, String end, Precision precision, Kind kind) {
        one(sentence, label, start, end, precision, kind);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Vier keer per jaar", "twee keer per jaar", "jaarlijks", "halfjaarlijks", "halfjaarlijkse",
        "elk jaar", "ieder jaar", "maandelijks", "per kwartaal", "eens per jaar", "om de twee jaar", "3 keer per jaar",
        "Eens in de vier jaar"})
    void recurring(String phrase) {
        one(phrase + " vindt een Bestuurlijk Overleg plaats.", phrase, "2018-02-15", "2018-02-15",
                Precision.YEAR, Kind.RECURRING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Er moeten ruim 200.000 woningen per jaar worden geïsoleerd.",
        "Het fonds bedraagt € 5,4 miljard en € 200 miljoen.",
        "Dat leidt tot 49 % minder uitstoot en 21 Mton CO₂-emissiereductie.",
        "² Kamerstukken II, 2015-2016, 24515-336.",
        "³ Kamerstukken II, 2017-2018, 2017Z18330.",
        "(Kamerstukken II 2016/17, 29 911, nr. 167)",
        "Lbr. 18/004",
        "Accresrelevante uitgaven (aru) = A+B\t223.125\t238.188\t252.682",
        "Uitgaven Rijksbegroting\t106.995\t126.574\t139.811",
        "Er zijn ruim 2000 deelnemers en 2030 woningen, nr. 2019.",
        "Het getal 1989 en het getal 2101 zijn geen jaren; 12019 ook niet.",
        "Er wordt een periodiek overleg georganiseerd.",
        "De middelen uit de mei- en septembercirculaire.",
        "De zomer was warm en de tweede helft van de wedstrijd saai.",
        "De komende tijd en de komende periode wordt dat bekeken.",
    })
    void notDates(String sentence) {
        assertEquals(List.of(), DutchDates.find(sentence, DOC), sentence);
    }

    /** Kinds of the dates of a sentence, "label=KIND" in order. */
    private static String kinds(String sentence, LocalDate doc) {
        return DutchDates.find(sentence, doc).stream().map(d -> d.label() + "=" + d.kind()).collect(Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        De opgave is 21 Mton CO₂-reductie in 2030 ten opzichte van 1990.                 | in 2030=TARGET, 1990=REFERENCE
        49 procent minder uitstoot in 2030 (t.o.v. 1990).                                | in 2030=TARGET, 1990=REFERENCE
        Rijk en gemeenten voeren het rapport van januari 2017 uit.                       | januari 2017=REFERENCE
        Dat staat in haar brief van 7 december 2017 aan de Kamer.                        | 7 december 2017=REFERENCE
        De adviesaanvraag dateert van oktober 2017.                                      | oktober 2017=REFERENCE
        De bedragen zijn berekend met cijfers uit 2016 (prijspeil 2017).                 | 2016=REFERENCE, 2017=REFERENCE
        In het sociaal domein zijn sinds 2015 taken overgegaan.                          | sinds 2015=REFERENCE
        Sinds het voorjaar van 2017 werken de partijen samen.                            | Sinds het voorjaar van 2017=REFERENCE
        Het Grondstoffenakkoord is in 2017 vastgesteld.                                  | in 2017=EVENT
        De stukken komen uiterlijk 1 oktober 2018, in plaats van 1 juni 2018.            | uiterlijk 1 oktober 2018=DEADLINE, 1 juni 2018=REPLACED
        De verdeling gaat niet per 1 januari 2019 in, maar een jaar later, per 1 januari 2020. | per 1 januari 2019=REPLACED, per 1 januari 2020=START
        De verdeling gaat niet in 2019 in, maar op 1 januari 2020.                       | in 2019=REPLACED, 1 januari 2020=EVENT
        De invoering wordt niet langer per 1 januari 2019 maar per 1 juli 2019 verwacht. | per 1 januari 2019=REPLACED, per 1 juli 2019=START
        De invoering is verschoven van 1 januari 2019 naar 1 juli 2019.                  | 1 januari 2019=REPLACED, 1 juli 2019=EVENT
        Ik vind inwerkingtreding op 1 juli 2019 niet verantwoord.                        | 1 juli 2019=REPLACED
        Volgens de oorspronkelijke planning zou het advies in december 2018 komen; het komt nu in maart 2019. | in december 2018=REPLACED, in maart 2019=TARGET
        Het regionale plan van 2019 is niet verplicht.                                   | 2019=EVENT
        Gemeenten stellen uiterlijk in 2021 een planning op, voor een CO2-arme gebouwde omgeving in 2050. | uiterlijk in 2021=DEADLINE, in 2050=TARGET
        """)
    void theRoleOfADateComesFromTheWordsAroundIt(String sentence, String expected) {
        assertEquals(expected, kinds(sentence, DOC), sentence);
    }

    @Test
    void aPostponementNamesTheNewDateItselfNotAWindowBeforeIt() {
        one("De concept-RES is uitgesteld tot 1 oktober 2018.", "tot 1 oktober 2018", "2018-10-01", "2018-10-01",
                Precision.DAY, Kind.DEADLINE);
        one("De invoering is uitgesteld tot 2020.", "tot 2020", "2020-01-01", "2020-12-31", Precision.YEAR, Kind.DEADLINE);
        one("De regeling loopt tot 2020.", "tot 2020", "2018-02-15", "2019-12-31", Precision.YEARS, Kind.DEADLINE);
    }

    @Test
    void throughAYearEndsOnItsLastDay() {
        one("te besteden in de jaren 2019 tot en met 2021.", "in de jaren 2019 tot en met 2021", "2019-01-01", "2021-12-31",
                Precision.YEARS, Kind.TARGET);
        one("De middelen zijn er tot en met 2021.", "tot en met 2021", "2018-02-15", "2021-12-31", Precision.YEARS, Kind.DEADLINE);
        one("De regeling loopt t/m 31 december 2023.", "t/m 31 december 2023", "2018-02-15", "2023-12-31", Precision.DAY,
                Kind.DEADLINE);
    }

    @Test
    void referenceYearsAreSkippedButTheLetterDateAfterThemIsNot() {
        List<Deadline> found = DutchDates.find(
                "¹⁰ Kamerstukken II, 2016/17, 29 911, nr. 167 (bij brief d.d. 14 juli 2017)", DOC);
        assertEquals(List.of("14 juli 2017"), found.stream().map(Deadline::label).toList());
        assertEquals(Kind.REFERENCE, found.get(0).kind(), "the date of a letter commits to nothing");
    }

    @Test
    void allExpressionsInOrderAndLongestWins() {
        List<Deadline> found = DutchDates.find("We brengen kwetsbaarheden in beeld via stresstesten (uiterlijk 2019) "
                + "en voeren dialogen (uiterlijk 2019) om te komen tot uitvoeringsagenda's (uiterlijk 2020). "
                + "Vanaf 2020 handelen we klimaatbestendig, in 2050 is Nederland klimaatbestendig.", DOC);
        assertEquals(List.of("uiterlijk 2019", "uiterlijk 2019", "uiterlijk 2020", "Vanaf 2020", "in 2050"),
                found.stream().map(Deadline::label).toList());
    }

    @Test
    void resolutionFollowsTheDocumentDate() {
        LocalDate autumn = LocalDate.of(2018, 9, 10);
        assertEquals(LocalDate.of(2019, 6, 27), DutchDates.find("op 27 juni", autumn).get(0).start());
        assertEquals(LocalDate.of(2019, 6, 30), DutchDates.find("voor de zomer", autumn).get(0).end());
        assertEquals(LocalDate.of(2019, 3, 1), DutchDates.find("in het voorjaar", autumn).get(0).start());
        assertEquals(LocalDate.of(2018, 9, 1), DutchDates.find("in het najaar", autumn).get(0).start());
        assertEquals(LocalDate.of(2022, 1, 1), DutchDates.find("over 4 jaar", LocalDate.of(2018, 12, 31)).get(0).start());
        assertEquals(LocalDate.of(2021, 1, 1), DutchDates.find("deze kabinetsperiode", LocalDate.of(2022, 5, 1)).get(0).start());
    }

    @Test
    void neverNullAndDeterministic() {
        String text = "Uiterlijk in 2021 en voor de zomer, 27 juni a.s. en vier keer per jaar.";
        assertEquals(DutchDates.find(text, DOC), DutchDates.find(text, DOC));
        assertEquals(List.of(), DutchDates.find("", DOC));
    }

    @Test
    void extremeDocumentDatesAndOddInputDoNotThrow() {
        String text = "de komende drie jaar, over 4 jaar, 27 juni, voor de zomer, in het derde kwartaal, deze kabinetsperiode, "
                + "2019 – 2021, 31 april 2019, 29 februari, 00-13-2019, 2100-2101, \u00a0in\u00a02019, (uiterlijk\n2019)";
        for (LocalDate date : List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31))) {
            assertDoesNotThrow(() -> DutchDates.find(text, date));
        }
        List<String> labels = DutchDates.find(text, DOC).stream().map(Deadline::label).toList();
        assertTrue(labels.contains("in\u00a02019"), labels::toString); // no-break spaces count as spaces
        assertTrue(labels.contains("uiterlijk\n2019"), labels::toString);
    }

    // ------------------------------------------------------------------ the real corpus

    private static List<Deadline> corpus(String file, LocalDate date) throws IOException {
        String text = Files.readString(Path.of("corpus", file));
        return assertDoesNotThrow(() -> DutchDates.find(text, date));
    }

    private static void has(List<Deadline> found, String label, int year, Kind kind) {
        assertTrue(found.stream().anyMatch(d -> d.label().equals(label) && d.spans(year) && d.kind() == kind),
                () -> "no " + kind + " '" + label + "' spanning " + year + " in " + found.stream()
                        .map(Deadline::label).collect(Collectors.joining(" | ")));
    }

    @Test
    void realCorpusFindsTheGoldDeadlines() throws IOException {
        List<Deadline> start = corpus("programmastart-ibp.txt", LocalDate.of(2018, 2, 14));
        has(start, "uiterlijk in 2019", 2019, Kind.DEADLINE);  // stresstesten
        has(start, "uiterlijk in 2021", 2021, Kind.DEADLINE);  // planning aardgasvrij
        has(start, "in 2030", 2030, Kind.TARGET);              // 49 % CO₂-reductie
        has(start, "in 2050", 2050, Kind.TARGET);              // circulair Nederland
        has(start, "in 2040", 2040, Kind.TARGET);              // energieneutrale voorraad
        has(start, "vanaf 2030", 2030, Kind.START);            // emissievrije personenauto's
        has(start, "In het voorjaar van 2018", 2018, Kind.TARGET);
        has(start, "Per 2019", 2019, Kind.START);
        has(start, "met ingang van 2018", 2018, Kind.START);
        has(start, "in 2018", 2018, Kind.TARGET);              // prioritaire thema's
        has(start, "vanaf kalenderjaar 2018", 2018, Kind.START);
        has(start, "voor de zomer van 2018", 2018, Kind.DEADLINE);
        has(start, "2019 – 2021 (of 2022)", 2020, Kind.EVENT);
        has(start, "de komende drie jaar", 2020, Kind.TARGET);
        has(start, "over 4 jaar", 2022, Kind.TARGET);
        has(start, "Vier keer per jaar", 2018, Kind.RECURRING);
        has(start, "voor 1 mei", 2018, Kind.DEADLINE);
        assertTrue(start.stream().noneMatch(d -> d.label().contains("2015-2016") || d.label().contains("2017-2018")
                || d.label().contains("2016/17") || d.label().contains("Z18330") || d.label().contains(".")
                && !d.label().contains("a.s.") && !d.label().contains("m.i.v.")), () -> start.toString());

        List<Deadline> letter = corpus("lbr-18-004-stand-van-zaken-ibp.txt", LocalDate.of(2018, 2, 15));
        has(letter, "27 juni a.s.", 2018, Kind.EVENT);
        assertTrue(letter.stream().anyMatch(d -> d.label().equals("27 juni a.s.") && d.start().equals(LocalDate.of(2018, 6, 27))));
        has(letter, "14 februari 2018", 2018, Kind.EVENT);
        assertTrue(letter.stream().noneMatch(d -> d.label().contains("18/004")));
    }

    @Test
    void theCheapGateChangesNoResultOnTheWholeCorpus() throws java.io.IOException {
        int sentences = 0;
        for (String file : List.of("programmastart-ibp.txt", "lbr-18-004-stand-van-zaken-ibp.txt")) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("corpus", file))) {
                for (String sentence : nl.ibp.passage.Sentences.texts(line)) {
                    sentences++;
                    assertEquals(DutchDates.findAll(sentence, DOC), DutchDates.find(sentence, DOC), sentence);
                }
            }
        }
        assertTrue(sentences > 500, "sentences: " + sentences);
    }

    @Test
    void cabinetPeriodsFollowTheElectionsOfTheDataFile() {
        try {
            Elections.use(Elections.parse("# verkiezingen\n2017-03-15\n\n2029-06-06\n", "_verkiezingen.txt"));
            Deadline d = DutchDates.find("deze kabinetsperiode", LocalDate.of(2030, 2, 1)).get(0);
            assertEquals(LocalDate.of(2029, 1, 1), d.start(), "a new election is a line in the file");
            assertEquals(LocalDate.of(2033, 12, 31), d.end());
        } finally {
            Elections.use(Elections.defaults());
        }
        assertEquals(LocalDate.of(2025, 1, 1), DutchDates.find("deze kabinetsperiode", LocalDate.of(2026, 2, 1)).get(0).start(),
                "the bundled file knows the shipped elections");
        assertEquals("_verkiezingen.txt:2: verwacht een datum als jjjj-mm-dd, bv. '2017-03-15'",
                org.junit.jupiter.api.Assertions.assertThrows(nl.ibp.passage.DataFileException.class,
                        () -> Elections.parse("2017-03-15\nmaart 2021\n", "_verkiezingen.txt")).getMessage());
    }
}
