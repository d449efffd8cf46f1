package nl.ibp.bot;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the bot reaches Telegram, from the environment. {@link #toString()} never shows the token.
 *
 * @param apiUrl        base URL of the Bot API (scheme, host, port), Telegram's by default
 * @param admins        numeric Telegram user ids of the maintainers
 * @param pollTimeout   long-polling timeout asked of Telegram
 * @param emptyPollWait pause after an empty getUpdates (emulators answer at once instead of long polling)
 * @param callTimeout   limit on every other Bot API call
 * @param workers       threads that answer updates (one chat is answered one update at a time)
 * @param retries       further tries of a Bot API call that failed in a way that may pass (an answer
 *                      that is not Telegram's, a 5xx, no connection), before the user gets an apology
 * @param retryBackoff  wait before the first retry; it doubles with every next one
 * @param followHours   when reminders and alerts may be sent ({@value SendingWindow#ENV})
 */
public record BotConfig(String token, URI apiUrl, Set<Long> admins, Duration pollTimeout, Duration emptyPollWait,
                        Duration callTimeout, int workers, int retries, Duration retryBackoff, SendingWindow followHours) {

    public static final int RETRIES = 3;
    public static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    public static final String TOKEN = "IBP_TELEGRAM_TOKEN";
    public static final String TOKEN_FILE = "IBP_TELEGRAM_TOKEN_FILE";
    public static final String API_URL = "IBP_TELEGRAM_API_URL";
    public static final String ADMIN_IDS = "IBP_ADMIN_IDS";
    public static final URI TELEGRAM = URI.create("https://api.telegram.org");

    public BotConfig {
        if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the Telegram token is empty or contains whitespace");
        }
        admins = Set.copyOf(admins);
        java.util.Objects.requireNonNull(followHours, "followHours");
        if (retries < 0 || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retries and their back-off cannot be negative");
        }
    }

    /** The default retries ({@value #RETRIES}, from {@link #RETRY_BACKOFF}) and sending hours. */
    public BotConfig(String token, URI apiUrl, Set<Long> admins, Duration pollTimeout, Duration emptyPollWait,
                     Duration callTimeout, int workers) {
        this(token, apiUrl, admins, pollTimeout, emptyPollWait, callTimeout, workers, RETRIES, RETRY_BACKOFF,
                SendingWindow.DEFAULT);
    }

    /** The configuration from the environment; empty when no token is configured. */
    public static Optional<BotConfig> fromEnv(Map<String, String> env) throws IOException {
        String token = env.get(TOKEN);
        if ((token == null || token.isBlank()) && env.get(TOKEN_FILE) != null && !env.get(TOKEN_FILE).isBlank()) {
            token = Files.readString(Path.of(env.get(TOKEN_FILE)), StandardCharsets.UTF_8);
        }
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String url = env.getOrDefault(API_URL, "");
        Set<Long> admins = Arrays.stream(env.getOrDefault(ADMIN_IDS, "").split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(s -> {
                    try {
                        return Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(ADMIN_IDS + " must hold numeric Telegram user ids, not '" + s + "'");
                    }
                }).collect(Collectors.toSet());
        String hours = env.getOrDefault(SendingWindow.ENV, "");
        return Optional.of(new BotConfig(token.strip(), url.isBlank() ? TELEGRAM : URI.create(url.strip()), admins,
                Duration.ofSeconds(25), Duration.ofMillis(300), Duration.ofSeconds(15), 4)
                .withFollowHours(hours.isBlank() ? SendingWindow.DEFAULT : SendingWindow.parse(hours)));
    }

    public BotConfig withApiUrl(URI url) {
        return new BotConfig(token, url, admins, pollTimeout, emptyPollWait, callTimeout, workers, retries, retryBackoff, followHours);
    }

    public BotConfig withTimings(Duration pollTimeout, Duration emptyPollWait, Duration callTimeout) {
        return new BotConfig(token, apiUrl, admins, pollTimeout, emptyPollWait, callTimeout, workers, retries, retryBackoff, followHours);
    }

    public BotConfig withRetries(int retries, Duration retryBackoff) {
        return new BotConfig(token, apiUrl, admins, pollTimeout, emptyPollWait, callTimeout, workers, retries, retryBackoff, followHours);
    }

    public BotConfig withFollowHours(SendingWindow hours) {
        return new BotConfig(token, apiUrl, admins, pollTimeout, emptyPollWait, callTimeout, workers, retries, retryBackoff, hours);
    }

    /** Replaces the token, and anything shaped like a bot token, in text bound for a log. */
    public String redact(String text) {
        if (text == null) {
            return "";
        }
        return text.replace(token, "<token>").replaceAll("bot\\d+:[A-Za-z0-9_-]+", "bot<token>");
    }

    @Override
    public String toString() {
        return "BotConfig[apiUrl=" + apiUrl + ", admins=" + admins.size() + ", workers=" + workers
                + ", retries=" + retries + ", followHours=" + followHours + "]";
    }
}
