package nl.ibp.bot;

import static nl.ibp.bot.Html.esc;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.DatedItem;
import nl.ibp.agreements.DeadlineStatus;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.follow.DeadlineCalendar;
import nl.ibp.follow.FollowStore;
import nl.ibp.follow.FollowedDeadlines;
import nl.ibp.follow.ReminderDays;
import nl.ibp.passage.Opgaven;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follow commands: {@code /volg N} (and the "Volgen" button), {@code /volg} (what the chat
 * follows), {@code /ontvolg N}, {@code /herinner 7,1} and {@code /agenda N} (the deadlines as a
 * calendar file). In a group anyone may change what it follows, unless the group's admins set
 * {@code /volg alleenbeheerders}; only then is {@code getChatMember} asked.
 */
final class FollowCommands {

    private static final Logger LOG = LoggerFactory.getLogger(FollowCommands.class);
    private static final String ADMINS_ONLY = "alleenbeheerders";
    private static final String EVERYONE = "iedereen";

    private final FollowStore store;
    private final Clock clock;
    private volatile Handler.ChatMembers members;

    FollowCommands(FollowStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void members(Handler.ChatMembers members) {
        this.members = members;
    }

    static boolean isCommand(String name) {
        return switch (name) {
            case "volg", "ontvolg", "herinner", "agenda" -> true;
            default -> false;
        };
    }

    /** A follow command; {@code agreements} are the current generation's. */
    List<Reply> command(Incoming.Text t, String name, String arg, List<Agreement> agreements) throws IOException, SQLException {
        String a = arg.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "volg" -> List.of(follow(t, a, agreements));
            case "ontvolg" -> List.of(unfollow(t, a));
            case "herinner" -> List.of(remindAt(t, a));
            case "agenda" -> List.of(agenda(a, agreements));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The "Volgen" ({@code v:N}) and "Niet meer volgen" ({@code vu:N}) buttons. */
    List<Reply> callback(Incoming.Callback cb, int opgave, boolean follow, List<Agreement> agreements)
            throws IOException, SQLException {
        Incoming.Text as = new Incoming.Text(cb.chatId(), cb.userId(), "");
        Optional<String> refused = refused(as);
        if (refused.isPresent()) {
            return List.of(new Reply.CallbackAnswer(cb.callbackId(), Html.plain(refused.get())));
        }
        if (follow) {
            boolean added = store.follow(cb.chatId(), opgave, clock.instant());
            return List.of(new Reply.CallbackAnswer(cb.callbackId(), added ? "U volgt nu opgave " + opgave + "." : ""),
                    followed(cb.chatId(), opgave, added, agreements));
        }
        boolean removed = store.unfollow(cb.chatId(), opgave);
        return List.of(new Reply.CallbackAnswer(cb.callbackId(), ""), new Reply.Message(removed
                ? "U volgt " + esc(FollowView.opgaveName(opgave)) + " niet meer."
                : "U volgde " + esc(FollowView.opgaveName(opgave)) + " niet."));
    }

    private Reply follow(Incoming.Text t, String a, List<Agreement> agreements) throws IOException, SQLException {
        long chat = t.chatId();
        if (a.isEmpty()) {
            return list(chat);
        }
        if (a.equals(ADMINS_ONLY) || a.equals(EVERYONE)) {
            return restrict(t, a.equals(ADMINS_ONLY));
        }
        OptionalInt n = opgave(a);
        if (n.isEmpty()) {
            return new Reply.Message("Welke opgave wilt u volgen? Gebruik een nummer van 1 tot en met 10, bijvoorbeeld "
                    + "<code>/volg 6</code>. Met <code>/volg</code> ziet u wat u al volgt.", TelegramView.opgavenKeyboard());
        }
        Optional<String> refused = refused(t);
        if (refused.isPresent()) {
            return new Reply.Message(refused.get());
        }
        boolean added = store.follow(chat, n.getAsInt(), clock.instant());
        return followed(chat, n.getAsInt(), added, agreements);
    }

    private Reply followed(long chat, int opgave, boolean added, List<Agreement> agreements) throws SQLException {
        if (!added) {
            return new Reply.Message("U volgde " + esc(FollowView.opgaveName(opgave)) + " al. Stoppen kan met "
                    + "<code>/ontvolg " + opgave + "</code>.");
        }
        ReminderDays days = store.days(chat);
        StringBuilder sb = new StringBuilder("✅ U volgt nu <b>").append(esc(FollowView.opgaveName(opgave))).append("</b>.\n\n")
                .append("U krijgt een herinnering ").append(FollowView.days(days))
                .append(" voor elke termijn (tussen 08:00 en 20:00; een termijn die alleen een jaar noemt: op 1 oktober van dat jaar), ")
                .append("en een kort bericht als een nieuw document iets verandert aan deze opgave.\n");
        var today = Now.today(clock);
        FollowedDeadlines.of(agreements, today).stream()
                .filter(i -> i.agreement().opgave().equals(OptionalInt.of(opgave)) && i.status() != DeadlineStatus.PASSED)
                .findFirst().ifPresent((DatedItem i) -> sb.append("\nEerstvolgende termijn: <b>").append(esc(i.deadline().label()))
                        .append("</b> – ").append(esc(TelegramView.shorten(i.agreement().text(), 200))).append('\n'));
        sb.append("\nAndere dagen: <code>/herinner 7,1</code> · stoppen: <code>/ontvolg ").append(opgave)
                .append("</code> · in uw agenda: <code>/agenda ").append(opgave).append("</code>");
        return new Reply.Message(sb.toString(), List.of(List.of(new Button("Opgave " + opgave, "o:" + opgave),
                new Button("Niet meer volgen", "vu:" + opgave))));
    }

    private Reply list(long chat) throws SQLException {
        SortedSet<Integer> following = store.following(chat);
        if (following.isEmpty()) {
            return new Reply.Message("U volgt nog geen opgave. Volg er een met <code>/volg 6</code> of met de knop "
                    + "<i>Volgen</i> onder een opgave; dan krijgt u herinneringen voor de termijnen en bericht bij nieuwe documenten.");
        }
        StringBuilder sb = new StringBuilder("<b>U volgt</b>\n");
        following.forEach(n -> sb.append("• ").append(esc(FollowView.opgaveName(n))).append('\n'));
        sb.append("\nHerinneringen: ").append(FollowView.days(store.days(chat))).append(" voor een termijn.");
        if (chat < 0 && store.adminsOnly(chat)) {
            sb.append("\nIn deze groep kunnen alleen beheerders dit wijzigen.");
        }
        sb.append("\nStoppen: <code>/ontvolg N</code> of <code>/ontvolg alles</code>.");
        List<Button> row = new ArrayList<>();
        following.stream().limit(5).forEach(n -> row.add(new Button("Opgave " + n, "o:" + n)));
        return new Reply.Message(sb.toString(), List.of(row));
    }

    private Reply unfollow(Incoming.Text t, String a) throws IOException, SQLException {
        long chat = t.chatId();
        Optional<String> refused = refused(t);
        if (a.equals("alles") || a.equals("alle")) {
            if (refused.isPresent()) {
                return new Reply.Message(refused.get());
            }
            SortedSet<Integer> following = store.following(chat);
            for (int n : following) {
                store.unfollow(chat, n);
            }
            return new Reply.Message(following.isEmpty() ? "U volgde geen opgave." : "U volgt geen opgave meer.");
        }
        OptionalInt n = opgave(a);
        if (n.isEmpty()) {
            return new Reply.Message("Welke opgave wilt u niet meer volgen? Bijvoorbeeld <code>/ontvolg 6</code>, of "
                    + "<code>/ontvolg alles</code>.");
        }
        if (refused.isPresent()) {
            return new Reply.Message(refused.get());
        }
        return new Reply.Message(store.unfollow(chat, n.getAsInt())
                ? "U volgt " + esc(FollowView.opgaveName(n.getAsInt())) + " niet meer; u krijgt daarover geen berichten meer."
                : "U volgde " + esc(FollowView.opgaveName(n.getAsInt())) + " niet.");
    }

    private Reply remindAt(Incoming.Text t, String a) throws IOException, SQLException {
        long chat = t.chatId();
        if (a.isEmpty()) {
            return new Reply.Message("Ik herinner u " + FollowView.days(store.days(chat)) + " voor een termijn. Anders? "
                    + "Bijvoorbeeld <code>/herinner 7,1</code> (7 dagen en 1 dag ervoor).");
        }
        Optional<ReminderDays> days = ReminderDays.parse(a);
        if (days.isEmpty()) {
            return new Reply.Message("Dat begrijp ik niet. Geef 1 tot 5 aantallen dagen (1 tot en met 365), gescheiden door "
                    + "komma's, bijvoorbeeld <code>/herinner 7,1</code> of <code>/herinner 30,14,1</code>.");
        }
        Optional<String> refused = refused(t);
        if (refused.isPresent()) {
            return new Reply.Message(refused.get());
        }
        store.setDays(chat, days.get(), clock.instant());
        return new Reply.Message("Goed: ik herinner u voortaan " + FollowView.days(days.get())
                + " voor elke termijn van de opgaven die u volgt (tussen 08:00 en 20:00).");
    }

    private Reply agenda(String a, List<Agreement> agreements) {
        OptionalInt n = OptionalInt.empty();
        if (!a.isEmpty() && !a.equals("alles")) {
            n = opgave(a);
            if (n.isEmpty()) {
                return new Reply.Message("Gebruik <code>/agenda 6</code> voor de termijnen van één opgave, of <code>/agenda</code> "
                        + "voor alle opgaven.");
            }
        }
        byte[] ics = DeadlineCalendar.bytes(agreements, Now.today(clock), n, clock.instant());
        String name = n.isPresent() ? "ibp-termijnen-opgave-" + n.getAsInt() + ".ics" : "ibp-termijnen.ics";
        String caption = "📅 Termijnen van " + (n.isPresent() ? esc(FollowView.opgaveName(n.getAsInt())) : "alle opgaven")
                + ". Open het bestand om ze in uw agenda te zetten; opnieuw importeren werkt ze bij.";
        return new Reply.Document(name, ics, caption);
    }

    /** Sets or lifts "only admins" in a group; only its admins may. */
    private Reply restrict(Incoming.Text t, boolean adminsOnly) throws IOException, SQLException {
        if (t.chatId() > 0) {
            return new Reply.Message("Dat geldt alleen in groepen; in een privégesprek beslist u zelf.");
        }
        if (!admin(t)) {
            return new Reply.Message("Alleen beheerders van deze groep kunnen dat instellen.");
        }
        store.setAdminsOnly(t.chatId(), adminsOnly, clock.instant());
        return new Reply.Message(adminsOnly ? "Voortaan kunnen alleen beheerders van deze groep wijzigen wat de groep volgt."
                : "Voortaan kan iedereen in deze groep wijzigen wat de groep volgt.");
    }

    /** Why this user may not change what the chat follows, if so: a group restricted to its admins. */
    private Optional<String> refused(Incoming.Text t) throws IOException, SQLException {
        if (t.chatId() > 0 || !store.adminsOnly(t.chatId()) || admin(t)) {
            return Optional.empty();
        }
        return Optional.of("In deze groep kunnen alleen beheerders wijzigen wat de groep volgt.");
    }

    private boolean admin(Incoming.Text t) throws IOException {
        Handler.ChatMembers m = members;
        if (m == null) {
            LOG.warn("no way to ask Telegram who administers chat {}: refused", t.chatId());
            return false;
        }
        return m.isAdmin(t.chatId(), t.userId());
    }

    private static OptionalInt opgave(String a) {
        if (!a.matches("\\d{1,2}")) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(a);
        return n >= 1 && n <= Opgaven.ALL.size() ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
