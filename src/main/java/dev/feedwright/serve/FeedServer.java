package dev.feedwright.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the output folder over HTTP with Jetty, as a feed reader expects: the right media type
 * for each file, entity tags and {@code Last-Modified} with {@code 304 Not Modified}, gzip,
 * {@code Cache-Control} for the refresh period, {@code /} as {@code index.html}. Nothing else is
 * served: no folder listing, no hidden file, nothing outside the folder, not even through a
 * symbolic link.
 *
 * <p>The requests pass, in order: a graceful-stop counter, gzip, the context (which refuses any
 * path that climbs out of the folder or reaches a file through a link), the {@link PathGuard},
 * then the optional {@link JsonEndpoint} for {@code /status}, then the files. A process that runs
 * exports on a schedule passes its status as JSON; {@code feedwright serve} passes none.
 *
 * <p>Not thread-safe to start and stop from several threads at once; {@link #close()} may be
 * called from a shutdown hook while another thread waits in {@link #join()}.
 */
public final class FeedServer implements AutoCloseable {

    /** Where {@link #FeedServer(ServeOptions, Supplier)} answers with its status JSON. */
    public static final String STATUS_PATH = "/status";

    private static final Logger LOG = LoggerFactory.getLogger(FeedServer.class);
    /** How long a stop waits for the requests under way. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    /** How long a stop leaves an idle keep-alive connection open (Jetty's default is a second). */
    private static final long STOP_IDLE_MILLIS = 100;

    private final ServeOptions options;
    private final Server server;
    private final ServerConnector connector;
    private final ContextHandler context;

    /** A server for the folder alone, not yet started. */
    public FeedServer(ServeOptions options) {
        this(options, Optional.empty());
    }

    /** A server that also answers {@value #STATUS_PATH} with what {@code statusJson} gives at each request. */
    public FeedServer(ServeOptions options, Supplier<String> statusJson) {
        this(options, Optional.of(statusJson));
    }

    private FeedServer(ServeOptions options, Optional<Supplier<String>> statusJson) {
        this.options = options;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("feedwright-serve");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);

        GzipVariant gzip = new GzipVariant();
        Handler handler = new BrowserView(new FeedResourceHandler(options.maxAge(), gzip));
        if (statusJson.isPresent()) {
            handler = new JsonEndpoint(STATUS_PATH, statusJson.get(), handler);
        }
        this.context = new ContextHandler(new PathGuard(handler), "/");
        // No alias is allowed: a path that reaches its file through a symbolic link, or under
        // another spelling, is not served. Jetty's default would follow links anywhere.
        context.clearAliasChecks();
        // The resource handler takes its folder and media types from the context.
        for (Map.Entry<String, String> type : MediaTypes.BY_EXTENSION.entrySet()) {
            context.getMimeTypes().addMimeMapping(type.getKey(), type.getValue());
        }
        GracefulHandler graceful = new GracefulHandler(new WeakTags(gzip.handler(context)));
        graceful.setShutdownIdleTimeout(STOP_IDLE_MILLIS);
        server.setHandler(graceful);
        server.setErrorHandler(new PlainErrors());
    }

    /**
     * Error pages that say only the status: Jetty's name the exception and its message, which
     * for a file that failed to open is the file's place on disk.
     */
    private static final class PlainErrors extends ErrorHandler {

        PlainErrors() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                Callback callback) throws IOException {
            super.generateResponse(request, response, code, HttpStatus.getMessage(code), null, callback);
        }
    }

    /**
     * Starts listening.
     *
     * @throws java.nio.file.NoSuchFileException when the folder does not exist
     * @throws NotDirectoryException              when it is not a folder
     * @throws BindException                      when the address cannot be listened on, for
     *                                            example because the port is in use
     * @throws IOException                        when the server fails to start for another reason
     */
    public void start() throws IOException {
        Path root = options.folder().toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(options.folder().toString());
        }
        context.setBaseResource(ResourceFactory.of(context).newResource(root));
        try {
            server.start();
        } catch (Exception e) {
            close();
            BindException bind = findBindException(e);
            if (bind != null) {
                BindException described = new BindException("cannot listen on " + hostAndPort() + ": "
                        + bind.getMessage());
                described.initCause(e);
                throw described;
            }
            if (!resolves(options.bind())) {
                throw new IOException("cannot listen on " + hostAndPort() + ": the host name '" + options.bind()
                        + "' does not resolve to an address", e);
            }
            throw new IOException("cannot start serving on " + hostAndPort() + ": " + e, e);
        }
        LOG.debug("serving {} at {}", root, address());
    }

    /** The port listened on: the configured one, or once started, the one picked for port 0. */
    public int port() {
        int local = connector.getLocalPort();
        return local > 0 ? local : options.port();
    }

    /** The address the folder is served at, such as {@code http://127.0.0.1:8080/}. */
    public URI address() {
        String host = options.bind().indexOf(':') >= 0 ? "[" + options.bind() + "]" : options.bind();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Waits until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops listening, lets the requests under way finish (for a few seconds at most) and releases
     * every thread. Does nothing when the server is not running.
     */
    @Override
    public void close() {
        if (server.isStopped()) {
            return;
        }
        boolean wasRunning = server.isRunning();
        try {
            server.stop();
            if (wasRunning) {
                LOG.info("stopped serving {}", options.folder());
            }
        } catch (Exception e) {
            LOG.warn("stopping the server at {} failed: {}", hostAndPort(), e.toString());
        }
    }

    private String hostAndPort() {
        return options.bind() + ":" + options.port();
    }

    /** Whether {@code host} names an address (asked only once listening failed). */
    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static BindException findBindException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }
}
