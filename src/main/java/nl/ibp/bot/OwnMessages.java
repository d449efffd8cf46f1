package nl.ibp.bot;

import java.util.List;
import nl.ibp.bot.Courier.Delivery;
import nl.ibp.bot.Handler.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the bot sends of its own accord, outside the reply to an update, paced, retried and
 * checked like every reply: queued behind a chat's updates in progress ({@link #queue}: a
 * finished {@code /reindex}), or sent on the caller's thread with the outcome
 * ({@link #send}: reminders and alerts).
 */
final class OwnMessages {

    private static final Logger LOG = LoggerFactory.getLogger(OwnMessages.class);

    private final ReplySender sender;
    private final ChatQueues queues;
    private final StopSignal stop;

    OwnMessages(ReplySender sender, ChatQueues queues, StopSignal stop) {
        this.sender = sender;
        this.queues = queues;
        this.stop = stop;
    }

    /** Queues the message behind the chat's updates in progress; failures are logged, never thrown. */
    void queue(long chat, Reply.Message message) {
        if (stop.stopped()) {
            LOG.warn("message to chat {} dropped: the bot is stopping", chat);
            return;
        }
        List<Step> steps = Step.plan(new Handler.Incoming.Other(chat, chat, "outbox"), List.of(message));
        boolean queued = queues.submit(chat, () -> {
            try {
                make(chat, steps);
            } catch (InterruptedException e) {
                LOG.warn("message to chat {} dropped: the bot is stopping", chat);
            }
        });
        if (!queued) {
            LOG.warn("message to chat {} dropped: the bot is stopping", chat);
        }
    }

    /** Sends the message now, on the caller's thread, and says whether it arrived. */
    Delivery send(long chat, Reply.Message message) throws InterruptedException {
        stop.check();
        return make(chat, Step.plan(new Handler.Incoming.Other(chat, chat, "courier"), List.of(message)));
    }

    private Delivery make(long chat, List<Step> steps) throws InterruptedException {
        for (Step step : steps) {
            try {
                if (sender.make(step) == ReplySender.Result.CHAT_GONE) {
                    return Delivery.CHAT_GONE;
                }
            } catch (BotApiException e) {
                LOG.warn("message to chat {} failed: {}", chat, e.getMessage());
                return Delivery.FAILED;
            }
        }
        return Delivery.SENT;
    }
}
