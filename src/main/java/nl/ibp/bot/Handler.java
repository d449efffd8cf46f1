package nl.ibp.bot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bot's behaviour without Telegram: what comes in from a chat, what goes back. The Telegram
 * adapter turns updates into {@link Incoming} and {@link Reply} into Bot API calls; tests call
 * {@link #handle} directly.
 */
public interface Handler {

    /** The replies to one incoming update, in the order they are to be sent. May throw: the adapter apologises. */
    List<Reply> handle(Incoming incoming) throws Exception;

    /**
     * Tells the handler who the maintainers are (numeric user ids) and where messages go that
     * are not the reply to an update (the result of a {@code /reindex} that finishes later).
     */
    default void connect(Set<Long> admins, Outbox outbox) {
    }

    /**
     * Tells the handler how to fetch a document a user sent (the adapter downloads it from the
     * configured Bot API URL; tests pass a fake).
     */
    default void files(FileSource files) {
    }

    /**
     * Tells the handler how to ask Telegram whether a user administers a group ({@code getChatMember}).
     */
    default void members(ChatMembers members) {
    }

    /** Whether a user is an administrator (or the creator) of a group chat. */
    @FunctionalInterface
    interface ChatMembers {
        boolean isAdmin(long chat, long user) throws java.io.IOException;
    }

    /** Fetches the content of a document sent to the bot. */
    @FunctionalInterface
    interface FileSource {
        /**
         * The file's bytes; throws {@link java.io.IOException} when it cannot be fetched or is
         * larger than {@code maxBytes} (checked again while reading: a declared size can lie).
         */
        byte[] download(String fileId, long maxBytes) throws java.io.IOException;
    }

    /** Sends a message to a chat outside the reply to an update. */
    @FunctionalInterface
    interface Outbox {
        void send(long chatId, Reply.Message message);
    }

    /** Something a user sent. */
    sealed interface Incoming {
        long chatId();

        long userId();

        /** A text message; commands ("/opgave 6") included. */
        record Text(long chatId, long userId, String text) implements Incoming {
            public Text {
                text = text == null ? "" : text;
            }
        }

        /**
         * A press on an inline button; {@code messageId} is the message the button sits on (0 when
         * Telegram did not say), so the reply can edit that message in place.
         */
        record Callback(long chatId, long userId, String callbackId, String data, long messageId) implements Incoming {
            public Callback {
                data = data == null ? "" : data;
            }

            public Callback(long chatId, long userId, String callbackId, String data) {
                this(chatId, userId, callbackId, data, 0);
            }
        }

        /**
         * A document (file attachment). {@code fileName} and {@code mimeType} are what the sender
         * declared, never to be trusted; {@code size} is the declared size, -1 when unknown.
         */
        record Document(long chatId, long userId, String fileId, String fileName, String mimeType, long size)
                implements Incoming {
            public Document {
                Objects.requireNonNull(fileId, "fileId");
                fileName = fileName == null ? "" : fileName;
                mimeType = mimeType == null ? "" : mimeType;
            }
        }

        /** Anything else: a photo, sticker, voice message, location… ({@code kind} names it, for the log). */
        record Other(long chatId, long userId, String kind) implements Incoming {
        }
    }

    /** An inline button; its callback data is at most 64 bytes, as Telegram demands. */
    record Button(String text, String data) {
        public static final int MAX_DATA_BYTES = 64;

        public Button {
            Objects.requireNonNull(text, "text");
            if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
                throw new IllegalArgumentException("callback data over 64 bytes: " + data);
            }
        }
    }

    /** Something to send back. */
    sealed interface Reply {

        /** A message in HTML parse mode (every dynamic string escaped), with rows of inline buttons. */
        record Message(String html, List<List<Button>> keyboard) implements Reply {
            public Message {
                Objects.requireNonNull(html, "html");
                keyboard = keyboard.stream().map(List::copyOf).toList();
            }

            public Message(String html) {
                this(html, List.of());
            }
        }

        /**
         * Replaces the text and buttons of a message the bot sent earlier ({@code editMessageText}),
         * e.g. the next page of a list; the adapter sends it as a new message when it cannot edit.
         */
        record Edit(long messageId, Message message) implements Reply {
            public Edit {
                Objects.requireNonNull(message, "message");
            }
        }

        /** A file sent as a document ({@code sendDocument}), with a short caption in HTML. */
        record Document(String fileName, byte[] content, String caption) implements Reply {
            public Document {
                Objects.requireNonNull(fileName, "fileName");
                content = content.clone();
                caption = caption == null ? "" : caption;
            }

            @Override
            public byte[] content() {
                return content.clone();
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Document d && d.fileName.equals(fileName) && java.util.Arrays.equals(d.content, content)
                        && d.caption.equals(caption);
            }

            @Override
            public int hashCode() {
                return fileName.hashCode() * 31 + java.util.Arrays.hashCode(content);
            }

            @Override
            public String toString() {
                return "Document[" + fileName + ", " + content.length + " bytes]";
            }
        }

        /** The answer to a button press (Telegram wants one for every press); {@code text} may be empty. */
        record CallbackAnswer(String callbackId, String text) implements Reply {
        }
    }
}
