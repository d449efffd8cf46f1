package nl.ibp.bot;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Makes one planned {@link Step} as Bot API calls, with Telegram's refusals that have a remedy
 * handled here: a chat that blocked the bot or no longer exists ({@link BotApiException.ChatGone})
 * is marked inactive; HTML Telegram cannot parse
 * is sent again as plain text; an edit Telegram refuses becomes a new message, except "message is
 * not modified" (it already shows that); a press too old to answer is logged.
 */
final class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** What became of a step. */
    enum Result {
        /** Telegram took it. */
        DONE,
        /** The chat blocked the bot or is gone: nothing more can reach it. */
        CHAT_GONE
    }

    private final BotApi api;
    private final BotStore store;
    private final Clock clock;

    ReplySender(BotApi api, BotStore store, Clock clock) {
        this.api = api;
        this.store = store;
        this.clock = clock;
    }

    /** @throws BotApiException when Telegram did not take it (after the retries {@link BotApi} makes) */
    Result make(Step step) throws BotApiException, InterruptedException {
        try {
            return switch (step.kind()) {
                case SEND -> send(step.chat(), step.text(), step.keyboard());
                case EDIT -> edit(step);
                case ANSWER_CALLBACK -> answer(step);
                case SEND_DOCUMENT -> {
                    api.sendDocument(step.chat(), step.fileName(), step.bytes(), step.text());
                    yield Result.DONE;
                }
            };
        } catch (BotApiException.ChatGone gone) {
            try {
                int forgotten = store.chatGone(step.chat(), clock.instant());
                LOG.info("chat {} blocked the bot or is gone ({}): marked inactive{}", step.chat(), gone.description(),
                        forgotten > 0 ? ", its " + forgotten + " followed opgaven forgotten" : "");
            } catch (SQLException e) {
                LOG.error("marking chat {} inactive: {}", step.chat(), e.getMessage());
            }
            return Result.CHAT_GONE;
        }
    }

    private Result send(long chat, String html, List<List<Handler.Button>> keyboard) throws BotApiException, InterruptedException {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chat).text(html).parseMode("HTML");
        markup(keyboard).ifPresent(b::replyMarkup);
        try {
            api.call(b.build(), OptionalLong.of(chat));
        } catch (BotApiException.Refused r) {
            if (r.code() != 400 || !r.says("can't parse entities")) {
                throw r;
            }
            LOG.error("BUG: Telegram could not parse our HTML in chat {}: {}; sending plain text", chat, r.getMessage());
            SendMessage.SendMessageBuilder<?, ?> plain = SendMessage.builder().chatId(chat).text(Html.plain(html));
            markup(keyboard).ifPresent(plain::replyMarkup);
            api.call(plain.build(), OptionalLong.of(chat));
        }
        return Result.DONE;
    }

    private Result edit(Step step) throws BotApiException, InterruptedException {
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder().chatId(step.chat())
                .messageId(Math.toIntExact(step.messageId())).text(step.text()).parseMode("HTML");
        markup(step.keyboard()).ifPresent(b::replyMarkup);
        try {
            api.call(b.build(), OptionalLong.of(step.chat()));
            return Result.DONE;
        } catch (BotApiException.ChatGone gone) {
            throw gone;
        } catch (BotApiException.Refused r) {
            if (r.code() == 400 && r.says("message is not modified")) {
                LOG.debug("message {} in chat {} already shows this", step.messageId(), step.chat());
                return Result.DONE;
            }
            if (r.code() != 400) {
                throw r;
            }
            LOG.info("edit of message {} in chat {} refused ({}): sending a new message", step.messageId(), step.chat(),
                    r.description());
            return send(step.chat(), step.text(), step.keyboard());
        }
    }

    private Result answer(Step step) throws BotApiException, InterruptedException {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> b = AnswerCallbackQuery.builder().callbackQueryId(step.callbackId());
        if (!step.text().isEmpty()) {
            b.text(step.text());
        }
        try {
            api.call(b.build(), OptionalLong.empty());
        } catch (BotApiException.Refused r) {
            if (r.code() != 400) {
                throw r;
            }
            LOG.warn("answerCallbackQuery in chat {} refused: {}", step.chat(), r.description()); // too old: no apology
        }
        return Result.DONE;
    }

    private static java.util.Optional<InlineKeyboardMarkup> markup(List<List<Handler.Button>> keyboard) {
        if (keyboard.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Handler.Button> row : keyboard) {
            rows.add(new InlineKeyboardRow(row.stream().map(btn -> InlineKeyboardButton.builder().text(btn.text())
                    .callbackData(btn.data()).build()).toList()));
        }
        return java.util.Optional.of(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }
}
