package nl.ibp.bot;

import java.util.OptionalInt;

/**
 * A Bot API call that did not succeed, by kind: Telegram said no ({@link Refused}; {@link ChatGone}
 * when no message can reach the chat any more), the answer was
 * not Telegram's ({@link NotTelegram}: an HTML page from a proxy, an empty body), Telegram said yes
 * but its result cannot be read ({@link Unreadable}), or Telegram could not be reached in time
 * ({@link Unreachable}). Messages never hold the token or a request URL.
 */
abstract sealed class BotApiException extends Exception
        permits BotApiException.Refused, BotApiException.NotTelegram, BotApiException.Unreadable, BotApiException.Unreachable {

    private BotApiException(String message) {
        super(message, null, false, false);
    }

    /** Worth another try: the server or the way to it may recover. */
    abstract boolean transientFailure();

    /**
     * Telegram's {@code "ok": false} answer as its kind: {@link ChatGone} for a chat that blocked
     * the bot, removed it or does not exist, else a plain {@link Refused}. The one place that reads
     * Telegram's descriptions for a chat's fate.
     */
    static Refused refused(String method, int code, String description, OptionalInt retryAfter) {
        boolean gone = code == 403 || code == 400 && lower(description).contains("chat not found");
        return gone ? new ChatGone(method, code, description) : new Refused(method, code, description, retryAfter);
    }

    private static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Telegram's own {@code "ok": false} answer. */
    static sealed class Refused extends BotApiException permits ChatGone {
        private final int code;
        private final String description;
        private final OptionalInt retryAfter;

        private Refused(String method, int code, String description, OptionalInt retryAfter) {
            super(method + " refused: " + code + " " + description);
            this.code = code;
            this.description = description;
            this.retryAfter = retryAfter;
        }

        int code() {
            return code;
        }

        String description() {
            return description;
        }

        /** Seconds to wait before the next call (429's {@code parameters.retry_after}). */
        OptionalInt retryAfter() {
            return retryAfter;
        }

        boolean says(String phrase) {
            return lower(description).contains(lower(phrase));
        }

        @Override
        boolean transientFailure() {
            return code >= 500;
        }
    }

    /**
     * Nothing more reaches the chat: Telegram's 403 (the user blocked the bot, it was kicked from
     * the group, the user is deactivated) or 400 "chat not found" (the chat was deleted, or never
     * was). Retrying cannot help; the chat is to be marked gone.
     */
    static final class ChatGone extends Refused {
        private ChatGone(String method, int code, String description) {
            super(method, code, description, OptionalInt.empty());
        }
    }

    /** An answer that is not Telegram's JSON (an HTML error page, even with status 200): the call did not succeed. */
    static final class NotTelegram extends BotApiException {
        NotTelegram(String method, int status, String what) {
            super(method + ": HTTP " + status + " with " + what + ", not Telegram's JSON");
        }

        @Override
        boolean transientFailure() {
            return true;
        }
    }

    /** Telegram said ok, but its result is not what this client reads: not retried (it was done). */
    static final class Unreadable extends BotApiException {
        Unreadable(String method, String why) {
            super(method + ": ok, but the result is unreadable: " + why);
        }

        @Override
        boolean transientFailure() {
            return false;
        }
    }

    /** No answer: connection refused or lost, or the call timed out. */
    static final class Unreachable extends BotApiException {
        Unreachable(String method, String why) {
            super(method + ": " + why);
        }

        @Override
        boolean transientFailure() {
            return true;
        }
    }
}
