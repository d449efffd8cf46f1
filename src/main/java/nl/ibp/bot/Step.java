package nl.ibp.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.ibp.bot.Handler.Button;
import nl.ibp.bot.Handler.Incoming;
import nl.ibp.bot.Handler.Reply;

/**
 * One Bot API call of an update's answer, planned and stored before it is made: send a message
 * (one part of a long one), edit a message in place, or answer a button press. Stored as JSON.
 */
record Step(Kind kind, long chat, long messageId, String callbackId, String text, List<List<Button>> keyboard,
            String fileName, String content) {

    /** SEND_DOCUMENT: a file ({@code fileName}, its bytes base64 in {@code content}, the caption in {@code text}). */
    enum Kind { SEND, EDIT, ANSWER_CALLBACK, SEND_DOCUMENT }

    private static final ObjectMapper JSON = new ObjectMapper();

    Step {
        Objects.requireNonNull(kind, "kind");
        callbackId = callbackId == null ? "" : callbackId;
        text = text == null ? "" : text;
        keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
        fileName = fileName == null ? "" : fileName;
        content = content == null ? "" : content;
    }

    Step(Kind kind, long chat, long messageId, String callbackId, String text, List<List<Button>> keyboard) {
        this(kind, chat, messageId, callbackId, text, keyboard, "", "");
    }

    static Step document(long chat, String fileName, byte[] bytes, String captionHtml) {
        return new Step(Kind.SEND_DOCUMENT, chat, 0, "", captionHtml, List.of(), fileName,
                java.util.Base64.getEncoder().encodeToString(bytes));
    }

    /** The bytes of a document step. */
    byte[] bytes() {
        return java.util.Base64.getDecoder().decode(content);
    }

    static Step send(long chat, String html, List<List<Button>> keyboard) {
        return new Step(Kind.SEND, chat, 0, "", html, keyboard);
    }

    static Step edit(long chat, long messageId, String html, List<List<Button>> keyboard) {
        return new Step(Kind.EDIT, chat, messageId, "", html, keyboard);
    }

    static Step answer(long chat, String callbackId, String text) {
        return new Step(Kind.ANSWER_CALLBACK, chat, 0, callbackId, text, List.of());
    }

    /**
     * The calls for a handler's replies: a long message in parts below Telegram's limit (the
     * buttons on the last), an edit in place when it fits one message and the message is known
     * (else new messages), and for a button press always one answer to it, first.
     */
    static List<Step> plan(Incoming in, List<Reply> replies) {
        List<Step> steps = new ArrayList<>();
        long chat = in.chatId();
        for (Reply r : replies) {
            switch (r) {
                case Reply.CallbackAnswer a -> steps.add(answer(chat, a.callbackId(), a.text()));
                case Reply.Message m -> sendParts(chat, m, steps);
                case Reply.Document d -> steps.add(document(chat, d.fileName(), d.content(), d.caption()));
                case Reply.Edit e -> {
                    List<String> parts = Html.split(e.message().html(), Html.LIMIT);
                    if (e.messageId() > 0 && parts.size() == 1) {
                        steps.add(edit(chat, e.messageId(), parts.getFirst(), e.message().keyboard()));
                    } else {
                        sendParts(chat, e.message(), steps);
                    }
                }
            }
        }
        if (in instanceof Incoming.Callback cb && steps.stream().noneMatch(s -> s.kind() == Kind.ANSWER_CALLBACK)) {
            steps.addFirst(answer(chat, cb.callbackId(), "")); // Telegram shows a spinner until the press is answered
        }
        return List.copyOf(steps);
    }

    /** The apology for an update that could not be answered (and the press answered, for a button). */
    static List<Step> apology(Incoming in) {
        List<Step> steps = new ArrayList<>();
        if (in instanceof Incoming.Callback cb) {
            steps.add(answer(in.chatId(), cb.callbackId(), ""));
        }
        steps.add(send(in.chatId(), Html.esc(TelegramBot.APOLOGY), List.of()));
        return List.copyOf(steps);
    }

    private static void sendParts(long chat, Reply.Message m, List<Step> steps) {
        List<String> parts = Html.split(m.html(), Html.LIMIT);
        for (int i = 0; i < parts.size(); i++) {
            steps.add(send(chat, parts.get(i), i == parts.size() - 1 ? m.keyboard() : List.of()));
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a step that does not write as JSON: " + e.getMessage(), e);
        }
    }

    static Step fromJson(String json) {
        try {
            return JSON.readValue(json, Step.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored step that does not read: " + e.getMessage(), e);
        }
    }
}
