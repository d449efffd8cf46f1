package nl.ibp.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;

import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Cleans a scanned page before Tesseract reads it. Tika's PDF parser renders a page without a
 * text layer to an image and hands it, typed {@code image/ocr-png}, to the parser in the parse
 * context; this decorator of that parser removes the speckle noise of a scan (dust, toner, a
 * photocopy's grain) with a 3×3 median filter, in grey, and passes the cleaned page on. Speckles
 * break Tesseract's letters ("Plattelarid", "dementen"); on a clean page the filter changes next to
 * nothing (strokes at 300 dpi are wider than one pixel). Other input passes through untouched.
 */
final class OcrImages extends ParserDecorator {

    /** Part of the extraction's fingerprint: a change of the cleaning reads scans again. */
    static final String CLEANING = "median3";

    private static final String OCR_TYPE_PREFIX = "image/ocr-";

    OcrImages(Parser parser) {
        super(parser);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        String type = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        if (type == null || !type.startsWith(OCR_TYPE_PREFIX)) {
            super.parse(stream, handler, metadata, context);
            return;
        }
        BufferedImage page = ImageIO.read(stream);
        if (page == null) { // the renderer wrote no image ImageIO reads: the page has no text to give
            return;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(median3(page), "png", png);
        try (TikaInputStream cleaned = TikaInputStream.get(png.toByteArray())) {
            super.parse(cleaned, handler, metadata, context);
        }
    }

    /** The image in grey, each pixel the median of its 3×3 neighbourhood (edges repeat). */
    static BufferedImage median3(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        Raster in = grey.getRaster();
        int[] px = in.getPixels(0, 0, w, h, (int[]) null);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster o = out.getRaster();
        int[] row = new int[w];
        int[] window = new int[9];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int mid = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int l = Math.max(0, x - 1);
                int r = Math.min(w - 1, x + 1);
                window[0] = px[up + l];
                window[1] = px[up + x];
                window[2] = px[up + r];
                window[3] = px[mid + l];
                window[4] = px[mid + x];
                window[5] = px[mid + r];
                window[6] = px[down + l];
                window[7] = px[down + x];
                window[8] = px[down + r];
                row[x] = median9(window);
            }
            o.setPixels(0, y, w, 1, row);
        }
        return out;
    }

    /** The median of nine values, by insertion sort (nine elements: faster than a general sort). */
    private static int median9(int[] v) {
        for (int i = 1; i < 9; i++) {
            int x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
        return v[4];
    }
}
