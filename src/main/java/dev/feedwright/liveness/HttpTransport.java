package dev.feedwright.liveness;

import dev.feedwright.config.LivenessConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one request with OkHttp and returns what a link check needs of the answer. Redirects are
 * not followed here (the {@link LinkProbe} follows them hop by hop); only what connection reuse
 * caused is retried here (by OkHttp, a pooled connection the server had already closed; by this
 * class, one that answered with what is not HTTP), every other retry is the probe's; no proxy is
 * used (the address check must see the real target); a GET answer's body is read only up to
 * {@code liveness.maxBodyBytes}.
 */
final class HttpTransport implements AutoCloseable {

    /** The name a {@code Retry-After} header travels under past OkHttp: see {@link #hideRetryAfter}. */
    private static final String RETRY_AFTER = "Feedwright-Retry-After";

    /**
     * Notes on a request's {@link Attempt} that its call opened a connection; a call that opened
     * none was given a pooled one.
     */
    private static final EventListener NOTE_CONNECTS = new EventListener() {
        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            Attempt attempt = call.request().tag(Attempt.class);
            if (attempt != null) {
                attempt.connected = true;
            }
        }
    };

    private final OkHttpClient client;
    /** The same client with no pool: each call on a connection of its own, closed after it. */
    private final OkHttpClient unpooled;
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
                .addNetworkInterceptor(HttpTransport::noteUnreadableAnswer)
                .eventListener(NOTE_CONNECTS)
                .connectionPool(new ConnectionPool(Math.min(config.concurrency(), 256), 30, TimeUnit.SECONDS))
                .build();
        this.unpooled = client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    }

    /**
     * Sends {@code request}; never throws for what the network or the server did. A pooled
     * connection whose answer cannot be read as HTTP was most likely left dirty by the answer
     * before (some servers send a body after their answer to HEAD, which the next request on the
     * connection then reads as its status line): the request is sent once more on a connection of
     * its own, closed after it, so that only such a failure costs a new connection.
     */
    Exchange execute(Request request, boolean readBody) {
        Attempt attempt = new Attempt();
        Exchange exchange = send(client, request.newBuilder().tag(Attempt.class, attempt).build(), readBody);
        if (exchange.failed() && attempt.unreadable && !attempt.connected) {
            return send(unpooled, request, readBody);
        }
        return exchange;
    }

    private Exchange send(OkHttpClient through, Request request, boolean readBody) {
        Call call = through.newCall(request);
        try (Response response = call.execute()) {
            if (readBody && maxBodyBytes > 0) {
                readSome(response.body());
            }
            return new Exchange(response.code(), response.header("Location"), response.header(RETRY_AFTER),
                    response.header("ETag"), response.header("Last-Modified"), null);
        } catch (IOException e) {
            return Exchange.failed(e);
        } catch (Exception e) {
            // OkHttp throws InterruptedException without declaring it when a worker is
            // interrupted while connecting (a stopped run's workers are shut down): a failed
            // exchange like any call cut off, not a stack trace on stderr from a dying thread.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return Exchange.failed(new InterruptedIOException("interrupted: the link check is stopping"));
            }
            throw e;
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

    /**
     * Notes on the request's {@link Attempt} that the answer's status line or headers could not be
     * read as HTTP. Only failures of the exchange itself pass here: a ProtocolException that OkHttp
     * throws later, about an answer it read (a 407 from a server that is no proxy), does not.
     */
    private static Response noteUnreadableAnswer(Interceptor.Chain chain) throws IOException {
        try {
            return chain.proceed(chain.request());
        } catch (ProtocolException e) {
            Attempt attempt = chain.request().tag(Attempt.class);
            if (attempt != null) {
                attempt.unreadable = true;
            }
            throw e;
        }
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
        unpooled.connectionPool().evictAll();
    }

    /** What a request's call met, noted on the request as its tag. */
    private static final class Attempt {
        /** It opened a connection, rather than taking a pooled one. */
        private volatile boolean connected;
        /** The answer's status line or headers were not HTTP. */
        private volatile boolean unreadable;
    }
}
