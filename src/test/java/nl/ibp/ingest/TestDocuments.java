package nl.ibp.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Builds real documents of each supported format at test time. */
final class TestDocuments {

    private TestDocuments() {
    }

    /** A PDF whose lines are written one below the other; a null line leaves a gap. */
    static Path pdf(Path file, String title, List<String> lines, String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(title);
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                float y = 720;
                for (String line : lines) {
                    if (line == null) {
                        y -= 30;
                        continue;
                    }
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, y);
                    content.showText(line);
                    content.endText();
                    y -= 15;
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A PDF of several pages (lines top to bottom, a null line leaves a gap), with a creation date. */
    static Path pdfPages(Path file, java.util.Calendar created, List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setCreationDate(created);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    float y = 740;
                    for (String line : lines) {
                        if (line == null) {
                            y -= 30;
                            continue;
                        }
                        content.beginText();
                        content.setFont(font, 10);
                        content.newLineAtOffset(60, y);
                        content.showText(line);
                        content.endText();
                        y -= 13;
                    }
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A PDF whose only page is an image of the lines: a scan without a text layer. */
    static Path scannedPdf(Path file, List<String> lines) throws IOException {
        return scannedPdf(file, lines, 0);
    }

    /**
     * As {@link #scannedPdf(Path, List)}, with a share {@code speckles} of the pixels turned black at
     * random (seeded, so the same every run): the dust and grain of a photocopied letter.
     */
    static Path scannedPdf(Path file, List<String> lines, double speckles) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1700, 2200,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 40));
        int y = 200;
        for (String line : lines) {
            if (line != null) {
                g.drawString(line, 150, y);
            }
            y += 60;
        }
        g.dispose();
        java.util.Random random = new java.util.Random(42);
        for (long n = Math.round(speckles * image.getWidth() * image.getHeight()); n > 0; n--) {
            image.getRaster().setSample(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), 0, 0);
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var picture = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * A DOCX letter: header fields in a table, paragraphs, "List Bullet" paragraphs (lines starting
     * with "- "), headings ("## "), and core properties that say it was created on {@code created}.
     */
    static Path letterDocx(Path file, String created, List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            try {
                doc.getProperties().getCoreProperties().setCreated(created);
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            XWPFStyles styles = doc.createStyles();
            addHeadingStyle(styles, 2);
            CTStyle list = CTStyle.Factory.newInstance();
            list.setStyleId("ListBullet");
            list.setType(STStyleType.PARAGRAPH);
            list.addNewName().setVal("List Bullet");
            styles.addStyle(new XWPFStyle(list, styles));
            var table = doc.createTable();
            boolean firstRow = true;
            for (String line : lines) {
                if (line.contains("\t")) {
                    String[] cells = line.split("\t", 2);
                    var row = firstRow ? table.getRow(0) : table.createRow();
                    if (firstRow) {
                        row.addNewTableCell();
                    }
                    firstRow = false;
                    row.getCell(0).setText(cells[0]);
                    row.getCell(1).setText(cells[1]);
                } else if (line.startsWith("## ")) {
                    paragraph(doc, "Heading2", line.substring(3));
                } else if (line.startsWith("- ")) {
                    paragraph(doc, "ListBullet", line.substring(2));
                } else {
                    paragraph(doc, null, line);
                }
            }
            doc.write(out);
        }
        return file;
    }

    /** A DOCX with the title in its core properties and paragraphs styled "heading 1/2". */
    static Path docx(Path file, String title) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setTitle(title);
            XWPFStyles styles = doc.createStyles();
            // Tika maps a paragraph style named "heading N" to <hN>; a fresh POI document has none.
            addHeadingStyle(styles, 1);
            addHeadingStyle(styles, 2);
            paragraph(doc, "Heading1", "Samen aan de slag");
            paragraph(doc, null, "De gemeenten en het Rijk werken samen aan de energietransitie.");
            paragraph(doc, "Heading2", "Maatschappelijke opgave");
            paragraph(doc, null, "Klimaatverandering vraagt om aanpassing.");
            doc.write(out);
        }
        return file;
    }

    /**
     * A DOCX whose headings carry no heading style but an outline level: "Kop Brief" (outline level
     * 0) and "Kop Sub", based on it with its own level 1; and a plain paragraph with outline level 1
     * set directly. Tika reads all of them as paragraphs.
     */
    static Path outlineDocx(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            XWPFStyles styles = doc.createStyles();
            CTStyle top = CTStyle.Factory.newInstance();
            top.setStyleId("KopBrief");
            top.setType(STStyleType.PARAGRAPH);
            top.addNewName().setVal("Kop Brief");
            top.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            styles.addStyle(new XWPFStyle(top, styles));
            CTStyle sub = CTStyle.Factory.newInstance();
            sub.setStyleId("KopSub");
            sub.setType(STStyleType.PARAGRAPH);
            sub.addNewName().setVal("Kop Sub");
            sub.addNewBasedOn().setVal("KopBrief");
            sub.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ONE);
            styles.addStyle(new XWPFStyle(sub, styles));
            paragraph(doc, "KopBrief", "Herijking van het gemeentefonds");
            paragraph(doc, null, "De nieuwe verdeling gaat een jaar later in dan gepland.");
            paragraph(doc, "KopSub", "Waarom uitstel");
            paragraph(doc, null, "De minister noemt zorgvuldigheid en draagvlak als reden.");
            XWPFParagraph direct = doc.createParagraph();
            direct.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.ONE);
            direct.createRun().setText("Standpunt van de VNG");
            paragraph(doc, null, "Wij steunen het aanvullende onderzoek en daarom ook het uitstel.");
            doc.write(out);
        }
        return file;
    }

    private static void addHeadingStyle(XWPFStyles styles, int level) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading" + level);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading " + level);
        style.addNewUiPriority().setVal(BigInteger.valueOf(9));
        style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
    }

    /** A DOCX whose body is a large, highly compressible text: an expansion-ratio bomb. */
    static Path compressibleDocx(Path file, int characters) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            String chunk = "aaaa ".repeat(20_000);
            for (int written = 0; written < characters; written += chunk.length()) {
                doc.createParagraph().createRun().setText(chunk);
            }
            doc.write(out);
        }
        return file;
    }

    /** A minimal OpenDocument text file, zipped by hand. */
    static Path odt(Path file, String title) throws IOException {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                  <office:body><office:text>
                    <text:h text:outline-level="1">Regionale economie</text:h>
                    <text:p>Regio's zijn de motor van de economie.</text:p>
                    <text:h text:outline-level="2">Ambitie</text:h>
                    <text:list><text:list-item><text:p>Versterken van het vestigingsklimaat</text:p></text:list-item></text:list>
                  </office:text></office:body>
                </office:document-content>
                """;
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">
                  <office:meta><dc:title>%s</dc:title><meta:creation-date>2018-03-01T10:00:00</meta:creation-date></office:meta>
                </office:document-meta>
                """.formatted(title);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                  <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            // The spec requires "mimetype" first and uncompressed, so detectors can read it at offset 38.
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            put(zip, "content.xml", content);
            put(zip, "meta.xml", meta);
            put(zip, "META-INF/manifest.xml", manifest);
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
