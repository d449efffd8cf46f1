package nl.ibp.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The literal gates in front of the cue patterns change no answer, only how much is scanned. */
class CueTest {

    private static Set<Cue> byPatterns(String text) {
        Set<Cue> cues = EnumSet.noneOf(Cue.class);
        for (Cue cue : Cue.values()) {
            if (cue.matchedByPattern(text)) {
                cues.add(cue);
            }
        }
        return cues;
    }

    @Test
    void moneyIsAnAmountInEuros() {
        assertTrue(Cue.moneyIn("Het Rijk stelt € 200 miljoen beschikbaar."));
        assertTrue(Cue.moneyIn("regionale partijen brengen ruim 1,3 miljard in"));
        assertTrue(Cue.moneyIn("een bijdrage van 25 euro per inwoner"));
        assertFalse(Cue.moneyIn("10.000 extra woonplekken"));
        assertFalse(Cue.moneyIn("de 43 centrumgemeenten"));
        assertFalse(Cue.moneyIn("ten hoogste een derde van de kosten"));
    }

    @Test
    void theGatesAgreeWithThePatternsOnEveryLineOfTheShippedCorpusAndOnRandomText() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(texts.size() > 300, "lines: " + texts.size());
        String alphabet = "aeinrstgkodmvwzlpuhjbcfAEGKIPRSVWDN 0123456789%€ſK\u0130ëö.,-";
        String[] words = {"gaan", "ZAL", "Twee", "procent", "Rijk", "rijk", "DG", "zomer", "Zomer", "per jaar", "ſtart", "\u212Aomt",
                "coördineert", "2020", "12 mei", "helft van", "verantwoordelijkheid", "programma's"};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sb.append(random.nextInt(4) == 0 ? words[random.nextInt(words.length)] + " "
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            texts.add(sb.toString());
        }
        int gated = 0;
        for (String text : texts) {
            Set<Cue> expected = byPatterns(text);
            assertEquals(expected, Cue.of(text), text);
            for (Cue cue : Cue.values()) {
                assertEquals(expected.contains(cue), cue.in(text), cue + " in " + text);
            }
            gated += Cue.values().length - expected.size();
        }
        assertTrue(gated > 1000, "texts where some cue is absent: " + gated);
    }

    @Test
    void caseIsIgnoredWhereThePatternIgnoresIt() {
        assertTrue(Cue.ACTION.in("Wij GAAN aan de slag"));
        assertEquals(Cue.ACTION.matchedByPattern("ſtart \u212Aomt"), Cue.ACTION.in("ſtart \u212Aomt")); // long s, Kelvin sign
        assertEquals(Cue.ACTION.matchedByPattern(".ſtart"), Cue.ACTION.in(".ſtart")); // "ſ" folds one way alone, another in a word
        assertTrue(Cue.NUMBER.in("TWEE keer"));
        assertFalse(Cue.ACTOR.in("het rijk der fabelen")); // ACTOR is case-sensitive
        assertTrue(Cue.ACTOR.in("het Rijk"));
        assertFalse(Cue.DATE.in("in de Zomer")); // DATE is case-sensitive too
    }

    @Test
    void aTimeMayBeCountedFromAnEventAndACadenceIsItsOwnCue() {
        assertTrue(Cue.DATE.in("De staatssecretaris evalueert de wet drie jaar na de inwerkingtreding."));
        assertFalse(Cue.DATE.in("De staatssecretaris evalueert de wet na de inwerkingtreding."));
        assertTrue(Cue.FREQUENCY.in("Ik informeer de Kamer elk half jaar."));
        assertTrue(Cue.FREQUENCY.in("Er is 4 keer overleg."));
        assertFalse(Cue.FREQUENCY.in("Ik informeer de Kamer in 2021."));
    }

    @Test
    void aHeadingThatAsksWhyGivesItsPassageTheReasonCue() {
        assertEquals(java.util.Set.of(Cue.REASON), Cue.fromHeading(List.of("Omgevingswet", "Waarom een nieuwe datum")));
        assertEquals(java.util.Set.of(Cue.REASON), Cue.fromHeading(List.of("2. Redenen voor het uitstel")));
        assertEquals(java.util.Set.of(), Cue.fromHeading(List.of("Waarom een nieuwe datum", "Vervolg")),
                "only the heading the passage stands directly under");
        assertTrue(Cue.of("De coronacrisis vraagt veel.", List.of("Waarom uitstel?")).contains(Cue.REASON));
        assertEquals(java.util.Set.of(Cue.OPINION), Cue.fromHeading(List.of("3. Standpunt van de VNG")));
        assertTrue(Cue.OPINION.in("Wij vinden dat het Rijk de tekorten moet dekken."));
        assertFalse(Cue.OPINION.in("Het overleg vindt de komende maanden plaats."), "'vindt … plaats' takes no position");
    }

    @Test
    void theKoepelsOfTheActorCueComeFromTheActorsFileInUse() {
        ActorData shipped = ActorData.current();
        try {
            assertTrue(Cue.ACTOR.in("De VNG stemt in."));
            assertTrue(Cue.ACTOR.in("het IPO en de UvW"));
            assertFalse(Cue.ACTOR.in("De VNGX stemt in.")); // a whole word only
            assertFalse(Cue.ACTOR.in("De VRK stemt in."));

            ActorData.use(ActorData.parse("koepel VRK = Vereniging van Regionale Kernen | VRK\n", "test"));
            assertTrue(Cue.ACTOR.in("De VRK stemt in."));
            assertTrue(Cue.of("Namens de Vereniging van Regionale Kernen.").contains(Cue.ACTOR));
            assertFalse(Cue.ACTOR.in("De VNG stemt in.")); // no longer a koepel of the file in use
            assertTrue(Cue.ACTOR.in("De gemeenten stemmen in.")); // the layers of government stay
        } finally {
            ActorData.use(shipped);
        }
    }
}
