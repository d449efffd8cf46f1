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
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Bot API calls over HTTP: the method as JSON ({@code POST {apiUrl}/bot{token}/{method}}), or a
 * file as multipart form data, a timeout on every call, and the answer checked by a
 * {@link ResponseCheck}: an answer that is not Telegram's JSON is a failure. When a call is tried
 * (Telegram's limits) and tried again (429's {@code retry_after}, back-off after a 5xx, a lost
 * connection or a foreign answer) is {@link CallRetry}'s.
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

    private final BotConfig config;
    private final ResponseCheck check;
    private final CallRetry retry;
    private final OkHttpClient http;
    private final OkHttpClient calls;
    private final OkHttpClient polls;
    private final String base;
    private volatile Call poll;

    BotApi(BotConfig config, ResponseCheck check, Pacer pacer, StopSignal stop) {
        this.config = config;
        this.check = check;
        this.retry = new CallRetry(pacer, stop, config.retryBackoff());
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
        return retry.run(method.getMethod(), chat, retries, () -> execute(method));
    }

    /**
     * {@code sendDocument}: a file as multipart form data (the one call JSON cannot carry), paced,
     * retried and 429-handled like every other call to the chat.
     */
    Message sendDocument(long chat, String fileName, byte[] content, String captionHtml)
            throws BotApiException, InterruptedException {
        SendDocument reader = SendDocument.builder().chatId(chat)
                .document(new InputFile(new java.io.ByteArrayInputStream(content), fileName)).build();
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("chat_id", Long.toString(chat))
                .addFormDataPart("document", fileName, RequestBody.create(content, DOCUMENT_BODY));
        if (!captionHtml.isEmpty()) {
            form.addFormDataPart("caption", captionHtml).addFormDataPart("parse_mode", "HTML");
        }
        RequestBody body = form.build();
        return retry.run("sendDocument", OptionalLong.of(chat), config.retries(), () -> exchange(reader, body));
    }

    private <T extends Serializable> T execute(BotApiMethod<T> method) throws BotApiException {
        String body;
        try {
            method.validate();
            body = JSON.writeValueAsString(method);
        } catch (TelegramApiValidationException | JsonProcessingException e) {
            throw new IllegalArgumentException(method.getMethod() + " is not a valid call: " + e.getMessage(), e);
        }
        return exchange(method, RequestBody.create(body, JSON_BODY));
    }

    /** One HTTP exchange of {@code method} with {@code body}, its answer read by the {@link ResponseCheck}. */
    private <T extends Serializable> T exchange(PartialBotApiMethod<T> method, RequestBody body) throws BotApiException {
        Request request = new Request.Builder().url(base + method.getMethod()).post(body).build();
        try (Response response = calls.newCall(request).execute()) {
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
