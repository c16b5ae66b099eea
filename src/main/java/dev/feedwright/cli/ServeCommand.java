package dev.feedwright.cli;

import dev.feedwright.config.CronCheck;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.ServeConfig;
import dev.feedwright.pipeline.IoFailures;
import dev.feedwright.serve.FeedServer;
import dev.feedwright.serve.ServeOptions;
import dev.feedwright.serve.SiteAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code feedwright serve}: the output folder over HTTP until the process is told to stop. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Serve the output folder over HTTP until stopped (Ctrl-C, SIGTERM).",
            "Feeds go out with their media type, ETag and Last-Modified (304 when unchanged),"
                + " gzip when asked, and Cache-Control: max-age of feeds.refresh."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 1 to 65535 (overrides serve.port; default 8080).")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (overrides serve.bind; default 127.0.0.1, this machine only).")
    private String bind;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to serve (overrides output.dir).")
    private Path out;

    private final ShutdownHooks shutdownHooks;

    ServeCommand() {
        this(ShutdownHooks.RUNTIME);
    }

    ServeCommand(ShutdownHooks shutdownHooks) {
        this.shutdownHooks = shutdownHooks;
    }

    @Override
    public Integer call() {
        FeedwrightConfig settings = config.load(spec.commandLine(), CronCheck.NONE, this::withOptions);
        PrintWriter err = spec.commandLine().getErr(); // with logging.file, also to the file
        Path folder = settings.output().dir();
        if (!Files.isDirectory(folder)) {
            Failures.print(err, "serve: the output folder " + folder + " does not exist or is not a folder;"
                    + " run 'feedwright export' first");
            return ExitCodes.FATAL;
        }
        FeedServer server = new FeedServer(ServeOptions.of(settings));
        try {
            server.start();
        } catch (IOException e) {
            Failures.print(err, "serve: " + IoFailures.describe(e));
            return ExitCodes.FATAL;
        }
        shutdownHooks.add(server::close);
        spec.commandLine().getOut().println("serving " + withSlash(folder) + " at " + server.address());
        SiteAddress.problem(settings.site().baseUrl(), server.address(), settings.serve().bind())
                .ifPresent(problem -> Failures.print(spec.commandLine().getErr(), "warning: " + problem));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCodes.OK;
    }

    /** The configuration with the command-line options applied; a bad option is a usage error. */
    private FeedwrightConfig withOptions(FeedwrightConfig settings) {
        ServeConfig serve = settings.serve();
        if (port != null) {
            if (port < 1 || port > ServeConfig.MAX_PORT) {
                throw new ParameterException(spec.commandLine(),
                        "--port must be between 1 and " + ServeConfig.MAX_PORT + ", was " + port);
            }
            serve = serve.withPort(port);
        }
        if (bind != null) {
            if (!ServeConfig.isBindAddress(bind)) {
                throw new ParameterException(spec.commandLine(),
                        "--bind must be an IP address or a host name, was '" + bind + "'");
            }
            serve = serve.withBind(bind);
        }
        FeedwrightConfig result = settings.withServe(serve);
        return out == null ? result : result.withOutputDir(out);
    }

    private static String withSlash(Path folder) {
        String name = folder.toString();
        return name.endsWith("/") ? name : name + "/";
    }

    /** Where to register what must run when the process is told to stop; tests call it themselves. */
    @FunctionalInterface
    interface ShutdownHooks {

        /** Runs the action in a JVM shutdown hook: on SIGINT (Ctrl-C), SIGTERM or {@code System.exit}. */
        ShutdownHooks RUNTIME = action -> Runtime.getRuntime().addShutdownHook(
                new Thread(action, "feedwright-serve-shutdown"));

        void add(Runnable action);
    }
}
