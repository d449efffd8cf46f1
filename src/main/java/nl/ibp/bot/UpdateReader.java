package nl.ibp.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ibp.bot.Handler.Incoming;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What an update means to the handler: who sent what in which chat, and whether it is meant for
 * the bot at all (in groups only commands, mentions and replies to the bot are).
 */
final class UpdateReader {

    private UpdateReader() {
    }

    /** Who the bot is ({@code getMe}): its user id and username, for commands, mentions and replies in groups. */
    record Me(long id, String username) {
    }

    /** The kinds of update the bot asks for; anything else is confirmed and dropped. */
    static final java.util.List<String> KINDS = java.util.List.of("message", "callback_query");

    /**
     * The chat an update belongs to, from its JSON: the message's chat, or for a button press the
     * chat of the message it sits on, else the user who pressed it. Empty when there is none.
     */
    static OptionalLong chat(JsonNode update) {
        JsonNode message = update.path("message");
        if (message.isObject()) {
            return id(message.path("chat").path("id"));
        }
        JsonNode cq = update.path("callback_query");
        if (cq.isObject()) {
            OptionalLong chat = id(cq.path("message").path("chat").path("id"));
            return chat.isPresent() ? chat : id(cq.path("from").path("id"));
        }
        return OptionalLong.empty();
    }

    /** The update's kind as Telegram names it ("message", "callback_query", "edited_message", …). */
    static String kind(JsonNode update) {
        var names = update.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("update_id")) {
                return n;
            }
        }
        return "empty";
    }

    private static OptionalLong id(JsonNode n) {
        return n.canConvertToLong() && n.isIntegralNumber() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
    }

    /** The update as the handler sees it, without knowing who the bot is (private chats, tests). */
    static Optional<Incoming> incoming(Update u) {
        return incoming(u, null);
    }

    /**
     * The update as the handler sees it; empty for updates that get no reply (other kinds, and
     * group messages not meant for the bot). In a group or supergroup (privacy mode on) the bot
     * answers commands ({@code /cmd} or {@code /cmd@ThisBot}, not {@code /cmd@OtherBot}),
     * messages that mention it (the mention is stripped) and replies to its own messages.
     */
    static Optional<Incoming> incoming(Update u, Me me) {
        if (u.hasCallbackQuery()) {
            var cq = u.getCallbackQuery();
            var on = cq.getMessage();
            long chat = on != null && on.getChat() != null ? on.getChatId() : cq.getFrom().getId();
            long messageId = on != null && on.getMessageId() != null ? on.getMessageId() : 0;
            return Optional.of(new Incoming.Callback(chat, cq.getFrom().getId(), cq.getId(), cq.getData(), messageId));
        }
        if (!u.hasMessage() || u.getMessage().getChat() == null) {
            return Optional.empty();
        }
        Message m = u.getMessage();
        long user = m.getFrom() != null ? m.getFrom().getId() : m.getChatId();
        boolean group = m.isGroupMessage() || m.isSuperGroupMessage();
        if (group) {
            String text = m.hasText() ? addressed(m, me) : null;
            return text == null ? Optional.empty() : Optional.of(new Incoming.Text(m.getChatId(), user, text));
        }
        if (m.hasText()) {
            return Optional.of(new Incoming.Text(m.getChatId(), user, m.getText()));
        }
        if (m.hasDocument() && m.isUserMessage()) {
            var doc = m.getDocument();
            return Optional.of(new Incoming.Document(m.getChatId(), user, doc.getFileId(), doc.getFileName(), doc.getMimeType(),
                    doc.getFileSize() == null ? -1 : doc.getFileSize()));
        }
        String kind = m.hasPhoto() ? "photo" : m.hasSticker() ? "sticker" : m.hasVoice() ? "voice"
                : m.hasDocument() ? "document" : "other";
        if (!m.isUserMessage() && kind.equals("other")) {
            return Optional.empty(); // service messages in channels: no reply
        }
        return Optional.of(new Incoming.Other(m.getChatId(), user, kind));
    }

    private static final Pattern GROUP_COMMAND = Pattern.compile("^/(\\w+)(?:@(\\w+))?(.*)$", Pattern.DOTALL);

    /** The text of a group message meant for the bot (the mention stripped), or null when it is not. */
    private static String addressed(Message m, Me me) {
        String text = m.getText().strip();
        Matcher c = GROUP_COMMAND.matcher(text);
        if (c.matches()) {
            String target = c.group(2);
            if (target == null) {
                return text;
            }
            return me != null && target.equalsIgnoreCase(me.username()) ? "/" + c.group(1) + c.group(3) : null;
        }
        if (me != null && me.username() != null) {
            Pattern mention = Pattern.compile("(?i)(?<![\\w@])@" + Pattern.quote(me.username()) + "(?!\\w)[,:]?");
            Matcher mm = mention.matcher(text);
            if (mm.find()) {
                return mm.replaceAll(" ").replaceAll("\\s+", " ").strip();
            }
        }
        Message replied = m.getReplyToMessage();
        if (me != null && replied != null && replied.getFrom() != null && replied.getFrom().getId() == me.id()) {
            return text;
        }
        return null;
    }
}
