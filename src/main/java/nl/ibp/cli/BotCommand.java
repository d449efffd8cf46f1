package nl.ibp.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.ibp.bot.BotConfig;
import nl.ibp.bot.BotStore;
import nl.ibp.bot.TelegramAssistant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ibp bot}: serves the assistant in Telegram until stopped (SIGTERM, Ctrl-C). */
@Command(name = "bot", mixinStandardHelpOptions = true,
        description = "Start de Telegram-bot (token in IBP_TELEGRAM_TOKEN of IBP_TELEGRAM_TOKEN_FILE).")
final class BotCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @picocli.CommandLine.Option(names = "--now", paramLabel = "TIJDSTIP", description = "Laat de klok van de bot lopen "
            + "vanaf TIJDSTIP (JJJJ-MM-DDTuu:mm), voor een demonstratie van herinneringen; anders de klok van het "
            + "proces (IBP_NOW zet hem vast).")
    String now;

    private final Terminal terminal;

    BotCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        Optional<BotConfig> config = BotConfig.fromEnv(System.getenv());
        if (config.isEmpty()) {
            terminal.err().println("ibp bot: geen Telegram-token; zet " + BotConfig.TOKEN + " of " + BotConfig.TOKEN_FILE);
            return ExitCodes.USAGE;
        }
        Clock clock;
        try {
            clock = now == null ? nl.ibp.config.Now.clock()
                    : nl.ibp.config.Now.runningFrom(nl.ibp.config.Now.parse(now, "--now"), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            terminal.err().println("ibp bot: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        IndexCommand.ensureIndex(terminal, locations);
        CountDownLatch stopped = new CountDownLatch(1);
        BotStore store = BotStore.open(locations.layout().root());
        TelegramAssistant bot;
        try {
            bot = TelegramAssistant.open(config.get(), locations.layout(), locations.settings().corpus(), store, clock);
        } catch (Exception e) {
            store.close();
            throw e;
        }
        Thread hook = new Thread(() -> {
            try (store; bot) {
                terminal.out().println("De bot stopt.");
            } catch (Exception e) {
                terminal.err().println("ibp bot: stoppen: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "ibp-bot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        bot.start();
        terminal.out().println("De IBP-assistent luistert in Telegram (" + config.get().apiUrl().getHost() + "). Stop met Ctrl-C.");
        terminal.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
