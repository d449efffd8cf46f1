package nl.ibp.passage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The named parties the tracker recognises, as maintainers list them in the corpus'
 * {@code _actoren.txt} ({@link #FILE}): ministries, koepels, other bodies and cabinet names.
 * One party per line, {@code kind name = form | form | ...}; see the file's header for the rules.
 *
 * @param parties     the parties in file order
 * @param fingerprint SHA-256 of the text they were read from: a change invalidates cached extractions
 */
public record ActorData(List<Party> parties, String fingerprint) {

    public static final String FILE = "_actoren.txt";

    /** What kind of party a line lists. */
    public enum Kind {
        MINISTERIE, KOEPEL, ORGAAN, KABINET;

        static Kind of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One party: how users see it and the forms documents write it in.
     *
     * @param forms       the forms as written in the documents
     * @param qualifiedOnly forms (of a ministry) that count only after "minister van"
     */
    public record Party(Kind kind, String name, List<String> forms, Set<String> qualifiedOnly) {
        public Party {
            forms = List.copyOf(forms);
            qualifiedOnly = Set.copyOf(qualifiedOnly);
        }

        /** A lower-case name ending in -s or -en ("fondsbeheerders") is plural. */
        public boolean plural() {
            return name.equals(name.toLowerCase(Locale.ROOT)) && (name.endsWith("s") || name.endsWith("en"));
        }
    }

    public ActorData {
        parties = List.copyOf(parties);
    }

    public List<Party> of(Kind kind) {
        return parties.stream().filter(p -> p.kind() == kind).toList();
    }

    /** The file in use, its bundled copy and how it is read. */
    private static final DataFile<ActorData> DATA = DataFile.required(FILE, ActorData::parse);

    /** The parties in use: the ones installed last (an index run, or opening a generation), or the bundled default. */
    public static ActorData current() {
        return DATA.current();
    }

    public static void use(ActorData data) {
        DATA.use(data);
    }

    /** The copy of the shipped corpus' {@value #FILE} that the build puts in the jar. */
    public static ActorData defaults() {
        return DATA.defaults();
    }

    /** Reads an actors file; a missing one gives the {@link #defaults()}. */
    public static ActorData load(Path file) {
        return DATA.load(file);
    }

    /**
     * Parses the lines of an actors file.
     *
     * @throws DataFileException at the first bad line, as "source:line: what is wrong"
     */
    public static ActorData parse(String text, String source) {
        List<Party> parties = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DataFiles.Line numbered : DataFiles.lines(text)) {
            String line = numbered.text();
            int n = numbered.number();
            String where = source + ":" + n;
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new DataFileException(where + ": verwacht 'soort naam = vorm | vorm', bv. 'koepel VNG = VNG'");
            }
            String[] head = line.substring(0, eq).strip().split("\\s+", 2);
            Kind kind;
            try {
                kind = Kind.of(head[0]);
            } catch (IllegalArgumentException e) {
                throw new DataFileException(where + ": onbekende soort '" + head[0]
                        + "' (ministerie, koepel, orgaan of kabinet)");
            }
            if (head.length < 2 || head[1].isBlank()) {
                throw new DataFileException(where + ": de naam ontbreekt vóór '='");
            }
            String name = head[1].strip();
            if (!names.add(kind + " " + name)) {
                throw new DataFileException(where + ": " + head[0] + " " + name + " staat er twee keer in");
            }
            List<String> forms = new ArrayList<>();
            Set<String> qualified = new HashSet<>();
            for (String f : line.substring(eq + 1).split("\\|")) {
                String form = f.strip();
                boolean star = form.startsWith("*");
                form = star ? form.substring(1).strip() : form;
                if (form.isEmpty()) {
                    throw new DataFileException(where + ": een lege vorm (twee '|' achter elkaar of niets na '=')");
                }
                if (star && kind != Kind.MINISTERIE) {
                    throw new DataFileException(where + ": '*' (alleen na 'minister van') kan alleen bij een ministerie");
                }
                forms.add(form);
                if (star) {
                    qualified.add(form);
                }
            }
            parties.add(new Party(kind, name, forms, qualified));
        }
        return new ActorData(parties, sha256(text));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
