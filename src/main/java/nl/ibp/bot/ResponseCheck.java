package nl.ibp.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.OptionalInt;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads a Bot API answer into the method's result, or says why it is no success. Production uses
 * {@link #TELEGRAM}; the tests against an emulator that answers in its own shape pass their own.
 */
@FunctionalInterface
interface ResponseCheck {

    /**
     * The result of {@code method} from an HTTP answer with {@code status} and {@code body}.
     *
     * @throws BotApiException.Refused     Telegram's {@code "ok": false}
     * @throws BotApiException.NotTelegram anything that is not Telegram's JSON envelope
     * @throws BotApiException.Unreadable  {@code "ok": true} with a result that cannot be read
     */
    <T extends Serializable> T read(PartialBotApiMethod<T> method, int status, String body) throws BotApiException;

    /**
     * Telegram's answers exactly: a JSON object with a boolean {@code ok}; when true a non-null
     * {@code result} that reads as the method's type; when false {@code error_code},
     * {@code description} and maybe {@code parameters.retry_after}. Anything else, such as a
     * proxy's HTML page with status 502 or even 200, is {@link BotApiException.NotTelegram}.
     */
    ResponseCheck TELEGRAM = new ResponseCheck() {
        @Override
        public <T extends Serializable> T read(PartialBotApiMethod<T> method, int status, String body) throws BotApiException {
            JsonNode envelope = envelope(method.getMethod(), status, body);
            if (!envelope.get("ok").booleanValue()) {
                throw refused(method.getMethod(), envelope);
            }
            if (envelope.path("result").isMissingNode() || envelope.get("result").isNull()) {
                throw new BotApiException.Unreadable(method.getMethod(), "no result");
            }
            try {
                T result = method.deserializeResponse(body);
                if (result == null) {
                    throw new BotApiException.Unreadable(method.getMethod(), "no result");
                }
                return result;
            } catch (TelegramApiRequestException e) {
                throw new BotApiException.Unreadable(method.getMethod(), String.valueOf(e.getMessage()));
            }
        }
    };

    ObjectMapper JSON = new ObjectMapper();

    /** The parsed envelope: a JSON object with a boolean {@code ok}, else {@link BotApiException.NotTelegram}. */
    static JsonNode envelope(String method, int status, String body) throws BotApiException.NotTelegram {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            throw new BotApiException.NotTelegram(method, status, "an empty body");
        }
        if (trimmed.charAt(0) != '{') {
            throw new BotApiException.NotTelegram(method, status,
                    trimmed.charAt(0) == '<' ? "an HTML page" : "a body that is not JSON");
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (IOException e) {
            throw new BotApiException.NotTelegram(method, status, "broken JSON");
        }
        if (node == null || !node.isObject() || !node.path("ok").isBoolean()) {
            throw new BotApiException.NotTelegram(method, status, "JSON without a boolean 'ok'");
        }
        return node;
    }

    /** Telegram's {@code "ok": false} answer as an exception. */
    static BotApiException.Refused refused(String method, JsonNode envelope) {
        JsonNode after = envelope.path("parameters").path("retry_after");
        return BotApiException.refused(method, envelope.path("error_code").asInt(0),
                envelope.path("description").asText(""), after.canConvertToInt() ? OptionalInt.of(after.asInt()) : OptionalInt.empty());
    }
}
