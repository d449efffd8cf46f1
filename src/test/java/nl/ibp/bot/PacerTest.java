package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The outgoing limits, on a clock the test moves. */
class PacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final Pacer pacer = new Pacer(now::get);

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Test
    void aPrivateChatGetsAboutOneMessageASecond() {
        assertEquals(0, pacer.reserve(7));
        assertEquals(1000, ms(pacer.reserve(7)));
        assertEquals(2000, ms(pacer.reserve(7)));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2500));
        assertEquals(0, ms(pacer.reserve(8)), "another chat waits for nobody");
        assertEquals(500, ms(pacer.reserve(7)), "chat 7's slot at +3 s is half a second away");
    }

    @Test
    void aGroupGetsTwentyMessagesAMinute() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            waits.add(ms(pacer.reserve(-100)));
        }
        assertEquals(0, waits.getFirst());
        assertEquals(3000, waits.get(1));
        assertEquals(60_000, waits.get(20), "the 21st message waits a minute");
        assertTrue(ms(pacer.reserve(5)) < 100, "a group's queue does not hold up a private chat");
    }

    @Test
    void allChatsTogetherGetThirtyMessagesASecond() {
        long[] waits = new long[61];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = pacer.reserve(1000 + i);
        }
        for (int i = 1; i < waits.length; i++) {
            assertTrue(waits[i] - waits[i - 1] >= Pacer.GLOBAL_GAP, "gap before message " + i);
        }
        assertTrue(ms(waits[29]) < 1000, "30 in the first second");
        assertTrue(ms(waits[30]) >= 1000 && ms(waits[60]) >= 2000, "then 30 in each next second");
        assertTrue(ms(pacer.reserve()) >= 2000, "other calls keep to the overall limit too");
    }

    @Test
    void retryAfterPushesTheChatBack() {
        pacer.reserve(9);
        pacer.backOff(9, TimeUnit.SECONDS.toNanos(5));
        assertEquals(5000, ms(pacer.reserve(9)));
        assertTrue(ms(pacer.reserve(10)) < 100);
    }

    @Test
    void oldChatsAreForgotten() {
        for (int i = 0; i < 1500; i++) {
            pacer.reserve(i);
            now.addAndGet(Pacer.GLOBAL_GAP);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        pacer.reserve(-1);
        assertTrue(pacer.chats() < 100, "kept " + pacer.chats());
    }
}
