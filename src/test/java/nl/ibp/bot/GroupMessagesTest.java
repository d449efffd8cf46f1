package nl.ibp.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ibp.bot.Handler.Incoming;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Which group messages reach the handler (privacy mode on), and with what text. */
class GroupMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UpdateReader.Me ME = new UpdateReader.Me(999, "IbpBot");
    private static final long GROUP = -100123;

    private static ObjectNode message(long chat, String type, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", 1);
        ObjectNode m = u.putObject("message").put("message_id", 5).put("date", 1_700_000_000);
        m.putObject("from").put("id", 42).put("is_bot", false).put("first_name", "Raadslid");
        m.putObject("chat").put("id", chat).put("type", type).put("title", "Raad");
        if (text != null) {
            m.put("text", text);
        }
        return u;
    }

    private static Incoming in(ObjectNode update, UpdateReader.Me me) throws Exception {
        return UpdateReader.incoming(JSON.treeToValue(update, Update.class), me).orElse(null);
    }

    private static String text(ObjectNode update) throws Exception {
        Incoming i = in(update, ME);
        return i == null ? null : assertInstanceOf(Incoming.Text.class, i).text();
    }

    @Test
    void commandsInAGroupAreAnsweredWithOrWithoutTheBotsName() throws Exception {
        assertEquals("/opgave 6", text(message(GROUP, "group", "/opgave 6")));
        assertEquals("/opgave 6", text(message(GROUP, "supergroup", "/opgave@IbpBot 6")));
        assertEquals("/help", text(message(GROUP, "supergroup", "/help@ibpbot")));
        assertNull(text(message(GROUP, "group", "/help@AnderBot")), "a command for another bot");
        assertNull(text(message(GROUP, "group", "/help@IbpBotje")));
    }

    @Test
    void aMentionIsAnsweredWithoutTheMention() throws Exception {
        assertEquals("wanneer moet de planning aardgasvrij klaar zijn?",
                text(message(GROUP, "group", "@IbpBot wanneer moet de planning aardgasvrij klaar zijn?")));
        assertEquals("wie doet schulden?", text(message(GROUP, "supergroup", "wie doet @ibpbot, schulden?")));
        assertNull(text(message(GROUP, "group", "mail naar info@IbpBot.nl")), "not a mention");
        assertNull(text(message(GROUP, "group", "@IbpBotje hallo")), "another user");
    }

    @Test
    void aReplyToTheBotIsAnsweredOtherGroupMessagesAreIgnored() throws Exception {
        ObjectNode reply = message(GROUP, "group", "en wanneer?");
        ObjectNode original = ((ObjectNode) reply.get("message")).putObject("reply_to_message")
                .put("message_id", 4).put("date", 1_700_000_000).put("text", "Opgave 1");
        original.putObject("from").put("id", 999).put("is_bot", true).put("first_name", "IBP").put("username", "IbpBot");
        original.putObject("chat").put("id", GROUP).put("type", "group");
        assertEquals("en wanneer?", text(reply));

        ((ObjectNode) original.get("from")).put("id", 43).put("is_bot", false).remove("username");
        assertNull(text(reply), "a reply to someone else");
        assertNull(text(message(GROUP, "group", "wat vinden jullie van opgave 6?")), "talk among members");
        assertNull(text(message(GROUP, "supergroup", null)), "a photo or a join in a group");
    }

    @Test
    void withoutGetMeOnlyPlainCommandsAreAnsweredInAGroup() throws Exception {
        assertEquals("/help", ((Incoming.Text) in(message(GROUP, "group", "/help"), null)).text());
        assertNull(in(message(GROUP, "group", "/help@IbpBot"), null));
        assertNull(in(message(GROUP, "group", "@IbpBot hallo"), null));
    }

    @Test
    void privateChatsAreAnsweredAsBeforeAndEditsIgnored() throws Exception {
        assertEquals("gewoon een vraag", text(message(42, "private", "gewoon een vraag")));
        assertInstanceOf(Incoming.Other.class, in(message(42, "private", null).put("update_id", 2), ME));
        ObjectNode edit = message(GROUP, "group", "/help");
        edit.set("edited_message", edit.remove("message"));
        assertNull(in(edit, ME), "an edited message in a group");
        ObjectNode privateEdit = message(42, "private", "/help");
        privateEdit.set("edited_message", privateEdit.remove("message"));
        assertNull(in(privateEdit, ME), "an edited message in a private chat");
    }
}
