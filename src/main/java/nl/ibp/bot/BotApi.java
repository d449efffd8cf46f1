package nl.ibp.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Bot API calls over HTTP: the method as JSON ({@code POST {apiUrl}/bot{token}/{method}}), a
 * timeout on every call, Telegram's limits kept ({@link Pacer}), 429's {@code retry_after}
 * honoured, and the answer checked by a {@link ResponseCheck}: an answer that is not Telegram's
 * JSON is a failure, retried with back-off like a 5xx or a lost connection.
 *
 * <p>TelegramBots gives the method and result types; the HTTP exchange is ours because its
 * client turns an HTML error page into the same "unable to deserialize" as an unreadable
 * success, so the two cannot be told apart. Neither the token nor a request URL is ever logged.
 */
final class BotApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotApi.class);
    private static final MediaType JSON_BODY = MediaType.get("application/json; charset=utf-8");
    private static final MediaType DOCUMENT_BODY = MediaType.get("application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_429 = 3;

    private final BotConfig config;
    private final ResponseCheck check;
    private final Pacer pacer;
    private final StopSignal stop;
    private final OkHttpClient http;
    private final OkHttpClient calls;
    private final OkHttpClient polls;
    private final String base;
    private volatile Call poll;

    BotApi(BotConfig config, ResponseCheck check, Pacer pacer, StopSignal stop) {
        this.config = config;
        this.check = check;
        this.pacer = pacer;
        this.stop = stop;
        long pollMillis = config.pollTimeout().toMillis();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(pollMillis + 15_000, TimeUnit.MILLISECONDS)
                .writeTimeout(15, TimeUnit.SECONDS)
                .build();
        this.calls = http.newBuilder().callTimeout(config.callTimeout()).build();
        this.polls = http.newBuilder().callTimeout(Duration.ofMillis(pollMillis + 20_000)).build();
        this.base = config.apiUrl().toString().replaceAll("/+$", "") + "/bot" + config.token() + "/";
    }

    /** The HTTP client (its pool and threads), for downloads. */
    OkHttpClient http() {
        return http;
    }

    /**
     * One call, retried: {@link BotConfig#retries()} more times with back-off after a failure
     * that may pass, and after a 429 once its {@code retry_after} has passed (per chat when
     * {@code chat} is given, so later messages to that chat wait too).
     *
     * @throws InterruptedException when the adapter stops first (the call was not made, or its answer is unknown)
     */
    <T extends Serializable> T call(BotApiMethod<T> method, OptionalLong chat) throws BotApiException, InterruptedException {
        return call(method, chat, config.retries());
    }

    /** One call without retries after failures (429 still waits): for what is best effort, such as setMyCommands. */
    <T extends Serializable> T callOnce(BotApiMethod<T> method) throws BotApiException, InterruptedException {
        return call(method, OptionalLong.empty(), 0);
    }

    private <T extends Serializable> T call(BotApiMethod<T> method, OptionalLong chat, int retries)
            throws BotApiException, InterruptedException {
        return retried(method.getMethod(), chat, retries, () -> execute(method));
    }

    /** One try of a call: the HTTP exchange and the reading of its answer. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws BotApiException;
    }

    /**
     * {@code sendDocument}: a file as multipart form data (the one call JSON cannot carry), paced,
     * retried and 429-handled like every other call to the chat.
     */
    Message sendDocument(long chat, String fileName, byte[] content, String captionHtml)
            throws BotApiException, InterruptedException {
        SendDocument reader = SendDocument.builder().chatId(chat)
                .document(new InputFile(new java.io.ByteArrayInputStream(content), fileName)).build();
        return retried("sendDocument", OptionalLong.of(chat), config.retries(), () -> {
            MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("chat_id", Long.toString(chat))
                    .addFormDataPart("document", fileName, RequestBody.create(content, DOCUMENT_BODY));
            if (!captionHtml.isEmpty()) {
                form.addFormDataPart("caption", captionHtml).addFormDataPart("parse_mode", "HTML");
            }
            Request request = new Request.Builder().url(base + "sendDocument").post(form.build()).build();
            try (Response response = calls.newCall(request).execute()) {
                return check.read(reader, response.code(), text(response));
            } catch (InterruptedIOException e) {
                throw new BotApiException.Unreachable("sendDocument", "no answer within " + config.callTimeout().toSeconds() + " s");
            } catch (IOException e) {
                throw new BotApiException.Unreachable("sendDocument", describe(e));
            }
        });
    }

    private <T> T retried(String name, OptionalLong chat, int retries, Attempt<T> attempt)
            throws BotApiException, InterruptedException {
        int tooMany = 0;
        int failures = 0;
        for (;;) {
            stop.check();
            long wait = chat.isPresent() ? pacer.reserve(chat.getAsLong()) : pacer.reserve();
            if (!stop.sleep(wait)) {
                stop.check();
            }
            try {
                return attempt.run();
            } catch (BotApiException.Refused r) {
                if (r.code() != 429 || tooMany >= MAX_429) {
                    throw r;
                }
                tooMany++;
                int after = Math.min(60, Math.max(1, r.retryAfter().orElse(1)));
                LOG.warn("429 from Telegram on {}: retrying after {} s", name, after);
                long delay = TimeUnit.SECONDS.toNanos(after);
                if (chat.isPresent()) {
                    pacer.backOff(chat.getAsLong(), delay); // the next reserve waits for it
                } else {
                    stop.sleep(delay);
                }
            } catch (BotApiException e) {
                if (!e.transientFailure() || failures >= retries) {
                    throw e;
                }
                Duration delay = config.retryBackoff().multipliedBy(1L << Math.min(failures, 10));
                failures++;
                LOG.warn("{}; retry {} of {} in {} ms", e.getMessage(), failures, retries, delay.toMillis());
                stop.sleep(delay.toNanos());
            }
        }
    }

    private <T extends Serializable> T execute(BotApiMethod<T> method) throws BotApiException {
        String body;
        try {
            method.validate();
            body = JSON.writeValueAsString(method);
        } catch (TelegramApiValidationException | JsonProcessingException e) {
            throw new IllegalArgumentException(method.getMethod() + " is not a valid call: " + e.getMessage(), e);
        }
        Request request = new Request.Builder().url(base + method.getMethod()).post(RequestBody.create(body, JSON_BODY)).build();
        Call call = calls.newCall(request);
        try (Response response = call.execute()) {
            return check.read(method, response.code(), text(response));
        } catch (InterruptedIOException e) {
            throw new BotApiException.Unreachable(method.getMethod(), "no answer within " + config.callTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new BotApiException.Unreachable(method.getMethod(), describe(e));
        }
    }

    /**
     * One {@code getUpdates} long poll; the updates as JSON, in the order Telegram gave them.
     * Without an {@code offset} Telegram starts at the earliest update not yet confirmed.
     */
    List<JsonNode> getUpdates(OptionalLong offset, int limit, List<String> allowed) throws BotApiException {
        ObjectNode args = JSON.createObjectNode();
        offset.ifPresent(o -> args.put("offset", o));
        args.put("limit", limit);
        args.put("timeout", config.pollTimeout().toSeconds());
        ArrayNode kinds = args.putArray("allowed_updates");
        allowed.forEach(kinds::add);
        Request request = new Request.Builder().url(base + "getUpdates")
                .post(RequestBody.create(args.toString(), JSON_BODY)).build();
        Call call = polls.newCall(request);
        poll = call;
        try (Response response = call.execute()) {
            JsonNode envelope = ResponseCheck.envelope("getUpdates", response.code(), text(response));
            if (!envelope.get("ok").booleanValue()) {
                throw ResponseCheck.refused("getUpdates", envelope);
            }
            JsonNode result = envelope.path("result");
            if (!result.isArray()) {
                throw new BotApiException.NotTelegram("getUpdates", response.code(), "a result that is not a list");
            }
            return toList(result);
        } catch (InterruptedIOException e) {
            throw new BotApiException.Unreachable("getUpdates", "no answer in time");
        } catch (IOException e) {
            throw new BotApiException.Unreachable("getUpdates", describe(e));
        } finally {
            poll = null;
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>(array.size());
        array.forEach(list::add);
        return List.copyOf(list);
    }

    private static String text(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    /** Ends a long poll in progress (at stop). */
    void cancelPoll() {
        Call c = poll;
        if (c != null) {
            c.cancel();
        }
    }

    private String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + config.redact(t.getMessage());
    }

    /** Cancels every call in progress (at a stop, after the grace period). */
    void cancelCalls() {
        http.dispatcher().cancelAll();
    }

    /** Cancels what is still running and frees the connections. */
    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
