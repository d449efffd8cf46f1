package nl.ibp.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The emulator {@code telegram-test-api} answers in its own shape: {@code "result": null} for
 * answerCallbackQuery and editMessageText, and a sent message whose {@code date} is in
 * milliseconds (too large for TelegramBots' Integer). Its {@code "ok": true} is taken as done
 * here, in the tests' adapter, so production keeps Telegram's strict reading. An answer that is
 * not JSON with a boolean {@code ok} is still a failure.
 */
final class EmulatorResponses {

    private EmulatorResponses() {
    }

    static final ResponseCheck CHECK = new ResponseCheck() {
        @Override
        public <T extends Serializable> T read(PartialBotApiMethod<T> method, int status, String body) throws BotApiException {
            JsonNode envelope = ResponseCheck.envelope(method.getMethod(), status, body);
            if (!envelope.get("ok").booleanValue()) {
                throw ResponseCheck.refused(method.getMethod(), envelope);
            }
            try {
                return method.deserializeResponse(body);
            } catch (TelegramApiRequestException e) {
                return null; // the emulator's own result shape: the call was done
            }
        }
    };
}
