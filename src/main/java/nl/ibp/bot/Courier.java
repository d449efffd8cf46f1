package nl.ibp.bot;

import nl.ibp.bot.Handler.Reply;

/**
 * Sends a message nobody asked for just then (a reminder, an alert) and says what became of it;
 * the adapter's pacing, retries and 429 handling apply.
 */
@FunctionalInterface
interface Courier {

    /** What became of a message sent by the courier. */
    enum Delivery {
        /** Telegram took every part. */
        SENT,
        /** The chat blocked the bot, removed it or no longer exists (403, 400 "chat not found"): nothing more reaches it. */
        CHAT_GONE,
        /** Telegram did not take it after the retries; it may be tried again later. */
        FAILED
    }

    /** @throws InterruptedException when the adapter stops first */
    Delivery send(long chat, Reply.Message message) throws InterruptedException;
}
