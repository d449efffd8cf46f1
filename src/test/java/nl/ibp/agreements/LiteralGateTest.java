package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.ibp.passage.Sentences;
import org.junit.jupiter.api.Test;

class LiteralGateTest {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static Set<String> gate(String regex, int flags) {
        return LiteralGate.of(regex, flags).orElseThrow().literals().stream()
                .map(l -> (l.folded() ? "~" : "") + l.text()).collect(Collectors.toSet());
    }

    @Test
    void derivesTheLiteralsEveryMatchContains() {
        assertEquals(Set.of("~koepel"), gate("(?:decentrale\\s+)?koepel(?:s|organisaties|organisatie)?", CI));
        assertEquals(Set.of("~kabinet", "~regering"), gate("kabinet(?:\\s+(?:Rutte|Balkenende))?|regering", CI));
        assertEquals(Set.of("VNG", "Unie van Waterschappen"),
                gate("(?:" + Pattern.quote("Unie van Waterschappen") + "|" + Pattern.quote("VNG") + ")", 0));
        // case-sensitive and -insensitive branches each keep their own comparison
        assertEquals(Set.of("DG", "~directeur-generaal"), gate("(?:DG|(?i:directeur-generaal))\\s+(\\p{Lu}\\p{L}+)", 0));
        // a run of literals across groups is joined: the longest required piece wins
        assertEquals(Set.of("~minister"), gate("ministers?(?!-)", CI));
        assertEquals(Set.of("~overheden", "~overheid"), gate("(?:decentrale|lagere)\\s+overhe(?:den|id)", CI));
        assertEquals(Set.of("Rijk"), gate("Rijk|Rijk(?:s|soverheid)", 0));
        // small classes are their characters
        assertEquals(Set.of("~helft", "~half", "~h1", "~h2"), gate("(?:helft|halfjaar|half\\s+jaar)|(?<h>H[12])", CI));
        assertEquals(Set.of("x"), gate("[^ab]x", 0));
    }

    @Test
    void givesNoGateWhenItCannotBeSure() {
        assertTrue(LiteralGate.of("\\d{4}", 0).isEmpty());          // no literal at all
        assertTrue(LiteralGate.of("(?i)minister", 0).isEmpty());     // flags for the rest: not followed
        assertTrue(LiteralGate.of("(a)\\1", 0).isEmpty());           // back reference
        assertTrue(LiteralGate.of("a|\\s+", 0).isEmpty());           // one branch needs no literal
        assertTrue(LiteralGate.of("x", Pattern.COMMENTS).isEmpty());
    }

    @Test
    void foldsAsUnicodeCaseInsensitiveMatching() {
        assertEquals("financiën", LiteralGate.fold("FINANCIËN"));
        assertEquals("s", LiteralGate.fold("\u017f")); // long s matches s case-insensitively
        Optional<LiteralGate> g = LiteralGate.of("financiën", CI);
        assertTrue(g.orElseThrow().mayMatch("Minister van FINANCIËN", LiteralGate.fold("Minister van FINANCIËN")));
        assertFalse(g.get().mayMatch("Minister van BZK", LiteralGate.fold("Minister van BZK")));
    }

    /** The gate is only a shortcut: on every sentence of the shipped corpus, no trigger that finds is gated away. */
    @Test
    void neverHidesAMatchOfTheLexiconOnTheCorpus() throws IOException {
        ActorLexicon lexicon = ActorLexicon.defaults();
        List<String> sentences = sentences(true);
        int gated = 0;
        int found = 0;
        for (Pattern trigger : lexicon.triggers()) {
            Optional<LiteralGate> gate = LiteralGate.of(trigger.pattern(), trigger.flags());
            if (gate.isEmpty()) {
                continue;
            }
            gated++;
            found += checkNeverHidden(trigger, gate.get(), sentences);
        }
        assertTrue(gated >= lexicon.triggers().size() - 2, gated + " of " + lexicon.triggers().size() + " gated");
        assertTrue(found > 500, "matches: " + found);
    }

    @Test
    void neverHidesAMatchOfADateRuleOnTheCorpus() throws IOException {
        List<String> sentences = sentences(false);
        int gated = 0;
        int found = 0;
        for (Pattern rule : DutchDates.patterns()) {
            Optional<LiteralGate> gate = LiteralGate.of(rule.pattern(), rule.flags());
            if (gate.isPresent()) {
                gated++;
                found += checkNeverHidden(rule, gate.get(), sentences);
            }
        }
        assertTrue(gated >= 10, gated + " of " + DutchDates.patterns().size() + " gated");
        assertTrue(found > 100, "matches: " + found);
    }

    @Test
    void neverHidesAMatchOfARolePatternOnTheCorpus() throws IOException {
        List<String> sentences = sentences(true);
        int gated = 0;
        int found = 0;
        for (Pattern rule : ActorRoles.patterns()) {
            Optional<LiteralGate> gate = LiteralGate.of(rule.pattern(), rule.flags());
            if (gate.isPresent()) {
                gated++;
                // the prefix patterns end at the end of the text: try them on every start of every sentence
                for (String s : sentences) {
                    for (int end = s.indexOf(' '); end > 0; end = s.indexOf(' ', end + 1)) {
                        String head = s.substring(0, end + 1);
                        if (rule.matcher(head).find()) {
                            found++;
                            assertTrue(gate.get().mayMatch(head, LiteralGate.fold(head)), rule + " in: " + head);
                        }
                    }
                }
            }
        }
        assertTrue(gated >= ActorRoles.patterns().size() - 1, gated + " of " + ActorRoles.patterns().size() + " gated");
        assertTrue(found > 100, "matches: " + found);
    }

    private static int checkNeverHidden(Pattern pattern, LiteralGate gate, List<String> sentences) {
        int found = 0;
        for (String s : sentences) {
            if (pattern.matcher(s).find()) {
                found++;
                assertTrue(gate.mayMatch(s, LiteralGate.fold(s)), pattern + " in: " + s);
            }
        }
        return found;
    }

    private static List<String> sentences(boolean normalised) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt") && !f.getFileName().toString().startsWith("_")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Sentences.texts(line).forEach(t -> sentences.add(normalised ? ActorLexicon.normalise(t) : t));
                }
            }
        }
        return sentences;
    }
}
