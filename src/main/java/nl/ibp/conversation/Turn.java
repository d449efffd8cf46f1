package nl.ibp.conversation;

import java.util.Objects;

/**
 * One message of a conversation: which chat it belongs to (a Telegram chat id, a terminal
 * session, a line's "chat" in {@code ask --jsonl}) and what was typed.
 */
public record Turn(String chat, String text) {
    public Turn {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(text, "text");
    }
}
