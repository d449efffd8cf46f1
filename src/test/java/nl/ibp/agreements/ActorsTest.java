package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.ibp.agreements.Actor.Type;
import nl.ibp.passage.ActorData;

class ActorsTest {

    /** The responsibilities of a sentence as "name=ROLE" strings, in order. */
    private static List<String> roles(String sentence) {
        return Actors.find(sentence).stream().map(r -> r.actor().name() + "=" + r.role()).toList();
    }

    private static List<String> names(String text) {
        return Actors.mentioned(text).stream().map(Actor::name).toList();
    }

    // ---- the gold sample --------------------------------------------------------------------

    @Test
    void goldRegieOfTheMinisterOfEzk() {
        assertEquals(List.of("minister van EZK=REGIE"),
                roles("Het IBP is versterkend aan het Klimaatakkoord dat tot stand komt onder regie van de minister van EZK."));
        assertEquals(List.of("minister van EZK=REGIE"),
                roles("Het Klimaatakkoord komt tot stand onder regie van de minister van EZK."));
    }

    @Test
    void goldKoepelsTakeTheLead() {
        assertEquals(List.of("IPO=VOORTOUW", "VNG=VOORTOUW", "UvW=VOORTOUW", "Rijk=BETROKKEN"),
                roles("c. IPO, VNG en UvW nemen het voortouw om samen met het Rijk een precieze invulling te geven aan "
                        + "de hierboven genoemde werkstructuur van de integrale regionale energie- en klimaatstrategieën (REKS)."));
    }

    @Test
    void goldChairOfTheStuurgroep() {
        List<String> r = roles("De stuurgroep IBP+ bespreekt deze dwarsverbanden en de integraliteit tussen opgaven "
                + "onder het voorzitterschap van de DG Bestuur en Wonen.");
        assertTrue(r.contains("DG Bestuur en Wonen=VOORZITTER"), r.toString());
        assertTrue(r.contains("stuurgroep IBP+=UITVOERING"), r.toString());
    }

    @Test
    void goldGemeentenVngWorkOnDebtRelief() {
        assertEquals(List.of("gemeenten=UITVOERING", "VNG=UITVOERING"),
                roles("- Gemeenten/VNG zetten zich met name in om de schuldhulpverlening te verbeteren, denk hierbij aan "
                        + "de inzet op verbeteren toegang, verkorten wachttijden."));
    }

    @Test
    void goldGemeentenGetMoreRegie() {
        assertEquals(List.of("gemeenten=REGIE"),
                roles("- De integratie van vluchtelingen die mogen blijven, begint op een zo vroeg mogelijk moment "
                        + "waarbij gemeenten meer regie krijgen."));
        assertEquals(List.of("gemeenten=REGIE"),
                roles("Om dit proces effectiever en efficiënter te laten verlopen krijgen gemeenten meer regie op inburgering."));
        assertEquals(List.of("gemeenten=REGIE"), roles("Gemeenten krijgen meer regie op inburgering."));
    }

    @Test
    void goldStaatssecretarisVanFinancien() {
        assertEquals(List.of("staatssecretaris van Financiën=BETROKKEN"),
                roles("De staatssecretaris van Financiën is betrokken als medefondsbeheerder."));
        assertEquals(List.of("staatssecretaris van Financiën=UITVOERING"),
                roles("De staatssecretaris van Financiën treedt op als medefondsbeheerder."));
    }

    @Test
    void goldAanDeLat() {
        assertEquals(List.of("gemeenten=VERANTWOORDELIJK", "waterschappen=VERANTWOORDELIJK"),
                roles("Gemeenten en waterschappen staan hiervoor aan de lat."));
    }

    // ---- role families ------------------------------------------------------------------------

    @Test
    void regie() {
        assertEquals(List.of("minister van BZK=REGIE"),
                roles("Hiertoe voert de minister van BZK regie over het proces van het Interbestuurlijk programma."));
        assertEquals(List.of("gemeenten=REGIE"), roles("Gemeenten intensiveren de regie over re-integratie van (ex-)gedetineerden."));
        List<String> r = roles("Bij de invulling van de klimaatdoelstellingen voor de gebouwde omgeving ligt een grote rol voor de "
                + "medeoverheden, met een regierol voor gemeenten op het gebied van aardgasvrije buurten en wijken.");
        assertEquals(List.of("gemeenten=REGIE"), r);
        assertEquals(List.of("provincies=REGIE"), roles("De provincie voert de regie over de gebiedsprocessen."));
        assertEquals(List.of("minister van BZK=REGIE"),
                roles("In de Taskforce werken partners samen onder leiding van het ministerie van BZK."));
    }

    @Test
    void voortouw() {
        assertEquals(List.of("Rijk=VOORTOUW", "decentrale overheden=BETROKKEN"),
                roles("- In deze gesprekken neemt het Rijk het voortouw om samen met de medeoverheden een analyse te maken."));
        assertEquals(List.of("koepels=VOORTOUW", "Rijk=BETROKKEN"),
                roles("We zetten ons in voor een nationale aanpak, waarbij de koepels het voortouw nemen om dit samen met "
                        + "het Rijk uit te werken."));
        assertEquals(List.of("VNG=VOORTOUW"), roles("Het voortouw ligt bij de VNG."));
    }

    @Test
    void trekker() {
        assertEquals(List.of("minister van LNV=TREKKER"), roles("De minister van Landbouw, Natuur en Voedselkwaliteit is trekker van deze opgave."));
        assertEquals(List.of("provincies=TREKKER", "IPO=TREKKER"), roles("De provincies en het IPO zijn trekkers van het programma."));
        assertEquals(List.of("minister van IenW=TREKKER"), roles("Trekker is de minister van Infrastructuur en Waterstaat."));
    }

    @Test
    void coordineert() {
        List<String> r = roles("b. De minister van EZK coördineert in nauwe samenwerking met de ministers van LNV en BZK en de "
                + "minister en staatssecretaris van IenW de inhoudelijke inbreng van het Rijk in het Interbestuurlijke programma.");
        assertEquals(List.of("minister van EZK=COORDINEERT", "minister van LNV=BETROKKEN", "minister van BZK=BETROKKEN",
                "minister van IenW=BETROKKEN", "staatssecretaris van IenW=BETROKKEN"), r);
        assertEquals(List.of("minister van JenV=COORDINEERT"),
                roles("Deze governancestructuur functioneert onder coördinatie van JenV."));
        assertEquals(List.of("minister van JenV=COORDINEERT"),
                roles("Deze wet, die onder coördinatie van Justitie en Veiligheid wordt uitgewerkt, is een kapstok."));
    }

    @Test
    void verantwoordelijk() {
        assertEquals(List.of("minister van BZK=VERANTWOORDELIJK"),
                roles("Tevens is de minister van BZK verantwoordelijk voor de ruimtelijke ordening van NL."));
        assertEquals(List.of("minister van IenW=VERANTWOORDELIJK", "minister van IenW=COORDINEERT", "departementen=BETROKKEN",
                        "VNG=BETROKKEN", "IPO=BETROKKEN", "UvW=BETROKKEN"),
                roles("c. De minister van IenW is verantwoordelijk voor klimaatadaptatie en coördineert in nauwe samenwerking "
                        + "met andere betrokken departementen, VNG, IPO en UvW de Nationale Adaptatiestrategie (NAS)."));
        assertEquals(List.of("Rijk=VERANTWOORDELIJK", "decentrale overheden=VERANTWOORDELIJK"),
                roles("- Het Rijk en de decentrale overheden zijn in Nederland samen verantwoordelijk voor gezonde overheidsfinanciën."));
        assertEquals(List.of("provincies=VERANTWOORDELIJK"),
                roles("De problematiek van de veenweiden is (mede) een verantwoordelijkheid van provincies."));
        assertEquals(List.of("decentrale overheden=VERANTWOORDELIJK"),
                roles("Daarmee ontstaat een ruimtelijk beslag waarvoor de democratische verantwoordelijkheid ligt bij decentrale overheden."));
    }

    @Test
    void voorzitter() {
        assertEquals(List.of("minister van BZK=VOORZITTER"), roles("De minister van BZK is voorzitter van de interbestuurlijke regietafel."));
        assertEquals(List.of("minister van BZK=VOORZITTER"),
                roles("Een passende vorm is de Interbestuurlijke regietafel waaraan bewindspersonen en de voorzitters van de "
                        + "koepels plaatsnemen, onder voorzitterschap van de minister van BZK."));
    }

    @Test
    void uitvoering() {
        assertEquals(List.of("Rijk=UITVOERING", "provincies=UITVOERING", "waterschappen=UITVOERING", "gemeenten=UITVOERING"),
                roles("c. Rijk, provincies, waterschappen en gemeenten zullen ook hun maatschappelijk vastgoed klimaatbestendig maken."));
        assertEquals(List.of("kabinet=UITVOERING"), roles("Het kabinet stelt accres beschikbaar aan de decentrale overheden."));
        assertEquals(List.of("provincies=UITVOERING", "gemeenten=UITVOERING", "Rijk=UITVOERING"),
                roles("- Om meer kansen te realiseren starten provincies, gemeenten en het Rijk een project om woonvormen af te stemmen."));
        assertEquals(List.of("Rijk=UITVOERING", "decentrale overheden=UITVOERING"),
                roles("Voor Klimaatadaptatie wordt door Rijk en decentrale overheden gebruikgemaakt van de bestaande werkstructuren."));
        assertEquals(List.of("Rijk=UITVOERING", "gemeenten=UITVOERING"),
                roles("Het Rijk verbetert daarom de sanctie-uitvoering en gemeenten verbeteren de begeleiding."));
        assertEquals(List.of("kabinet=UITVOERING", "VNG=UITVOERING"),
                roles("Het kabinet en de VNG hebben overeenstemming bereikt over de door de gemeenten ervaren tekorten."));
        // an enumeration that goes on with parties that are not actors
        assertEquals(List.of("VNG=UITVOERING", "UvW=UITVOERING", "IPO=UITVOERING", "Rijk=UITVOERING"),
                roles("VNG, UvW, IPO, het Rijk, maar ook de sociale partners en de maatschappelijke organisaties zullen "
                        + "elk voor zich hun inzet bepalen."));
    }

    @Test
    void betrokken() {
        assertEquals(List.of("Rijk=UITVOERING", "VNG=UITVOERING", "gemeenten=BETROKKEN", "provincies=BETROKKEN"),
                roles("- Het Rijk en de VNG ontwikkelen in overleg met een aantal gemeenten een visie op het "
                        + "standplaatsenbeleid, waarbij ook de provincies worden betrokken."));
        assertEquals(List.of("gemeenten=BETROKKEN", "Rijk=UITVOERING"),
                roles("- Samen met onder meer gemeenten en kennisinstellingen wil het Rijk afspraken maken over de aanpak."));
        assertEquals(List.of("Rijk=UITVOERING", "decentrale overheden=BETROKKEN"),
                roles("Deze integrale aanpak organiseert het Rijk op landelijk niveau (in samenspraak met decentrale overheden)."));
        assertEquals(List.of("gemeenten=BETROKKEN"), roles("Gemeenten worden beter betrokken bij de prognoses en planning."));
    }

    @Test
    void inventedSentences() {
        assertEquals(List.of("minister van VWS=VERANTWOORDELIJK"),
                roles("De minister van VWS is eerstverantwoordelijk voor de jeugdzorg."));
        assertEquals(List.of("VNG=COORDINEERT"), roles("De VNG coördineert de inzet van gemeenten."));
        assertEquals(List.of("IPO=TREKKER"), roles("Het IPO treedt op als trekker van het programma vitaal platteland."));
        assertEquals(List.of("staatssecretaris van SZW=TREKKER", "VNG=TREKKER"),
                roles("De staatssecretaris van SZW en de VNG zijn gezamenlijk trekker van de opgave."));
        assertEquals(List.of("provincies=REGIE"), roles("De regie ligt bij de provincies."));
        assertEquals(List.of("minister van BZK=VOORZITTER"),
                roles("Onder voorzitterschap van de minister van Binnenlandse Zaken en Koninkrijksrelaties komt de regietafel bijeen."));
        assertEquals(List.of("minister van IenW=UITVOERING", "UvW=BETROKKEN"),
                roles("Het ministerie van Infrastructuur en Waterstaat werkt samen met de Unie van Waterschappen aan het Deltaprogramma."));
        assertEquals(List.of("VNG=BETROKKEN", "Rijk=UITVOERING"), roles("In samenwerking met de VNG ontwikkelt het Rijk een handreiking."));
        assertEquals(List.of("provincies=UITVOERING", "waterschappen=BETROKKEN", "gemeenten=BETROKKEN"),
                roles("De provincies zetten zich in voor natuurherstel, in nauwe samenwerking met de waterschappen en gemeenten."));
        assertEquals(List.of("gemeenten=UITVOERING"), roles("Gemeenten zijn aan zet bij de warmtetransitie."));
        assertEquals(List.of("Rijk=UITVOERING"), roles("Het Rijk ondersteunt gemeenten bij de uitvoering."));
        assertEquals(List.of(), roles("Er komt een bestuurlijk overleg tussen Rijk en koepels."));
    }

    // ---- normalisation ------------------------------------------------------------------------

    @Test
    void fullMinistryNamesBecomeAbbreviations() {
        assertEquals(List.of("minister van EZK"), names("de minister van Economische Zaken en Klimaat"));
        assertEquals(List.of("minister van EZK"), names("de minister van EZK"));
        assertEquals(List.of("minister van EZK"), names("het ministerie van EZK"));
        assertEquals(List.of("minister van EZK"), names("Dit is een zaak voor EZK."));
        assertEquals(List.of("minister van BZK"), names("De minister van Binnenlandse Zaken en Koninkrijksrelaties K.H. Ollongren"));
        assertEquals(List.of("minister van IenW"), names("de minister van Infrastructuur en Waterstaat"));
        assertEquals(List.of("minister van LNV"), names("de minister van Landbouw, Natuur en Voedselkwaliteit"));
        assertEquals(List.of("minister van Financiën"), names("de minister van Financiën"));
        assertEquals(List.of("minister van SZW"), names("de minister van Sociale Zaken en Werkgelegenheid"));
        assertEquals(List.of("minister van VWS"), names("De minister van Volksgezondheid, Welzijn en Sport H.M. de Jonge"));
        assertEquals(List.of("minister van JenV"), names("de minister van Justitie en Veiligheid"));
        assertEquals(List.of("minister van OCW"), names("de minister van Onderwijs, Cultuur en Wetenschap"));
        assertEquals(List.of("staatssecretaris van Financiën"), names("De staatssecretaris van Financiën M. Snel"));
        assertEquals(List.of("staatssecretaris van SZW"), names("De staatssecretaris van Sociale Zaken en Werkgelegenheid"));
        assertEquals(List.of("minister van IenW", "staatssecretaris van IenW"), names("de minister en staatssecretaris van IenW"));
        assertEquals(List.of("minister van LNV", "minister van BZK"), names("de ministers van LNV en BZK"));
        assertEquals(List.of("minister van JenV", "minister van BZK", "minister van Financiën"),
                names("de ministeries van JenV, BZK en Financiën"));
        assertEquals(List.of("minister van SZW", "minister van JenV", "minister van Financiën"), names("(SZW, J&V, FIN)"));
    }

    @Test
    void ministerTypes() {
        assertEquals(List.of(new Actor("minister van EZK", Type.MINISTERIE)), Actors.mentioned("de minister van EZK"));
        assertEquals(List.of(new Actor("minister voor Rechtsbescherming", Type.MINISTERIE)),
                Actors.mentioned("De minister voor Rechtsbescherming S. Dekker"));
        assertEquals(List.of(new Actor("minister voor Basis- en Voortgezet Onderwijs en Media", Type.MINISTERIE)),
                Actors.mentioned("De minister voor Basis- en Voortgezet Onderwijs en Media A. Slob"));
        assertEquals(List.of(new Actor("minister-president", Type.KABINET)), Actors.mentioned("De minister-president M. Rutte"));
    }

    @Test
    void governmentsAndKoepels() {
        assertEquals(List.of(new Actor("Rijk", Type.RIJK)), Actors.mentioned("het Rijk en de Rijksoverheid"));
        assertEquals(List.of(new Actor("kabinet", Type.KABINET)), Actors.mentioned("het kabinet Rutte III"));
        assertEquals(List.of(new Actor("gemeenten", Type.GEMEENTEN)), Actors.mentioned("de gemeente, gemeentes en gemeenten"));
        assertEquals(List.of(new Actor("provincies", Type.PROVINCIES)), Actors.mentioned("elke provincie"));
        assertEquals(List.of(new Actor("waterschappen", Type.WATERSCHAPPEN)), Actors.mentioned("de waterschappen"));
        assertEquals(List.of(new Actor("decentrale overheden", Type.OTHER)),
                Actors.mentioned("de decentrale overheden en de medeoverheden"));
        assertEquals(List.of(new Actor("VNG", Type.KOEPEL), new Actor("IPO", Type.KOEPEL), new Actor("UvW", Type.KOEPEL)),
                Actors.mentioned("Vereniging van Nederlandse Gemeenten, Interprovinciaal Overleg en Unie van Waterschappen"));
        assertEquals(List.of("koepels", "VNG", "IPO", "UvW"), names("de decentrale koepels, VNG, IPO en UvW"));
        assertEquals(List.of("gemeenten", "VNG"), names("Gemeenten/VNG"));
        assertEquals(List.of("VNG", "kabinet"), names("het VNG-bestuur heeft met het kabinet overeenstemming bereikt"));
    }

    @Test
    void officialsAndBodiesAsWritten() {
        assertEquals(List.of(new Actor("DG Bestuur en Wonen", Type.OTHER)), Actors.mentioned("de DG Bestuur en Wonen"));
        assertEquals(List.of("algemeen directeur"), names("De algemeen directeur"));
        assertEquals(List.of("stuurgroep IBP+", "interbestuurlijke regietafel"),
                names("de stuurgroep IBP+ en de Interbestuurlijke regietafel"));
        assertEquals(List.of("Bestuurlijke Overleg Europa", "minister van BZK", "minister van BZ", "koepels"),
                names("tijdens het periodieke Bestuurlijke Overleg Europa tussen de ministers van BZK, BZ en de koepels"));
    }

    // ---- enumerations and dedup ----------------------------------------------------------------

    @Test
    void enumerationsGiveOneResponsibilityPerActor() {
        assertEquals(3, Actors.find("IPO, VNG en UvW nemen het voortouw.").size());
        assertEquals(4, Actors.find("Het Rijk, de gemeenten, de provincies en de waterschappen geven in dit kader "
                + "gezamenlijk vorm aan een aanpak.").size());
    }

    @Test
    void sameActorAndRoleOnlyOnce() {
        assertEquals(List.of("Rijk=UITVOERING"), roles("Het Rijk gaat investeren en het Rijk gaat ook monitoren."));
        assertEquals(List.of("Rijk"), names("Het Rijk, de Rijksoverheid en het Rijk."));
    }

    // ---- negative cases --------------------------------------------------------------------------

    @Test
    void noActorNoResponsibility() {
        assertEquals(List.of(), Actors.find("De programmastart is op 14 februari."));
        assertEquals(List.of(), Actors.mentioned("De programmastart is op 14 februari."));
        assertEquals(List.of(), Actors.find(""));
        assertEquals(List.of(), Actors.find(null));
        assertEquals(List.of(), Actors.mentioned(null));
    }

    @Test
    void wordsThatOnlyContainAnActorName() {
        assertEquals(List.of(), names("De algemene uitkering uit het gemeentefonds en het provinciefonds."));
        assertEquals(List.of(), names("meer middelen voor het gemeente- en provinciefonds"));
        assertEquals(List.of(), names("de ambities van het Rijksbrede Programma Circulaire Economie"));
        assertEquals(List.of(), names("de rijksuitgaven, de Rijksbegroting en de kabinetsperiode"));
        assertEquals(List.of(), names("een overkoepelende paraplu en de regietafels"));
        assertEquals(List.of(), names("gezonde overheidsfinanciën"));
        assertEquals(List.of(), names("de werkgroep Financiën"));
    }

    @Test
    void actorsWithoutAGoverningRole() {
        String s = "In het sociaal domein zijn per 2015 verantwoordelijkheden van het Rijk naar gemeenten overgegaan.";
        assertEquals(List.of(), Actors.find(s));
        assertEquals(List.of("Rijk", "gemeenten"), names(s));
        assertEquals(List.of(), Actors.find("Voor de samenwerking tussen Rijk, gemeenten, provincies en waterschappen geldt dit."));
        assertEquals(List.of(), Actors.find("Dit geeft gemeenten en provincies meer vrij besteedbaar budget."));
        assertEquals(List.of(), Actors.find("Onderdeel hiervan is een systeem dat gemeenten meer mogelijkheden biedt."));
    }

    @Test
    void negationsGiveNoRole() {
        assertEquals(List.of(), Actors.find("De provincie is niet verantwoordelijk voor de uitvoering."));
        assertEquals(List.of(), Actors.find("Voor het VNG-bestuur was dat niet acceptabel omdat gemeenten niet verantwoordelijk "
                + "kunnen worden gesteld voor het oplossen van problemen."));
        assertEquals(List.of(), Actors.find("Het Rijk hoeft zodoende de tegenvallers niet op te vangen."));
    }

    // ---- the real corpus -----------------------------------------------------------------------

    @Test
    void everySentenceOfTheCorpusIsHandled() throws IOException {
        int sentences = 0;
        int withRoles = 0;
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String sentence : line.split("\\. ")) {
                        List<Responsibility> found = Actors.find(sentence);
                        List<Actor> mentioned = Actors.mentioned(sentence);
                        assertNotNull(found);
                        assertNotNull(mentioned);
                        assertEquals(found, Actors.find(sentence), "deterministic");
                        for (Responsibility r : found) {
                            assertTrue(mentioned.contains(r.actor()), r + " not mentioned in: " + sentence);
                            assertFalse(r.actor().name().isBlank());
                        }
                        sentences++;
                        withRoles += found.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(sentences > 500, "corpus read: " + sentences);
        assertTrue(withRoles > 50, "roles found in " + withRoles + " sentences");
    }

    @Test
    void mentionedOverAWholeDocumentListsEachActorOnce() throws IOException {
        List<Actor> all = Actors.mentioned(Files.readString(Path.of("corpus/programmastart-ibp.txt")));
        assertEquals(all.size(), all.stream().distinct().count());
        for (String name : List.of("Rijk", "gemeenten", "provincies", "waterschappen", "VNG", "IPO", "UvW", "kabinet",
                "minister van BZK", "minister van EZK", "staatssecretaris van Financiën", "DG Bestuur en Wonen",
                "stuurgroep IBP+", "decentrale overheden", "koepels")) {
            assertTrue(all.stream().anyMatch(a -> a.name().equals(name)), name + " missing from " + all);
        }
    }

    // ---- joint actions and the data file -------------------------------------------------------

    @Test
    void jointActionsMakeEveryPartyResponsible() {
        assertEquals(List.of("Rijk=UITVOERING", "VNG=UITVOERING"),
                roles("Rijk en VNG gezamenlijk onderzoeken hoe de uitvoering kan worden versterkt."));
        assertEquals(List.of("Rijk=UITVOERING", "gemeenten=UITVOERING"),
                roles("Rijk en gemeenten leggen elk € 100 miljoen in."));
        assertEquals(List.of("IPO=UITVOERING", "VNG=UITVOERING"),
                roles("IPO en VNG werken de voorstellen samen uit."));
    }

    @Test
    void partiesComeFromTheDataFileSoANewBodyOrMinistryIsAnEditThere() {
        ActorLexicon lexicon = new ActorLexicon(ActorData.parse("""
                # comment
                ministerie KGG = KGG | Klimaat en Groene Groei
                orgaan Kiesraad = Kiesraad
                orgaan uitvoerders = uitvoerders
                kabinet Schoof = Schoof
                """, "_actoren.txt"));
        assertEquals(List.of(new Actor("minister van KGG", Type.MINISTERIE)),
                Actors.mentioned(lexicon, "de minister van Klimaat en Groene Groei"));
        assertEquals(List.of(new Actor("Kiesraad", Type.OTHER)), Actors.mentioned(lexicon, "De Kiesraad"));
        assertEquals(List.of(new Actor("kabinet", Type.KABINET)), Actors.mentioned(lexicon, "het kabinet Schoof"));
        assertEquals(List.of("uitvoerders=UITVOERING"), Actors.find(lexicon, "De uitvoerders zetten de stap in 2025.")
                .stream().map(r -> r.actor().name() + "=" + r.role()).toList(), "a lower-case -s name is plural");
        assertEquals(List.of(), Actors.mentioned(lexicon, "de minister van BZK").stream()
                .filter(a -> a.name().contains("BZK")).toList(), "a ministry not in the file is not known");
    }

    @Test
    void aBadLineInTheActorsFileNamesItsFileAndLine() {
        nl.ibp.passage.DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(
                nl.ibp.passage.DataFileException.class,
                () -> ActorData.parse("koepel VNG = VNG\n\nbestuur X = X\n", "_actoren.txt"));
        assertEquals("_actoren.txt:3: onbekende soort 'bestuur' (ministerie, koepel, orgaan of kabinet)", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(nl.ibp.passage.DataFileException.class,
                () -> ActorData.parse("koepel VNG\n", "_actoren.txt"));
        assertEquals("_actoren.txt:1: verwacht 'soort naam = vorm | vorm', bv. 'koepel VNG = VNG'", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(nl.ibp.passage.DataFileException.class,
                () -> ActorData.parse("orgaan X = *X\n", "_actoren.txt"));
        assertEquals("_actoren.txt:1: '*' (alleen na 'minister van') kan alleen bij een ministerie", e.getMessage());
    }

    // ---- grammar traps of letters as they come ------------------------------------------------

    @Test
    void aPersonalNameMayStandBetweenTheTitleAndItsMinistry() {
        assertEquals(List.of("staatssecretaris van BZK=VERANTWOORDELIJK"),
                roles("Staatssecretaris Knops van BZK is verantwoordelijk voor de uitvoering van de regeling."));
        assertEquals(List.of("minister van IenW=COORDINEERT", "minister van LNV=BETROKKEN"),
                roles("Minister Van Nieuwenhuizen van IenW is coördinerend bewindspersoon en trekt daarbij op met "
                        + "minister Schouten van LNV."));
    }

    @Test
    void aSubjectActingTogetherWithOthersKeepsItsOwnVerbBehindThem() {
        assertEquals(List.of("provincies=UITVOERING", "waterschappen=BETROKKEN", "gemeenten=BETROKKEN"),
                roles("Het geld gaat naar de gebieden, waar provincies samen met waterschappen en gemeenten "
                        + "de versterking van de dijken uitvoeren."),
                "a separable verb (uit|voeren) at the end of the subordinate clause");
        assertEquals(List.of("waterschappen=BETROKKEN"),
                roles("Het geld gaat naar de gebieden, waar bewoners samen met waterschappen de dijken bekijken."),
                "who is not an actor gets nothing; the companion still takes part");
    }

    @Test
    void determinersBeforeAnInvertedSubjectDoNotHideIt() {
        assertEquals(List.of("kabinet=UITVOERING"), roles("Over de hoogte van het accres beslist het komende kabinet."));
        assertEquals(List.of("kabinet=UITVOERING"), roles("Over de verdeling besluit het volgende kabinet."));
    }

    @Test
    void theActorAfterACausativeLaatCarriesOutTheInfinitive() {
        assertEquals(List.of("provincies=UITVOERING"),
                roles("- Laat provincies de regionale kosten zelf bekostigen uit hun eigen middelen."));
        assertEquals(List.of(), roles("Laat gemeenten niet opdraaien voor de kosten."), "a negation gives no role");
    }

    @Test
    void aListItemGoingOnFromALeadInMayHaveItsVerbAtTheEnd() {
        assertEquals(List.of("provincies=UITVOERING"),
                roles("de provincies daarom nog dit jaar een besluit nemen over de regionale verdeling;"),
                "of 'besluit' (noun or verb) and 'nemen' the plural verb agrees with its subject");
        assertEquals(List.of(), roles("- gemeenten met de meicirculaire 2021 worden geïnformeerd over hun uitkomst;"),
                "a passive gives no role");
    }
}
