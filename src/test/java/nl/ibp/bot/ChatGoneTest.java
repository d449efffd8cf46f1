package nl.ibp.bot;

import static nl.ibp.bot.BotApiStub.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import nl.ibp.agreements.Agreement;
import nl.ibp.config.Now;
import nl.ibp.follow.FollowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telegram's 400 "Bad Request: chat not found" (a deleted chat, or one that never was) ends a
 * chat like a 403, against the stub Bot API: the chat is marked inactive, nothing is retried, and
 * what it followed is forgotten so no reminder or alert is tried again.
 */
class ChatGoneTest {

    private static final String TOKEN = "4245:gone-TOKEN_value";
    private static final Instant MAY_18 = LocalDateTime.parse("2021-05-18T09:00").atZone(Now.ZONE).toInstant();

    @TempDir
    Path tmp;
    BotApiStub api;
    BotStore store;

    @BeforeEach
    void open() throws Exception {
        api = new BotApiStub();
        store = BotStore.open(tmp);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        api.close();
    }

    private BotConfig config() {
        return new BotConfig(TOKEN, api.url(), Set.of(), Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5), 4)
                .withRetries(1, Duration.ofMillis(50));
    }

    @Test
    void aReplyToAChatThatIsNotFoundMarksItGoneWithoutRetryOrApology() throws Exception {
        api.fail("sendMessage", BotApiStub.Failure.CHAT_NOT_FOUND, 1);
        api.add(BotApiStub.message(1, 77, "hallo"));
        Handler echo = in -> List.of(new Handler.Reply.Message("echo"));
        try (TelegramBot bot = new TelegramBot(config(), echo, store)) {
            assertTrue(store.isActive(77));
            bot.start();
            await(() -> {
                try {
                    return !store.isActive(77);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            }, 20, "chat 77 marked gone");
            Thread.sleep(500);
            assertEquals(1, api.calls("sendMessage").size(), "not retried, no apology: " + api.calls("sendMessage"));
        }
    }

    @Test
    void aReminderToAChatThatIsNotFoundForgetsWhatItFollowed() throws Exception {
        Clock clock = Clock.fixed(MAY_18, Now.ZONE);
        Agreement june = FollowSchedulerTest.agreement("a1", "Gemeenten stellen het plan vast.", LocalDate.of(2021, 6, 1),
                LocalDate.of(2021, 1, 5));
        FollowStore follows = new FollowStore(store.state());
        follows.follow(77, 1, MAY_18.minus(Duration.ofDays(60)));
        api.fail("sendMessage", BotApiStub.Failure.CHAT_NOT_FOUND, 1); // the reminder to chat 77
        try (TelegramBot bot = new TelegramBot(config(), in -> List.of(), store, new Pacer(System::nanoTime),
                ResponseCheck.TELEGRAM, clock);
             FollowScheduler scheduler = new FollowScheduler(follows, () -> new FollowScheduler.Generation("gen-1", List.of(june)),
                     () -> { }, bot.courier(), clock, SendingWindow.DEFAULT)) {
            scheduler.tick();
            assertTrue(follows.following(77).isEmpty(), "chat 77 follows nothing any more");
            assertFalse(store.isActive(77));
            follows.follow(78, 1, MAY_18); // another chat: its reminder goes out, 77's is not tried again
            scheduler.tick();
            assertEquals(List.of(78L), api.sent().stream().map(BotApiStub.Sent::chat).toList(), api.sent().toString());
            assertEquals(2, api.calls("sendMessage").size(), "77 not tried again: " + api.calls("sendMessage"));
            assertEquals(1, follows.counts().getOrDefault("reminder:undelivered", 0), follows.counts().toString());
        }
    }
}
