package nl.ibp.bot;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.methods.GetFile;

/**
 * Documents sent to the bot: {@code getFile} for the path, then {@code GET
 * {apiUrl}/file/bot{token}/{path}} (TelegramBots' download ignores a custom API URL). The URL
 * holds the token: it is never logged, and errors name neither URL nor token.
 */
final class TelegramFiles implements Handler.FileSource {

    private final BotConfig config;
    private final BotApi api;
    private final OkHttpClient downloads;

    TelegramFiles(BotConfig config, BotApi api) {
        this.config = config;
        this.api = api;
        this.downloads = api.http().newBuilder().callTimeout(120, TimeUnit.SECONDS).build();
    }

    /** At most {@code maxBytes} are read; a declared size that lies is caught while reading. */
    @Override
    public byte[] download(String fileId, long maxBytes) throws IOException {
        org.telegram.telegrambots.meta.api.objects.File file;
        try {
            file = api.call(GetFile.builder().fileId(fileId).build(), OptionalLong.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (BotApiException e) {
            throw new IOException("getFile failed: " + config.redact(e.getMessage()));
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new IOException("getFile gave no file path");
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new IOException("file too large (" + file.getFileSize() + " bytes)");
        }
        String base = config.apiUrl().toString().replaceAll("/+$", "");
        Request request = new Request.Builder()
                .url(base + "/file/bot" + config.token() + "/" + file.getFilePath().replaceAll("^/+", "")).get().build();
        try (Response response = downloads.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new DownloadFailed("file download failed: HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new DownloadFailed("file too large (over " + maxBytes + " bytes)");
                }
                return bytes;
            }
        } catch (DownloadFailed e) {
            throw new IOException(e.getMessage());
        } catch (IOException e) {
            throw new IOException("file download failed: " + e.getClass().getSimpleName()); // never the URL
        }
    }

    /** A failure whose message is already safe to show. */
    private static final class DownloadFailed extends IOException {
        DownloadFailed(String message) {
            super(message);
        }
    }
}
