package nl.ibp.bot;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;
import nl.ibp.config.Now;
import nl.ibp.passage.Opgaven;

/**
 * A press on an inline button, by its callback data: {@code o:N} (the opgave's card), {@code d:N}
 * (its deadlines), {@code dl:F:P} (a page of deadlines, edited in place), {@code l} (the opgaven),
 * {@code v:N} / {@code vu:N} (follow, unfollow), {@code n} (a new topic), and the buttons of an
 * answer ({@code b:}, {@code m:}, {@code f:}). Every press gets its {@code answerCallbackQuery};
 * data that does not read (an old or forged button) gets "Deze knop ken ik niet (meer)".
 */
final class ButtonPresses {

    static final String UNKNOWN = "Deze knop ken ik niet (meer).";

    private final AnswerReplies answers;
    private final FollowCommands follow;
    private final Clock clock;

    ButtonPresses(AnswerReplies answers, FollowCommands follow, Clock clock) {
        this.answers = answers;
        this.follow = follow;
        this.clock = clock;
    }

    List<Reply> press(Snapshot s, Incoming.Callback cb) throws IOException, SQLException {
        String[] f = cb.data().split(":");
        long chat = cb.chatId();
        try {
            return switch (f[0]) {
                case "o" -> pressed(cb, answers.question(s, chat, "opgave " + opgave(f[1])));
                case "d" -> pressed(cb, DeadlinePages.page(s.agreements, Now.today(clock), Integer.toString(opgave(f[1])), 0));
                case "dl" -> {
                    Reply page = DeadlinePages.pressed(s.agreements, Now.today(clock), f[1], Integer.parseInt(f[2]));
                    yield pressed(cb, cb.messageId() > 0 && page instanceof Reply.Message m ? new Reply.Edit(cb.messageId(), m) : page);
                }
                case "l" -> pressed(cb, Pages.opgaven());
                case "v", "vu" -> follow.callback(cb, opgave(f[1]), f[0].equals("v"), s.agreements);
                case "n" -> pressed(cb, answers.fresh(chat));
                case "b" -> answers.passage(s, cb, Long.parseLong(f[1]));
                case "m" -> answers.more(s, cb, Long.parseLong(f[1]), Integer.parseInt(f[2]));
                case "f" -> answers.feedback(cb, Long.parseLong(f[1]), f[2].equals("+"));
                default -> List.of(new Reply.CallbackAnswer(cb.callbackId(), UNKNOWN));
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return List.of(new Reply.CallbackAnswer(cb.callbackId(), UNKNOWN));
        }
    }

    /** The press answered without a text, then {@code reply}. */
    private static List<Reply> pressed(Incoming.Callback cb, Reply reply) {
        return List.of(new Reply.CallbackAnswer(cb.callbackId(), ""), reply);
    }

    /** An opgave number from button data; a number out of range reads as a button that does not. */
    private static int opgave(String data) {
        int n = Integer.parseInt(data);
        if (n < 1 || n > Opgaven.ALL.size()) {
            throw new NumberFormatException("opgave " + n);
        }
        return n;
    }
}
