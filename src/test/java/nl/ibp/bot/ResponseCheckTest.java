package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Telegram's answers read strictly: anything that is not its JSON envelope is a failure, never a success. */
class ResponseCheckTest {

    private static final SendMessage SEND = SendMessage.builder().chatId(5L).text("hallo").build();
    private static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1700000000,"
            + "\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"hallo\"}}";

    @Test
    void telegramsSuccessIsTheMessage() throws Exception {
        Message m = ResponseCheck.TELEGRAM.read(SEND, 200, SENT);
        assertEquals(7, m.getMessageId());
    }

    @Test
    void anHtmlPageIsNotTelegramWhateverItsStatus() {
        String page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        for (int status : new int[] {200, 502}) {
            var e = assertThrows(BotApiException.NotTelegram.class, () -> ResponseCheck.TELEGRAM.read(SEND, status, page));
            assertTrue(e.getMessage().contains("HTTP " + status + " with an HTML page"), e.getMessage());
            assertTrue(e.transientFailure(), "retried");
        }
    }

    @Test
    void emptyBrokenOrOkLessJsonIsNotTelegram() {
        for (String body : new String[] {"", "   ", "{\"ok\":tru", "[1,2]", "{\"message\":\"Route not found\"}",
                "{\"ok\":\"true\",\"result\":{}}", "Service Unavailable"}) {
            assertThrows(BotApiException.NotTelegram.class, () -> ResponseCheck.TELEGRAM.read(SEND, 200, body), body);
        }
    }

    @Test
    void telegramsRefusalCarriesCodeDescriptionAndRetryAfter() {
        var e = assertThrows(BotApiException.Refused.class, () -> ResponseCheck.TELEGRAM.read(SEND, 429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
                        + "\"parameters\":{\"retry_after\":3}}"));
        assertEquals(429, e.code());
        assertEquals(OptionalInt.of(3), e.retryAfter());
        assertTrue(e.says("too many requests"));
        var bad = assertThrows(BotApiException.Refused.class, () -> ResponseCheck.TELEGRAM.read(SEND, 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
        assertFalse(bad.transientFailure(), "a 400 is not retried");
        assertTrue(bad instanceof BotApiException.ChatGone, "a chat that does not exist is gone");
        var blocked = assertThrows(BotApiException.ChatGone.class, () -> ResponseCheck.TELEGRAM.read(SEND, 403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was kicked from the group chat\"}"));
        assertEquals(403, blocked.code());
        var unchanged = assertThrows(BotApiException.Refused.class, () -> ResponseCheck.TELEGRAM.read(SEND, 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified\"}"));
        assertFalse(unchanged instanceof BotApiException.ChatGone, "another 400 leaves the chat alone");
        var down = assertThrows(BotApiException.Refused.class, () -> ResponseCheck.TELEGRAM.read(SEND, 502,
                "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}"));
        assertTrue(down.transientFailure(), "a 5xx is retried");
    }

    @Test
    void okWithoutAReadableResultIsUnreadableNotDone() {
        assertThrows(BotApiException.Unreadable.class, () -> ResponseCheck.TELEGRAM.read(SEND, 200, "{\"ok\":true,\"result\":null}"));
        assertThrows(BotApiException.Unreadable.class, () -> ResponseCheck.TELEGRAM.read(SEND, 200, "{\"ok\":true}"));
        var e = assertThrows(BotApiException.Unreadable.class, () -> ResponseCheck.TELEGRAM.read(SEND, 200,
                "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1764633600000,\"chat\":{\"id\":5,\"type\":\"private\"}}}"));
        assertFalse(e.transientFailure(), "not sent again: Telegram said ok");
    }

    @Test
    void theEmulatorAdapterTakesItsOwnShapesAsDoneButNoHtml() throws Exception {
        assertEquals(null, EmulatorResponses.CHECK.read(SEND, 200,
                "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1764633600000,\"chat\":{\"id\":5,\"type\":\"private\"}}}"));
        assertThrows(BotApiException.NotTelegram.class, () -> EmulatorResponses.CHECK.read(SEND, 502, "<html>502</html>"));
    }
}
