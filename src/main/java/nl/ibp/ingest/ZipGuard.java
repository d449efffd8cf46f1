package nl.ibp.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Measures what a zip-based document (DOCX, ODT) really inflates to before a parser loads it:
 * POI reads a DOCX's XML into memory before any character limit applies, so a 4 MB file with
 * 4 GB of XML would fill any heap. The entries are inflated and counted, never kept, so the
 * declared sizes in the zip directory (which can lie) play no part.
 */
final class ZipGuard {

    /** More XML than this is no letter or report: a real DOCX holds a few MB. */
    static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

    private ZipGuard() {
    }

    /** @throws DocumentReader.SkipException when the file inflates to more than the limit */
    static void check(Path file) throws IOException, DocumentReader.SkipException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_INFLATED_BYTES) {
                        throw new DocumentReader.SkipException("zip bomb suspected: " + entry.getName() + " inflates to more than "
                                + MAX_INFLATED_BYTES / (1024 * 1024) + " MB (" + Files.size(file) / 1024 + " KB on disk)");
                    }
                }
            }
        }
    }
}
