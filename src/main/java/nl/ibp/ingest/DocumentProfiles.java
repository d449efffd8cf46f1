package nl.ibp.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain knowledge for recognising what a document is and who sent it, from the corpus' data
 * files {@code _documentsoorten.txt} (type: phrase | phrase …) and {@code _afzenders.txt}
 * (sender: name | name …). A new kind of document or a new ministry is a data change.
 */
final class DocumentProfiles {

    static final String TYPES_FILE = "_documentsoorten.txt";
    static final String SENDERS_FILE = "_afzenders.txt";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentProfiles.class);

    /** One line of a data file: a name and the phrases that reveal it. */
    record Entry(String name, List<Pattern> phrases) {
    }

    static final DocumentProfiles NONE = new DocumentProfiles(List.of(), List.of());

    private final List<Entry> types;
    private final List<Entry> senders;

    DocumentProfiles(List<Entry> types, List<Entry> senders) {
        this.types = List.copyOf(types);
        this.senders = List.copyOf(senders);
    }

    /** The profiles of a corpus; a missing file gives no entries. */
    static DocumentProfiles load(Path corpusDir) {
        return new DocumentProfiles(entries(corpusDir.resolve(TYPES_FILE)), entries(corpusDir.resolve(SENDERS_FILE)));
    }

    /** The first type, in file order, one of whose phrases the text holds. */
    Optional<String> type(String text) {
        for (Entry e : types) {
            if (e.phrases().stream().anyMatch(p -> p.matcher(text).find())) {
                return Optional.of(e.name());
            }
        }
        return Optional.empty();
    }

    /** The sender whose name occurs first in the text. */
    Optional<String> sender(String text) {
        String best = null;
        int at = Integer.MAX_VALUE;
        for (Entry e : senders) {
            for (Pattern p : e.phrases()) {
                var m = p.matcher(text);
                if (m.find() && m.start() < at) {
                    at = m.start();
                    best = e.name();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Entry> entries(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file.getFileName(), e.getMessage());
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                LOG.warn("{} line {}: no ':' between name and phrases, line ignored", file.getFileName(), i + 1);
                continue;
            }
            List<Pattern> phrases = new ArrayList<>();
            for (String phrase : line.substring(colon + 1).split("\\|")) {
                if (!phrase.isBlank()) {
                    phrases.add(phrase(phrase.strip()));
                }
            }
            entries.add(new Entry(line.substring(0, colon).strip(), phrases));
        }
        return entries;
    }

    /** Whole words, any case, any run of whitespace between words. */
    private static Pattern phrase(String phrase) {
        String[] words = phrase.split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        if (Character.isLetterOrDigit(phrase.codePointAt(phrase.length() - 1))) {
            regex.append("(?![\\p{L}\\p{N}])");
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return types.size() + " types, " + senders.size() + " senders";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
