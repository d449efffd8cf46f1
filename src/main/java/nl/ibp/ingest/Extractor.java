package nl.ibp.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;

/**
 * Extracts text and metadata from one corpus file at a time with Apache Tika. Files are treated
 * as untrusted: the type is detected from the content and checked against an allowlist, and size,
 * output length, compression ratio and parse time are limited. A file that fails any of these is
 * returned as {@link Extraction.Skipped} with a reason; it never affects the other files.
 *
 * <p>Holds a thread pool for the parse timeout; close it when done.
 */
public final class Extractor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    private static final MediaType DOCX =
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    /** What Tika detects for a password-protected OOXML file. */
    private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");
    private static final Set<MediaType> ALLOWED = Set.of(
            MediaType.application("pdf"),
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

    private static final int MAX_TITLE_LINE = 150;
    private static final int MAX_CAUSE_LENGTH = 120;
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*");

    private final ExtractionLimits limits;
    private final AutoDetectParser parser;
    private final MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
    private final ExecutorService executor;

    public Extractor(ExtractionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        // Only the parsers of the allowed document types: a smaller attack surface for untrusted
        // files, and a start-up that does not load the hundred other parsers of the standard package.
        this.parser = new AutoDetectParser(new PDFParser(), new OOXMLParser(), new OfficeParser(),
                new OpenDocumentParser(), new RTFParser(), new JSoupParser(), new TXTParser());
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(null, ZIP_BOMB_OUTPUT_THRESHOLD,
                ZIP_BOMB_MAX_RATIO, MAX_XML_DEPTH, MAX_PACKAGE_DEPTH));
        // A cached pool: a parse that ignores interruption after a timeout keeps its thread, and
        // the next file gets a fresh one instead of waiting behind it. Daemon threads so such a
        // stuck parse cannot keep the JVM alive.
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /**
     * Extracts {@code file}, which lies under {@code corpusDir}. Never throws for a bad file.
     */
    public Extraction extract(Path corpusDir, Path file) {
        String id = CorpusFiles.id(corpusDir, file);
        try {
            return extract(id, file);
        } catch (SkipException e) {
            LOG.info("Skipped {}: {}", id, e.getMessage());
            return new Extraction.Skipped(id, e.getMessage());
        }
    }

    private Extraction extract(String id, Path file) throws SkipException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SkipException("not a regular file");
        }
        long size;
        String hash;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new SkipException("empty file");
            }
            if (size > limits.maxFileBytes()) {
                throw new SkipException("larger than the size limit (" + size + " bytes > "
                        + limits.maxFileBytes() + " bytes)");
            }
            hash = ContentHash.sha256(file);
        } catch (IOException e) {
            throw new SkipException("unreadable: " + shortCause(e));
        }
        Sidecar sidecar;
        try {
            sidecar = Sidecar.forDocument(file);
        } catch (Sidecar.InvalidSidecarException e) {
            throw new SkipException(e.getMessage());
        }
        Parsed parsed = parseWithTimeout(file);
        LetterHeader header = LetterHeader.parse(parsed.rawText());
        SourceDocument document = new SourceDocument(id, hash, parsed.mediaType().toString(),
                title(sidecar, parsed, header, file),
                sidecar.date().or(() -> tikaDate(parsed.metadata())).or(header::date),
                sidecar.kenmerk().orElse(header.kenmerk()),
                sidecar.type().orElse(header.ledenbrief() ? "ledenbrief" : ""),
                parsed.blocks());
        return new Extraction.Extracted(document);
    }

    /** What one parse produced. */
    private record Parsed(MediaType mediaType, Metadata metadata, List<Block> blocks, String rawText) {
    }

    private Parsed parseWithTimeout(Path file) throws SkipException {
        Future<Parsed> future = executor.submit(() -> parse(file));
        try {
            return future.get(limits.parseTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SkipException("parse timed out after " + format(limits.parseTimeout()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SkipException("interrupted");
        } catch (ExecutionException e) {
            throw new SkipException(reason(e.getCause()));
        }
    }

    /** Runs on the executor. Throws whatever Tika throws; {@link #reason} classifies it. */
    private Parsed parse(Path file) throws Exception {
        Metadata metadata = new Metadata();
        try (TikaInputStream stream = TikaInputStream.get(file, metadata)) {
            // The file name is only a hint: detection looks at the bytes first.
            MediaType type = parser.getDetector().detect(stream, metadata).getBaseType();
            if (type.equals(OOXML_PROTECTED)) {
                throw new SkipException("encrypted");
            }
            if (!isAllowed(type)) {
                throw new SkipException("unsupported type " + type);
            }
            BlockHandler blocks = new BlockHandler();
            ContentHandler limited = new WriteOutContentHandler(blocks, limits.maxChars());
            // AutoDetectParser wraps the handler in a SecureContentHandler (zip-bomb check).
            parser.parse(stream, limited, metadata, parseContext());
            return new Parsed(type, metadata, blocks.blocks(), blocks.rawText());
        } catch (StackOverflowError e) {
            // Deeply nested input; the thread survives, the file is skipped.
            throw new SkipException("corrupt: nesting too deep");
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
        // OCR would be slow and is not wanted: the corpus consists of text documents.
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        // The outline repeats the headings as a list at the end of the text.
        pdf.setExtractBookmarksText(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    private String reason(Throwable error) {
        if (error instanceof SkipException skip) {
            return skip.getMessage();
        }
        if (WriteLimitReachedException.isWriteLimitReached(error)) {
            return "text exceeds the write limit of " + limits.maxChars() + " characters";
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

    private static String title(Sidecar sidecar, Parsed parsed, LetterHeader header, Path file) {
        return sidecar.title()
                .or(() -> nonBlank(parsed.metadata().get(TikaCoreProperties.TITLE)))
                .or(() -> nonBlank(header.subject()))
                .or(() -> parsed.blocks().stream()
                        .filter(b -> b.type() == Block.Type.HEADING).map(Block::text).findFirst())
                .or(() -> parsed.rawText().lines().map(PlainText::strip)
                        .filter(l -> !l.isEmpty()).findFirst()
                        .filter(l -> l.length() <= MAX_TITLE_LINE))
                .orElse(file.getFileName().toString());
    }

    /** dcterms:created, else dcterms:modified, as a date in Dutch time. */
    private static Optional<LocalDate> tikaDate(Metadata metadata) {
        return parseTikaDate(metadata.get(TikaCoreProperties.CREATED))
                .or(() -> parseTikaDate(metadata.get(TikaCoreProperties.MODIFIED)));
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
    private static String shortCause(Throwable error) {
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

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ingest-parse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        // shutdownNow interrupts a parse that is still running after its timeout.
        executor.shutdownNow();
    }

    /** A file that is skipped; the message is the reason. No stack trace: it is not a bug. */
    private static final class SkipException extends Exception {
        SkipException(String reason) {
            super(reason, null, false, false);
        }
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
