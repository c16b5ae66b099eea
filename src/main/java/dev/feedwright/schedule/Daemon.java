package dev.feedwright.schedule;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.config.ScheduleConfig;
import dev.feedwright.publish.OutputLock;
import dev.feedwright.status.JobInfo;
import dev.feedwright.status.Status;
import dev.feedwright.status.StatusBoard;
import dev.feedwright.status.StatusFile;
import dev.feedwright.status.StatusJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the feeds fresh: a Quartz scheduler with an export job and, with {@code liveness.enabled},
 * a link-check job, each on its own cron trigger; an export at start; an export after the corpus
 * folder changed and went quiet. Runs never overlap (one run gate, and Quartz never runs a job twice
 * at once); the output folder's lock keeps a one-shot {@code feedwright export} out as well. A run
 * that fails is logged and counted and the schedule goes on. Missed fire times (a long run, a
 * machine that slept) give one catch-up run, not a burst.
 *
 * <p>{@link #stop(Duration)} takes no new runs and waits for the one in progress.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final String GROUP = "feedwright";

    private final FeedwrightConfig config;
    private final ScheduleConfig schedule;
    private final TimeZone zone;
    private final List<JobInfo> jobs;
    private final StatusBoard board;
    private final String version;
    private final StatusFile statusFile;
    /** Held from start to stop: one daemon per state folder. */
    private OutputLock daemonLock;
    private final RunGate gate = new RunGate();
    private final Runner runner;
    private Scheduler scheduler;
    private CorpusWatcher watcher;

    /**
     * A daemon for {@code config}, not yet started.
     *
     * @throws IllegalArgumentException when a cron expression is not valid (the configuration
     *                                  loader checks them first with {@link Crons#CHECK})
     */
    public Daemon(FeedwrightConfig config, String version, DaemonWork work, Clock clock) {
        this.config = config;
        this.version = version;
        this.schedule = config.schedule();
        // Normalised first: TimeZone knows "GMT+02:00" and "+02:00" but takes "UTC+02:00" (ZoneId's
        // reading of "UTC+2") for a zone it does not know, and silently for GMT.
        this.zone = TimeZone.getTimeZone(schedule.timeZone().normalized());
        this.jobs = List.of(
                new JobInfo(Task.EXPORT.id(), schedule.export(), Crons.toQuartz(schedule.export()), true),
                new JobInfo(Task.CHECK_LINKS.id(), schedule.checkLinks(), Crons.toQuartz(schedule.checkLinks()),
                        config.liveness().enabled()));
        this.board = new StatusBoard(version, schedule.timeZone().getId(),
                schedule.watch() ? config.corpus().dir().toString() : null, jobs, clock);
        this.statusFile = new StatusFile(config.state().dir());
        this.runner = new Runner(work, gate, board, clock, this::writeStatus);
    }

    /** The daemon that runs the real export and link check. */
    public static Daemon of(FeedwrightConfig config, BuildInfo build) {
        Clock clock = Clock.systemUTC();
        return new Daemon(config, build.label(), new PipelineWork(config, build, clock), clock);
    }

    /**
     * Schedules the jobs and starts running them, and watching the corpus when configured.
     *
     * @throws DaemonException when the scheduler cannot be set up or the corpus cannot be watched
     */
    public synchronized void start() throws DaemonException {
        if (scheduler != null) {
            throw new IllegalStateException("the daemon was started already");
        }
        if (gate.isClosed()) {
            return; // stopped before it started, by a signal that came early
        }
        try {
            daemonLock = OutputLock.acquireForDaemon(config.state().dir(), Clock.systemUTC());
        } catch (IOException e) {
            throw new DaemonException(e.getMessage(), e);
        }
        try {
            scheduler = new StdSchedulerFactory(QuartzSettings.inMemory("feedwright-" + UUID.randomUUID()))
                    .getScheduler();
            scheduler.setJobFactory((bundle, quartz) -> new ScheduledRun(runner));
            for (JobInfo job : jobs) {
                scheduleJob(job);
            }
            if (schedule.runOnStart()) {
                scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(jobKey(Task.EXPORT))
                        .withIdentity("export-on-start", GROUP).usingJobData(ScheduledRun.CAUSE, Runner.START)
                        .startNow().build());
            }
            board.nextFireTimes(this::nextFireTime);
        } catch (SchedulerException e) {
            throw schedulerFailed(e);
        }
        if (schedule.watch()) {
            try {
                watcher = new CorpusWatcher(config.corpus().dir(), config.corpus().include(),
                        schedule.quietPeriod(), this::corpusChanged);
                watcher.start();
            } catch (IOException e) {
                shutdownQuietly();
                releaseLock();
                throw new DaemonException("cannot watch the corpus folder " + config.corpus().dir() + ": "
                        + e.getMessage(), e);
            }
        }
        board.state("running");
        writeStatus();
        // Said before the scheduler starts: the run at start may begin, and fail, at once, and its
        // log line must not come before the one saying the daemon started. Until then Quartz
        // holds the triggers (the run at start, a change the watcher saw) in standby.
        LOG.info("daemon started, version {}: {}", version, describeSchedule());
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw schedulerFailed(e);
        }
    }

    /** Stops what was started and says why the scheduler could not be set up or started. */
    private DaemonException schedulerFailed(SchedulerException e) {
        shutdownQuietly();
        releaseLock();
        return new DaemonException("cannot start the scheduler: " + e.getMessage(), e);
    }

    private void scheduleJob(JobInfo job) throws SchedulerException {
        Task task = Task.byId(job.name());
        JobDetail detail = JobBuilder.newJob(ScheduledRun.class).withIdentity(jobKey(task)).storeDurably().build();
        scheduler.addJob(detail, false);
        if (!job.enabled()) {
            return;
        }
        Trigger trigger = TriggerBuilder.newTrigger().forJob(detail).withIdentity(triggerKey(task))
                .usingJobData(ScheduledRun.CAUSE, Runner.SCHEDULE)
                .withSchedule(CronScheduleBuilder.cronSchedule(Crons.parse(job.cron(), zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(trigger);
    }

    /** The watcher saw the corpus change and go quiet: an export through the scheduler, so that no run overlaps. */
    private void corpusChanged() {
        if (gate.isClosed() || !runner.claimWatchRun()) {
            return;
        }
        try {
            scheduler.triggerJob(jobKey(Task.EXPORT), new JobDataMap(Map.of(ScheduledRun.CAUSE, Runner.WATCH)));
            LOG.debug("the corpus changed: export requested");
        } catch (SchedulerException e) {
            runner.releaseWatchRun();
            LOG.warn("the corpus changed, but no export could be requested: {}", e.getMessage());
        }
    }

    /**
     * Stops: no new run starts, the corpus is no longer watched, and the run in progress gets up to
     * {@code timeout} to finish. A run still going after that is left to be cut off when the process
     * ends; its files are renamed into place whole or not at all, so the previous feeds stay whole.
     *
     * @return true when no run was left going
     */
    public boolean stop(Duration timeout) {
        synchronized (this) {
            if (gate.isClosed()) {
                return true;
            }
            gate.close();
        }
        board.state("stopping");
        writeStatus();
        LOG.info("daemon stopping: no new runs; waiting up to {} s for a run in progress", timeout.toSeconds());
        if (watcher != null) {
            watcher.close();
        }
        try {
            if (scheduler != null) {
                scheduler.standby();
            }
        } catch (SchedulerException e) {
            LOG.warn("pausing the scheduler failed: {}", e.getMessage());
        }
        boolean idle;
        try {
            idle = gate.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        Status.Running cutOff = board.snapshot().running();
        shutdownQuietly();
        board.state("stopped");
        writeStatus();
        releaseLock();
        if (idle) {
            LOG.info("daemon stopped");
        } else {
            LOG.warn("daemon stopped; {} run {} was still going after {} s and is cut off; the previous feeds stay"
                    + " whole", cutOff == null ? "a" : cutOff.job(), cutOff == null ? "" : cutOff.number(),
                    timeout.toSeconds());
        }
        return idle;
    }

    /** The status now. */
    public Status status() {
        return board.snapshot();
    }

    /** The status as JSON, for {@code GET /status}. */
    public String statusJson() {
        return StatusJson.render(board.snapshot());
    }

    /** The status file in the state folder. */
    public StatusFile statusFile() {
        return statusFile;
    }

    private Instant nextFireTime(String job) {
        Scheduler current = scheduler;
        if (current == null || gate.isClosed()) {
            return null;
        }
        try {
            Trigger trigger = current.getTrigger(triggerKey(Task.byId(job)));
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? null : next.toInstant();
        } catch (SchedulerException e) {
            return null;
        }
    }

    /** Takes the status and writes it under one lock, so that an older status never replaces a newer one. */
    private void writeStatus() {
        try {
            synchronized (statusFile) {
                statusFile.write(statusJson());
            }
        } catch (IOException e) {
            LOG.warn("cannot write the status file {}: {}", statusFile.path(), e.toString());
        }
    }

    private String describeSchedule() {
        List<String> parts = new ArrayList<>();
        for (JobInfo job : jobs) {
            if (job.enabled()) {
                Instant next = nextFireTime(job.name());
                parts.add(job.name() + " on '" + job.cron() + "' (" + schedule.timeZone().getId() + "), next at "
                        + next);
            } else {
                parts.add(job.name() + " off (liveness.enabled is false)");
            }
        }
        if (schedule.runOnStart()) {
            parts.add("export now");
        }
        if (schedule.watch()) {
            Duration quiet = schedule.quietPeriod();
            parts.add("watching " + config.corpus().dir() + " (quiet period " + (quiet.toMillis() % 1000 == 0
                    ? quiet.toSeconds() + " s" : quiet.toMillis() + " ms") + ")");
        }
        parts.add("status in " + statusFile.path());
        return String.join("; ", parts);
    }

    private void shutdownQuietly() {
        if (watcher != null) {
            watcher.close();
        }
        try {
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.shutdown(false);
            }
        } catch (SchedulerException e) {
            LOG.warn("shutting the scheduler down failed: {}", e.getMessage());
        }
    }

    /** Lets another daemon have the state folder, once this one's last status is written. */
    private void releaseLock() {
        if (daemonLock != null) {
            try {
                daemonLock.close();
            } catch (IOException e) {
                LOG.warn("releasing {} failed: {}", OutputLock.DAEMON_FILE_NAME, e.getMessage());
            }
            daemonLock = null;
        }
    }

    private static JobKey jobKey(Task task) {
        return JobKey.jobKey(task.id(), GROUP);
    }

    private static TriggerKey triggerKey(Task task) {
        return TriggerKey.triggerKey(task.id() + "-cron", GROUP);
    }
}
