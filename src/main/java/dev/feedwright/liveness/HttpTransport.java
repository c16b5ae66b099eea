package dev.feedwright.liveness;

import dev.feedwright.config.LivenessConfig;
import java.io.IOException;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one request with OkHttp and returns what a link check needs of the answer. Redirects are
 * not followed here (the {@link LinkProbe} follows them hop by hop); OkHttp retries only what its
 * own connection reuse caused (a pooled connection the server had already closed), every other
 * retry is the probe's; no proxy is used (the address check must see the real target); a GET
 * answer's body is read only up to {@code liveness.maxBodyBytes}.
 */
final class HttpTransport implements AutoCloseable {

    /** The name a {@code Retry-After} header travels under past OkHttp: see {@link #hideRetryAfter}. */
    private static final String RETRY_AFTER = "Feedwright-Retry-After";

    private final OkHttpClient client;
    private final int maxBodyBytes;

    HttpTransport(LivenessConfig config, Dns dns) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.client = new OkHttpClient.Builder()
                .dns(dns)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .addNetworkInterceptor(HttpTransport::hideRetryAfter)
                .connectionPool(new ConnectionPool(Math.min(config.concurrency(), 256), 30, TimeUnit.SECONDS))
                .build();
    }

    /** Sends {@code request}; never throws for what the network or the server did. */
    Exchange execute(Request request, boolean readBody) {
        Call call = client.newCall(request);
        try (Response response = call.execute()) {
            if (readBody && maxBodyBytes > 0) {
                readSome(response.body());
            }
            return new Exchange(response.code(), response.header("Location"), response.header(RETRY_AFTER),
                    response.header("ETag"), response.header("Last-Modified"), null);
        } catch (IOException e) {
            return Exchange.failed(e);
        }
    }

    /**
     * Renames {@code Retry-After} before OkHttp's follow-up logic reads it: OkHttp would retry a 503
     * asking for 0 s at once on its own (a request no retry count or host pause knows of), and it
     * fails with a NumberFormatException on a number of seconds above 2^31-1. The probe honours
     * the header itself.
     */
    private static Response hideRetryAfter(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null) {
            return response;
        }
        Headers headers = response.headers().newBuilder().removeAll("Retry-After")
                .addUnsafeNonAscii(RETRY_AFTER, retryAfter).build();
        return response.newBuilder().headers(headers).build();
    }

    /** Reads the start of the body; a slow or broken body does not change what the status said. */
    private void readSome(ResponseBody body) {
        try {
            body.source().request(maxBodyBytes);
        } catch (IOException e) {
            // The status line and headers already arrived; the rest of the body is not needed.
        }
    }

    /** Cancels every request in flight: they end at once with an IOException. */
    void cancelAll() {
        client.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.connectionPool().evictAll();
    }
}
