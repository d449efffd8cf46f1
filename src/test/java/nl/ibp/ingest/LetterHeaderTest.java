package nl.ibp.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LetterHeaderTest {

    @Test
    void realLedenbriefHeader() throws IOException {
        LetterHeader header = LetterHeader.parse(Files.readString(
                Path.of("corpus/lbr-18-004-stand-van-zaken-ibp.txt"), StandardCharsets.UTF_8));
        assertEquals(Optional.of(LocalDate.of(2018, 2, 15)), header.date());
        assertEquals("Lbr. 18/004", header.kenmerk());
        assertEquals("Stand van zaken Interbestuurlijk Programma", header.subject());
        assertTrue(header.ledenbrief());
    }

    @Test
    void labelsWithValuesOnTheSameLine() {
        LetterHeader header = LetterHeader.parse(
                "Aan de gemeenteraad\n\nDatum: 3 maart 2021\nOns kenmerk: ABC/123\nOnderwerp: Voortgang\n\nTekst.");
        assertEquals(Optional.of(LocalDate.of(2021, 3, 3)), header.date());
        assertEquals("ABC/123", header.kenmerk());
        assertEquals("Voortgang", header.subject());
        assertFalse(header.ledenbrief());
    }

    @Test
    void noHeader() {
        LetterHeader header = LetterHeader.parse("Programmastart IBP\n\nDatumprikker is geen label.");
        assertEquals(Optional.empty(), header.date());
        assertEquals("", header.kenmerk());
        assertEquals("", header.subject());
    }

    @Test
    void dutchDates() {
        assertEquals(Optional.of(LocalDate.of(2018, 12, 1)), LetterHeader.parseDate("1 December 2018"));
        assertEquals(Optional.of(LocalDate.of(2018, 2, 15)), LetterHeader.parseDate("15-02-2018"));
        assertEquals(Optional.empty(), LetterHeader.parseDate("31 februari 2018"));
        assertEquals(Optional.empty(), LetterHeader.parseDate("morgen"));
    }
}
