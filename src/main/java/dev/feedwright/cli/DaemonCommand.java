package dev.feedwright.cli;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.ServeConfig;
import dev.feedwright.pipeline.IoFailures;
import dev.feedwright.publish.OutputLockedException;
import dev.feedwright.schedule.Crons;
import dev.feedwright.schedule.Daemon;
import dev.feedwright.schedule.DaemonException;
import dev.feedwright.serve.FeedServer;
import dev.feedwright.serve.ServeOptions;
import dev.feedwright.serve.SiteAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code feedwright daemon}: keeps the feeds fresh on a schedule until the process is told to
 * stop, optionally serving them from the same process.
 */
@Command(name = "daemon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Keep the feeds fresh until stopped: export on a cron schedule (schedule.export, every 15"
                + " minutes by default), at start (schedule.runOnStart) and when files under the corpus folder are"
                + " added, changed or removed (schedule.watch, once the folder has been quiet for"
                + " schedule.quietPeriod); check the links on their own schedule (schedule.checkLinks) when"
                + " liveness.enabled is true.",
            "Cron expressions take the 5-field crontab form (minute hour day-of-month month day-of-week) or"
                + " Quartz's 6/7-field form (seconds first), read in schedule.timeZone.",
            "Runs never overlap: not each other, not themselves, not a one-shot 'feedwright export' writing the same"
                + " output folder (its lock). Missed fire times give one catch-up run. A run that fails is logged"
                + " with its cause and counted, and the schedule goes on.",
            "Ctrl-C or SIGTERM: no new runs; a run in progress gets schedule.shutdownTimeout to finish; exit 0."
                + " A run cut off leaves the previous feeds whole.",
            "Status: one log line per run; state/status.json (state.dir); with --serve also GET /status (JSON)."
                + " Logs go to standard output, and also to logging.file when set."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGTERM or Ctrl-C (also when a run had to be cut off)",
            "1:cannot start: the scheduler, the corpus watch, the port to serve on, the log file",
            "2:bad usage or bad configuration, such as a cron expression that is not one"})
final class DaemonCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "Also serve the output folder over HTTP on this port, as 'feedwright serve' does, with the"
                    + " daemon's status at /status (overrides serve.port; the address is serve.bind).")
    private Integer servePort;

    private final ProcessControl process;

    DaemonCommand() {
        this(ProcessControl.RUNTIME);
    }

    DaemonCommand(ProcessControl process) {
        this.process = process;
    }

    @Override
    public Integer call() {
        Logging.quiet(false);
        FeedwrightConfig settings = config.load(spec.commandLine(), Crons.CHECK, this::withOptions);
        PrintWriter err = spec.commandLine().getErr(); // with logging.file, also to the file
        Daemon daemon = Daemon.of(settings, BuildInfo.load());
        FeedServer server = null;
        if (servePort != null) {
            try {
                Files.createDirectories(settings.output().dir());
                server = new FeedServer(ServeOptions.of(settings), daemon::statusJson);
                server.start();
            } catch (IOException e) {
                Failures.print(err, "daemon: " + IoFailures.describe(e));
                return ExitCodes.FATAL;
            }
        }
        try {
            daemon.start();
        } catch (DaemonException e) {
            Failures.print(err, "daemon: " + e.getMessage());
            if (server != null) {
                server.close();
            }
            return e.getCause() instanceof OutputLockedException ? ExitCodes.LOCKED : ExitCodes.FATAL;
        }
        process.onReopen(() -> {
            if (settings.logging().file() == null) {
                return;
            }
            try {
                Logging.alsoToFile(settings.logging().file());
                LOG.info("logging.file reopened (SIGHUP)");
            } catch (IOException e) {
                LOG.error("logging.file {} cannot be reopened: {}", settings.logging().file(), IoFailures.describe(e));
            }
        });
        // Registered once started, so that a failure to start keeps its own exit code.
        CountDownLatch stopped = new CountDownLatch(1);
        FeedServer serving = server;
        process.onStop(() -> {
            daemon.stop(settings.schedule().shutdownTimeout());
            if (serving != null) {
                serving.close();
            }
            stopped.countDown();
            process.exit(ExitCodes.OK);
        });
        if (server != null) {
            spec.commandLine().getOut().println("serving " + settings.output().dir() + "/ at " + server.address()
                    + " (status at " + server.address().resolve(FeedServer.STATUS_PATH.substring(1)) + ")");
            SiteAddress.problem(settings.site().baseUrl(), server.address(), settings.serve().bind())
                    .ifPresent(problem -> Failures.print(spec.commandLine().getErr(), "warning: " + problem));
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.stop(settings.schedule().shutdownTimeout());
        }
        return ExitCodes.OK;
    }

    /** The configuration with {@code --serve} applied; a bad port is a usage error. */
    private FeedwrightConfig withOptions(FeedwrightConfig settings) {
        if (servePort == null) {
            return settings;
        }
        if (servePort < 1 || servePort > ServeConfig.MAX_PORT) {
            throw new ParameterException(spec.commandLine(),
                    "--serve must be a port between 1 and " + ServeConfig.MAX_PORT + ", was " + servePort);
        }
        return settings.withServe(settings.serve().withPort(servePort));
    }

    /** How the command learns that it must stop, and how it ends the process; tests stand in for both. */
    interface ProcessControl {

        /**
         * Stops on SIGINT (Ctrl-C) or SIGTERM through a JVM shutdown hook; ends the process with
         * {@code Runtime.halt}, the only way to exit with a status of our choosing once a signal
         * has started the JVM's shutdown (a plain JVM exits 130 or 143 then). The hook has stopped
         * the daemon and the server by the time it halts; the logs are flushed first.
         */
        ProcessControl RUNTIME = new ProcessControl() {
            @Override
            public void onStop(Runnable action) {
                Runtime.getRuntime().addShutdownHook(new Thread(action, "feedwright-daemon-shutdown"));
            }

            @Override
            public void exit(int status) {
                Logging.flush();
                Runtime.getRuntime().halt(status);
            }

            @Override
            public void onReopen(Runnable action) {
                // SIGHUP would otherwise stop the JVM like SIGTERM, and with exit 0 a service
                // restarted on failure stays down; logrotate's postrotate sends it to reopen logs.
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
                } catch (IllegalArgumentException e) {
                    // -Xrs, or a platform without SIGHUP: the default stays, and logging.file is
                    // rotated with copytruncate.
                    LoggerFactory.getLogger(DaemonCommand.class).warn("SIGHUP cannot reopen logging.file here ({})",
                            e.getMessage());
                }
            }
        };

        /** Runs {@code action} when the process is told to stop. */
        void onStop(Runnable action);

        /** Runs {@code action} when the process is told to reopen its log file (SIGHUP); by default never. */
        default void onReopen(Runnable action) {
        }

        /** Ends the process with {@code status}, at the end of the stop action. */
        void exit(int status);
    }
}
