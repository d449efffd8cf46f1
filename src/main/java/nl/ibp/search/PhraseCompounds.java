package nl.ibp.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compound nouns that a question spells as separate words. Dutch writes a verb phrase apart ("het
 * stelsel treedt in werking", "in werking treden") where a letter writes the noun whole
 * ("inwerkingtreding"); "werk gelegenheid" and "werkgelegenheid" are the same word. Two
 * neighbouring words of the question are joined, with a linking sound ("", "s", "en", "e"), and
 * also with the noun of a verb elsewhere in the question ("treedt", "treden" → "treding"); a
 * join that is a known word (of the index's compound dictionary) is a compound the passages may use.
 * Stateless.
 */
final class PhraseCompounds {

    /** At most this many compounds per question: each becomes a query clause. */
    static final int MAX_CANDIDATES = 24;

    /** A join shorter than this is more likely an accident ("in" + "dien") than a compound. */
    static final int MIN_COMPOUND_LENGTH = 8;

    /** A verb this short has no noun to offer ("is", "gaat"). */
    private static final int MIN_VERB_LENGTH = 5;

    /** Linking sounds between the parts of a Dutch compound, as {@code CompoundDictionary} has them. */
    private static final List<String> LINKS = List.of("", "s", "en", "e");

    /** Nouns made from a verb root: "tred" → "treding", "bouw" → "bouwing" is no word and is not known. */
    private static final List<String> NOUN_SUFFIXES = List.of("ing");

    private PhraseCompounds() {
    }

    /**
     * The compounds of neighbouring words, in question order, without duplicates, at most
     * {@link #MAX_CANDIDATES}.
     *
     * @param words the question's words in order, lower case and folded (stopwords included: the
     *              separable part of a verb is often one, "in", "op", "aan")
     * @param known whether a word is a word of the documents
     */
    static List<String> of(List<String> words, Predicate<String> known) {
        Set<String> own = Set.copyOf(words);
        List<String> verbNouns = new ArrayList<>();
        for (String w : words) {
            verbNouns.addAll(nouns(w));
        }
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i + 1 < words.size() && found.size() < MAX_CANDIDATES; i++) {
            String a = words.get(i);
            String b = words.get(i + 1);
            if (!isWord(a) || !isWord(b) || a.equals(b)) {
                continue;
            }
            for (String link : LINKS) {
                consider(a + link + b, own, known, found);
            }
            for (String noun : verbNouns) {
                if (!noun.startsWith(b) && !noun.startsWith(a)) {
                    consider(a + b + noun, own, known, found);
                }
            }
        }
        return List.copyOf(found).subList(0, Math.min(found.size(), MAX_CANDIDATES));
    }

    private static void consider(String compound, Set<String> own, Predicate<String> known, Set<String> found) {
        if (found.size() < MAX_CANDIDATES && compound.length() >= MIN_COMPOUND_LENGTH
                && !own.contains(compound) && known.test(compound)) {
            found.add(compound);
        }
    }

    private static boolean isWord(String w) {
        if (w.length() < 2) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < 'a' || w.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /**
     * The nouns a verb form may make: the root, less the "t" of the present or the "en" of the
     * infinitive (and the "ge" of a participle), with a long vowel written single before its last consonant as the noun writes it
     * ("treedt" → "treed" → "tred" → "treding"; "treden" → "tred" → "treding").
     */
    static List<String> nouns(String verb) {
        if (verb.length() < MIN_VERB_LENGTH || !isWord(verb)) {
            return List.of();
        }
        Set<String> roots = new LinkedHashSet<>();
        if (verb.endsWith("en") && verb.length() - 2 >= 3) {
            roots.add(verb.substring(0, verb.length() - 2));
        } else if (verb.endsWith("t") && verb.length() - 1 >= 3) {
            roots.add(verb.substring(0, verb.length() - 1));
        } else {
            return List.of();
        }
        for (String root : List.copyOf(roots)) {
            if (root.startsWith("ge") && root.length() - 2 >= 3) {
                roots.add(root.substring(2)); // a participle: "getreden" → "tred"
            }
        }
        for (String root : List.copyOf(roots)) {
            roots.add(singleVowel(root));
        }
        List<String> nouns = new ArrayList<>();
        for (String root : roots) {
            for (String suffix : NOUN_SUFFIXES) {
                nouns.add(root + suffix);
            }
        }
        return nouns;
    }

    /** "treed" → "tred", "maak" → "mak": a doubled vowel before a final consonant, written single. */
    private static String singleVowel(String root) {
        int n = root.length();
        if (n >= 3 && isVowel(root.charAt(n - 2)) && root.charAt(n - 2) == root.charAt(n - 3) && !isVowel(root.charAt(n - 1))) {
            return root.substring(0, n - 2) + root.substring(n - 1);
        }
        return root;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'o' || c == 'u';
    }
}
