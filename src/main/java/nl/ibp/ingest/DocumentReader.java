package nl.ibp.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;

/**
 * Reads one file into a {@link SourceDocument} with Apache Tika, in the calling process: type
 * detection against an allowlist, parsing into blocks, the main content of a web page, OCR of
 * pages without a text layer, the letter's anatomy and its metadata. {@link Extractor} runs it
 * in a separate process for untrusted files, so a parser that runs out of memory cannot take the
 * indexer down.
 */
final class DocumentReader {

    private static final MediaType DOCX =
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final MediaType PDF = MediaType.application("pdf");
    /** What Tika detects for a password-protected OOXML file. */
    private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");
    private static final Set<MediaType> ZIPPED = Set.of(DOCX, MediaType.application("vnd.oasis.opendocument.text"));
    private static final Set<MediaType> HTML = Set.of(MediaType.TEXT_HTML, MediaType.application("xhtml+xml"));
    private static final Set<MediaType> ALLOWED = Set.of(
            PDF,
            DOCX,
            MediaType.application("msword"),
            MediaType.application("vnd.oasis.opendocument.text"),
            MediaType.application("rtf"),
            MediaType.TEXT_HTML,
            MediaType.application("xhtml+xml"),
            MediaType.TEXT_PLAIN);

    /** SecureContentHandler: check the expansion ratio only after this many output characters. */
    private static final long ZIP_BOMB_OUTPUT_THRESHOLD = 1_000_000;
    /** SecureContentHandler: more characters out per byte in than this is a zip bomb. */
    private static final long ZIP_BOMB_MAX_RATIO = 100;
    private static final int MAX_XML_DEPTH = 100;
    private static final int MAX_PACKAGE_DEPTH = 10;
    /** Tesseract's Dutch language data (Debian: tesseract-ocr-nld). */
    static final String OCR_LANGUAGE = "nld";
    /** OCR of one page may take this long; a whole file is bounded by the parse timeout. */
    private static final int OCR_TIMEOUT_SECONDS = 120;

    private static final int MAX_TITLE_LINE = 150;
    private static final int MAX_CAUSE_LENGTH = 120;
    /** A date printed in a document's opening lines: its first blocks, when short. */
    private static final int OPENING_BLOCKS = 6;
    private static final int MAX_OPENING_LINE = 200;
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*");
    /** HTML meta names for a page's publication date (Dublin Core, Open Graph). */
    private static final List<String> HTML_DATE_META = List.of("DCTERMS.issued", "DC.date.issued", "DC.date",
            "dcterms.issued", "article:published_time", "date");

    private final AutoDetectParser parser;
    /** Tika's detection from the bytes (the file name only a hint). */
    private final Detector detector;
    private final MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
    private final boolean ocr;
    private final Map<Path, DocumentProfiles> profiles = new ConcurrentHashMap<>();

    DocumentReader() {
        this.ocr = Ocr.available();
        // Only the parsers of the allowed document types: a smaller attack surface for untrusted
        // files, and a start-up that does not load the hundred other parsers of the standard package.
        Parser[] parsers = ocr
                ? new Parser[] {new PDFParser(), new OOXMLParser(), new OfficeParser(), new OpenDocumentParser(),
                        new RTFParser(), new JSoupParser(), new TXTParser(), new TesseractOCRParser()}
                : new Parser[] {new PDFParser(), new OOXMLParser(), new OfficeParser(), new OpenDocumentParser(),
                        new RTFParser(), new JSoupParser(), new TXTParser()};
        this.detector = new DefaultDetector(); // what AutoDetectParser(Parser...) uses
        // The parser takes the type this reader detected (detection reads the bytes against every
        // magic pattern: a cost per file that showed in large indexes when done twice).
        this.parser = new AutoDetectParser(new Detected(detector), parsers);
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(null, ZIP_BOMB_OUTPUT_THRESHOLD,
                ZIP_BOMB_MAX_RATIO, MAX_XML_DEPTH, MAX_PACKAGE_DEPTH));
    }

    /** A file that is skipped; the message is the reason. No stack trace: it is not a bug. */
    static final class SkipException extends Exception {
        SkipException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Reads the file {@code id} of the corpus, whose bytes hash to {@code hash}.
     *
     * @throws SkipException when the file is not to be indexed, with the reason
     * @throws Exception     whatever a parser throws; {@link #reason} classifies it
     */
    SourceDocument read(Path corpusDir, Path file, String id, String hash, int maxChars) throws Exception {
        return read(corpusDir, file, id, hash, maxChars, Optional.empty());
    }

    /** As {@link #read(Path, Path, String, String, int)}, for a file whose type {@link #detect} gave. */
    SourceDocument read(Path corpusDir, Path file, String id, String hash, int maxChars, Optional<MediaType> detected)
            throws Exception {
        Sidecar sidecar;
        try {
            sidecar = Sidecar.forDocument(file);
        } catch (Sidecar.InvalidSidecarException e) {
            throw new SkipException(e.getMessage());
        }
        Parsed parsed = parse(file, maxChars, detected);
        if (parsed.blocks().isEmpty()) {
            if (parsed.mediaType().equals(PDF) && !ocr) {
                throw new SkipException("no text layer (a scan?) and no OCR: install Tesseract with Dutch "
                        + "(apt-get install tesseract-ocr tesseract-ocr-nld)");
            }
            throw new SkipException("no text");
        }
        LetterAnatomy.Result anatomy = LetterAnatomy.analyse(parsed.blocks());
        LetterAnatomy.Fields fields = anatomy.fields();
        LetterHeader header = LetterHeader.parse(parsed.rawText());
        List<Block> blocks = anatomy.blocks();

        Titled title = title(sidecar, parsed, fields, header, blocks, file);
        Dated date = date(sidecar, parsed, fields, header, blocks);
        DocumentProfiles known = profiles.computeIfAbsent(corpusDir.toAbsolutePath().normalize(), DocumentProfiles::load);
        String profile = fields.profile() + "\n" + header.kenmerk() + "\n" + fields.kenmerk();
        String type = sidecar.type()
                .or(() -> known.type(profile))
                .or(() -> Optional.of(header.ledenbrief() ? "ledenbrief" : "").filter(t -> !t.isEmpty()))
                .orElse("");
        String kenmerk = sidecar.kenmerk().orElseGet(() -> fields.kenmerk().isEmpty() ? header.kenmerk() : fields.kenmerk());
        String sender = known.sender(profile).orElse("");
        return new SourceDocument(id, hash, parsed.mediaType().toString(), title.title(), date.date(), kenmerk, type,
                blocks, new SourceDocument.Details(title.source(), date.source(), fields.kamerstuk(), sender));
    }

    /** What one parse produced. */
    private record Parsed(MediaType mediaType, Metadata metadata, List<Block> blocks, String rawText) {
    }

    private record Titled(String title, MetadataSource source) {
    }

    private record Dated(Optional<LocalDate> date, MetadataSource source) {
    }

    private Parsed parse(Path file, int maxChars, Optional<MediaType> detected) throws Exception {
        Metadata metadata = new Metadata();
        try (TikaInputStream stream = TikaInputStream.get(file, metadata)) {
            MediaType full = detected.isPresent() ? detected.get() : detector.detect(stream, metadata);
            metadata.set(Detected.TYPE, full.toString());
            MediaType type = full.getBaseType();
            if (type.equals(OOXML_PROTECTED)) {
                throw new SkipException("encrypted");
            }
            if (!isAllowed(type)) {
                throw new SkipException("unsupported type " + type);
            }
            if (ZIPPED.contains(type)) {
                ZipGuard.check(file);
            }
            BlockHandler blocks = new BlockHandler();
            ContentHandler limited = new WriteOutContentHandler(blocks, maxChars);
            if (HTML.contains(type)) {
                // A web page: only its main content, without navigation, cookie bar and footer.
                byte[] main = MainContent.of(stream, file.toUri().toString()).getBytes(StandardCharsets.UTF_8);
                try (InputStream in = new ByteArrayInputStream(main)) {
                    parser.parse(in, limited, metadata, parseContext());
                }
            } else {
                // AutoDetectParser wraps the handler in a SecureContentHandler (zip-bomb check).
                parser.parse(stream, limited, metadata, parseContext());
            }
            List<Block> read = type.equals(DOCX) ? DocxOutline.apply(file, blocks.blocks()) : blocks.blocks();
            return new Parsed(type, metadata, read, blocks.rawText());
        } catch (StackOverflowError e) {
            // Deeply nested input; the thread survives, the file is skipped.
            throw new SkipException("corrupt: nesting too deep");
        }
    }

    /** The file's type as Tika detects it from the bytes, the name only a hint. */
    MediaType detect(Path file) throws java.io.IOException {
        Metadata metadata = new Metadata();
        try (TikaInputStream stream = TikaInputStream.get(file, metadata)) {
            return detector.detect(stream, metadata);
        }
    }

    /** Whether a type {@link #detect} gave is plain text (TXT, Markdown, CSV), not a web page or any other format. */
    boolean isPlainText(MediaType detected) {
        MediaType type = detected.getBaseType();
        return type.equals(MediaType.TEXT_PLAIN) || !HTML.contains(type) && type.getType().equals("text")
                && registry.isSpecializationOf(type, MediaType.TEXT_PLAIN);
    }

    /** A detector that returns the type the reader detected before the parse (in the metadata), else detects. */
    private record Detected(Detector inner) implements Detector {
        static final String TYPE = "ibp:detected-type";

        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws java.io.IOException {
            String known = metadata.get(TYPE);
            return known != null ? MediaType.parse(known) : inner.detect(input, metadata);
        }
    }

    private boolean isAllowed(MediaType type) {
        if (ALLOWED.contains(type)) {
            return true;
        }
        // Markdown, CSV and other text/* types that Tika parses as plain text.
        return type.getType().equals("text") && registry.isSpecializationOf(type, MediaType.TEXT_PLAIN);
    }

    private ParseContext parseContext() {
        ParseContext context = new ParseContext();
        // Embedded files (attachments, images, OLE objects) are not part of the document's
        // text and widen the attack surface: do not parse them.
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
        PDFParserConfig pdf = new PDFParserConfig();
        // A page without a text layer (a scan) is rendered and read by Tesseract; others are not.
        pdf.setOcrStrategy(ocr ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        // The outline repeats the headings as a list at the end of the text.
        pdf.setExtractBookmarksText(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setSkipOcr(!ocr);
        if (ocr) {
            tesseract.setLanguage(OCR_LANGUAGE);
            tesseract.setTimeoutSeconds(OCR_TIMEOUT_SECONDS);
        }
        context.set(TesseractOCRConfig.class, tesseract);
        // Scanned pages are cleaned of speckles before Tesseract reads them (see OcrImages).
        context.set(Parser.class, ocr ? new OcrImages(parser) : parser);
        return context;
    }

    /** The skip reason for a parse failure; an Error that is no property of the file is rethrown. */
    static String reason(Throwable error, int maxChars) {
        if (error instanceof SkipException skip) {
            return skip.getMessage();
        }
        if (WriteLimitReachedException.isWriteLimitReached(error)) {
            return "text exceeds the write limit of " + maxChars + " characters";
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return "encrypted";
            }
        }
        String zipBomb = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                zipBomb = message; // the innermost one says what was measured
            }
        }
        if (zipBomb != null) {
            return "zip bomb suspected: " + shorten(zipBomb.replaceFirst("(?i)^suspected zip bomb:\\s*", ""));
        }
        if (error instanceof Error e) {
            // Not a property of the file (e.g. OutOfMemoryError): do not pretend it is.
            throw e;
        }
        // The cause is in the reason; a stack trace would only be noise for a bad file.
        return "corrupt: " + shortCause(error);
    }

    /** The sidecar, else the letter's subject, else the file's title, else the first heading or line. */
    private static Titled title(Sidecar sidecar, Parsed parsed, LetterAnatomy.Fields fields, LetterHeader header,
                                List<Block> blocks, Path file) {
        if (sidecar.title().isPresent()) {
            return new Titled(sidecar.title().get(), MetadataSource.SIDECAR);
        }
        Optional<String> subject = nonBlank(fields.subject()).or(() -> nonBlank(header.subject()));
        if (subject.isPresent()) {
            return new Titled(subject.get(), MetadataSource.LETTER);
        }
        Optional<String> heading = blocks.stream().filter(b -> b.type() == Block.Type.HEADING).map(Block::text).findFirst();
        Optional<String> own = nonBlank(parsed.metadata().get(TikaCoreProperties.TITLE));
        if (own.isPresent()) {
            // A web page's <title> carries the site's name after its heading: "Kop | Nieuwsbericht | Site".
            if (heading.isPresent() && own.get().startsWith(heading.get())
                    && own.get().substring(heading.get().length()).matches("\\s*[|–—:-]\\s.*")) {
                return new Titled(heading.get(), MetadataSource.HEADING);
            }
            return new Titled(own.get(), MetadataSource.FILE_METADATA);
        }
        if (heading.isPresent()) {
            return new Titled(heading.get(), MetadataSource.HEADING);
        }
        return blocks.stream().filter(b -> !b.isAside()).map(Block::text).findFirst()
                .filter(l -> l.length() <= MAX_TITLE_LINE)
                .map(l -> new Titled(l, MetadataSource.FIRST_LINE))
                .orElse(new Titled(file.getFileName().toString(), MetadataSource.FILE_NAME));
    }

    /**
     * The sidecar, else the date printed in the letter, else one printed in the opening lines, else
     * the file's metadata: a file saved again later carries that later date in its metadata.
     */
    private static Dated date(Sidecar sidecar, Parsed parsed, LetterAnatomy.Fields fields, LetterHeader header,
                              List<Block> blocks) {
        if (sidecar.date().isPresent()) {
            return new Dated(sidecar.date(), MetadataSource.SIDECAR);
        }
        Optional<LocalDate> letter = fields.date().or(header::date);
        if (letter.isPresent()) {
            return new Dated(letter, MetadataSource.LETTER);
        }
        int seen = 0;
        for (Block b : blocks) {
            if (b.isAside()) {
                continue; // a header block's other dates ("Betreft: bijeenkomst op 24 maart") are not its date
            }
            if (seen++ >= OPENING_BLOCKS) {
                break;
            }
            if (b.type() != Block.Type.HEADING && b.text().length() <= MAX_OPENING_LINE) {
                Optional<LocalDate> printed = LetterHeader.parseDate(b.text());
                if (printed.isPresent()) {
                    return new Dated(printed, MetadataSource.DOCUMENT_TEXT);
                }
            }
        }
        Optional<LocalDate> own = fileDate(parsed.metadata());
        return own.map(d -> new Dated(Optional.of(d), MetadataSource.FILE_METADATA))
                .orElse(new Dated(Optional.empty(), MetadataSource.NONE));
    }

    /** dcterms:created, else dcterms:modified, else an HTML publication date, as a date in Dutch time. */
    private static Optional<LocalDate> fileDate(Metadata metadata) {
        Optional<LocalDate> date = parseTikaDate(metadata.get(TikaCoreProperties.CREATED))
                .or(() -> parseTikaDate(metadata.get(TikaCoreProperties.MODIFIED)));
        for (String name : HTML_DATE_META) {
            if (date.isPresent()) {
                break;
            }
            date = parseTikaDate(metadata.get(name));
        }
        return date;
    }

    static Optional<LocalDate> parseTikaDate(String value) {
        if (value == null || !ISO_DATE_PREFIX.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(DUTCH_TIME).toLocalDate());
        } catch (DateTimeException e) {
            // No offset: a local date-time or a plain date.
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toLocalDate());
        } catch (DateTimeException e) {
            // Fall through.
        }
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || PlainText.isBlank(s) ? Optional.empty() : Optional.of(PlainText.strip(s));
    }

    /** The innermost cause's message, on one line and short enough for a report. */
    static String shortCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank()
                ? root.getClass().getSimpleName()
                : message;
        return shorten(text);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_CAUSE_LENGTH ? oneLine : oneLine.substring(0, MAX_CAUSE_LENGTH) + "…";
    }

    /** Ignores embedded documents. */
    private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata,
                                  boolean outputHtml) {
            // Nothing: see parseContext().
        }
    }
}
