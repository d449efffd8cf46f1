package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.follow.FollowStore;
import nl.ibp.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follow commands without Telegram: following, groups restricted to their admins, reminder days, the calendar. */
class FollowCommandsTest {

    private static final long GROUP = -4000;
    private static final long ADMIN = 11;
    private static final long MEMBER = 12;
    private static final Agreement MAY = new Agreement("a1", OptionalInt.of(1), "Gemeenten stellen een plan vast.",
            List.of(new Deadline("voor 1 mei", LocalDate.of(2018, 5, 1), LocalDate.of(2018, 5, 1), Deadline.Precision.DAY,
                    Deadline.Kind.DEADLINE)), List.of(),
            new Agreement.Source("d", "Programmastart IBP", Optional.of(LocalDate.of(2018, 2, 14)), "Klimaat", "p"),
            Agreement.OPEN, false);

    @TempDir
    Path dir;
    StateStore state;
    FollowStore store;
    FollowCommands commands;
    final AtomicInteger asked = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        state = StateStore.open(dir);
        store = new FollowStore(state);
        commands = new FollowCommands(store, Clock.fixed(Instant.parse("2018-03-01T09:00:00Z"), Now.ZONE));
        commands.members((chat, user) -> {
            asked.incrementAndGet();
            return Set.of(ADMIN).contains(user);
        });
    }

    @AfterEach
    void close() throws Exception {
        state.close();
    }

    private String say(long chat, long user, String name, String arg) throws Exception {
        List<Reply> r = commands.command(new Incoming.Text(chat, user, "/" + name + " " + arg), name, arg, List.of(MAY));
        return ((Reply.Message) r.getFirst()).html();
    }

    @Test
    void anyMemberOfAGroupMayFollowWithoutAskingTelegram() throws Exception {
        assertTrue(say(GROUP, MEMBER, "volg", "1").contains("U volgt nu"));
        assertTrue(say(GROUP, MEMBER, "volg", "1").contains("al"));
        assertEquals(0, asked.get(), "getChatMember is asked only once a group restricted following");
        assertTrue(say(GROUP, MEMBER, "volg", "").contains("opgave 1"));
        assertTrue(say(GROUP, MEMBER, "volg", "1").contains("al"));
    }

    @Test
    void aRestrictedGroupLetsOnlyItsAdminsChangeWhatItFollows() throws Exception {
        assertTrue(say(GROUP, MEMBER, "volg", "alleenbeheerders").contains("Alleen beheerders"));
        assertTrue(say(GROUP, ADMIN, "volg", "alleenbeheerders").contains("Voortaan kunnen alleen beheerders"));
        assertTrue(say(GROUP, MEMBER, "volg", "6").contains("alleen beheerders"));
        assertTrue(store.following(GROUP).isEmpty());
        assertTrue(say(GROUP, ADMIN, "volg", "6").contains("U volgt nu"));
        assertTrue(say(GROUP, MEMBER, "ontvolg", "6").contains("alleen beheerders"));
        assertEquals(List.of(6), List.copyOf(store.following(GROUP)));
        assertTrue(say(GROUP, ADMIN, "volg", "iedereen").contains("iedereen"));
        assertTrue(say(GROUP, MEMBER, "ontvolg", "6").contains("niet meer"));
        assertTrue(say(MEMBER, MEMBER, "volg", "alleenbeheerders").contains("alleen in groepen"));
    }

    @Test
    void badInputGetsADutchHint() throws Exception {
        assertTrue(say(MEMBER, MEMBER, "volg", "11").contains("1 tot en met 10"));
        assertTrue(say(MEMBER, MEMBER, "ontvolg", "x").contains("<code>/ontvolg 6</code>"));
        assertTrue(say(MEMBER, MEMBER, "herinner", "0").contains("begrijp ik niet"));
        assertTrue(say(MEMBER, MEMBER, "herinner", "7,1").contains("7 en 1 dagen"));
        assertEquals(List.of(7, 1), store.days(MEMBER).days());
        assertTrue(say(MEMBER, MEMBER, "agenda", "elf").contains("/agenda 6"));
    }

    @Test
    void agendaIsACalendarFile() throws Exception {
        List<Reply> r = commands.command(new Incoming.Text(MEMBER, MEMBER, "/agenda 1"), "agenda", "1", List.of(MAY));
        Reply.Document d = assertInstanceOf(Reply.Document.class, r.getFirst());
        assertEquals("ibp-termijnen-opgave-1.ics", d.fileName());
        String ics = new String(d.content(), StandardCharsets.UTF_8);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.contains("DTSTART;VALUE=DATE:20180501"), ics);
    }
}
