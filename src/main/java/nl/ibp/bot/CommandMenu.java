package nl.ibp.bot;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The commands Telegram offers in its menu ({@code setMyCommands}), with their descriptions. */
final class CommandMenu {

    private static final Logger LOG = LoggerFactory.getLogger(CommandMenu.class);

    static final List<BotCommand> COMMANDS = List.of(
            command("start", "Welkom en de tien opgaven"),
            command("help", "Wat de assistent kan"),
            command("opgaven", "De tien opgaven van het IBP"),
            command("opgave", "Eén opgave: /opgave 6"),
            command("deadlines", "Termijnen: /deadlines [opgave|jaar]"),
            command("wie", "Wie is verantwoordelijk: /wie onderwerp"),
            command("zoek", "Zoek passages: /zoek woorden"),
            command("bron", "Volledige passage van het laatste antwoord"),
            command("volg", "Volg een opgave: /volg 6 (zonder nummer: wat u volgt)"),
            command("ontvolg", "Stop met volgen: /ontvolg 6"),
            command("herinner", "Wanneer herinneren: /herinner 7,1"),
            command("agenda", "Termijnen als agendabestand: /agenda 6"));

    private CommandMenu() {
    }

    /** Sets the menu, best effort: one try, a failure is logged. */
    static void register(BotApi api) {
        try {
            api.callOnce(SetMyCommands.builder().commands(COMMANDS).build());
        } catch (InterruptedException e) {
            LOG.debug("setMyCommands skipped: stopping");
        } catch (BotApiException e) {
            LOG.warn("setMyCommands failed: {}", e.getMessage());
        }
    }

    private static BotCommand command(String name, String description) {
        return BotCommand.builder().command(name).description(description).build();
    }
}
