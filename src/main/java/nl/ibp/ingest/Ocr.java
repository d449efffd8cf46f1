package nl.ibp.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Whether Tesseract with the Dutch language data is installed (Debian: {@code apt-get install
 * tesseract-ocr tesseract-ocr-nld}). Without it a scanned PDF is skipped with that reason,
 * never indexed empty.
 */
public final class Ocr {

    private static volatile Boolean available;

    private Ocr() {
    }

    /** True when {@code tesseract --list-langs} runs and lists Dutch; asked once per process. */
    public static boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    /** What the extraction can do, for cache keys: installing Tesseract re-reads files skipped without it. */
    public static String capabilities() {
        return available() ? "ocr=" + DocumentReader.OCR_LANGUAGE + "+" + OcrImages.CLEANING : "ocr=none";
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && out.lines().anyMatch(l -> l.strip().equals(DocumentReader.OCR_LANGUAGE));
        } catch (IOException e) {
            return false; // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
