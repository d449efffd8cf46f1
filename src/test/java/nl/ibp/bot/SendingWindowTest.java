package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import nl.ibp.config.Now;
import org.junit.jupiter.api.Test;

/** The sending hours in Europe/Amsterdam: inside, the next opening, and how they are configured. */
class SendingWindowTest {

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Now.ZONE).toInstant();
    }

    @Test
    void outsideTheHoursTheNextOpeningIsTheSameOrTheNextMorningAcrossTheClockChange() {
        SendingWindow w = SendingWindow.parse("08:00-21:00");
        assertTrue(w.contains(at("2021-03-27T08:00")));
        assertTrue(w.contains(at("2021-03-27T20:59")));
        assertFalse(w.contains(at("2021-03-27T21:00")));
        assertEquals(at("2021-03-27T12:00"), w.next(at("2021-03-27T12:00")));
        assertEquals(at("2021-03-27T08:00"), w.next(at("2021-03-27T03:00")));
        // 22:00 on the Saturday before summer time: the next 08:00 is only 9 hours away, not 10.
        Instant next = w.next(at("2021-03-27T22:00"));
        assertEquals(at("2021-03-28T08:00"), next);
        assertEquals(9 * 3600, next.getEpochSecond() - at("2021-03-27T22:00").getEpochSecond());
    }

    @Test
    void theHoursComeFromTheEnvironmentWithTheRemindersHoursAsDefault() throws Exception {
        Map<String, String> env = Map.of(BotConfig.TOKEN, "1:abc", SendingWindow.ENV, "7:30 - 21:00");
        SendingWindow w = BotConfig.fromEnv(env).orElseThrow().followHours();
        assertEquals(LocalTime.of(7, 30), w.open());
        assertEquals(LocalTime.of(21, 0), w.close());
        assertEquals(SendingWindow.DEFAULT, BotConfig.fromEnv(Map.of(BotConfig.TOKEN, "1:abc")).orElseThrow().followHours());
        assertEquals("08:00-20:00", SendingWindow.DEFAULT.toString());
        for (String bad : new String[] {"21:00-08:00", "08:00", "acht tot negen", "25:00-26:00"}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> BotConfig.fromEnv(Map.of(BotConfig.TOKEN, "1:abc", SendingWindow.ENV, bad)), bad);
            assertTrue(e.getMessage().contains(bad.split("-")[0]) || e.getMessage().contains(bad), e.getMessage());
        }
    }
}
