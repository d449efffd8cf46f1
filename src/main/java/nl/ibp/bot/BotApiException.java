package nl.ibp.bot;

import java.util.OptionalInt;

/**
 * A Bot API call that did not succeed, by kind: Telegram said no ({@link Refused}), the answer was
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

    /** Telegram's own {@code "ok": false} answer. */
    static final class Refused extends BotApiException {
        private final int code;
        private final String description;
        private final OptionalInt retryAfter;

        Refused(String method, int code, String description, OptionalInt retryAfter) {
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

        /**
         * Telegram's 403: the bot was blocked by the user, kicked from the group or the chat is
         * gone. Nothing more reaches that chat; retrying cannot help.
         */
        boolean chatGone() {
            return code == 403;
        }

        boolean says(String phrase) {
            return description.toLowerCase(java.util.Locale.ROOT).contains(phrase.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        boolean transientFailure() {
            return code >= 500;
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
