package dev.feedwright.schedule;

import java.util.Properties;

/**
 * Quartz's configuration, made from Feedwright's own instead of a {@code quartz.properties} file,
 * and kept in this one place. The daemon uses the in-memory job store: the schedule lives in the
 * configuration and is rebuilt at every start.
 *
 * <p>To let several daemons share one schedule later, a JDBC job store would be selected here
 * (from a future {@code schedule.store} setting): {@code org.quartz.jobStore.class} set to
 * {@code org.quartz.impl.jdbcjobstore.JobStoreTX} with a driver delegate, a data source and
 * {@code isClustered=true}, one instance name shared by every daemon and
 * {@code instanceId=AUTO}. The jobs are already fit for it: they are stateless, keyed by name, and
 * built by the daemon's job factory.
 */
final class QuartzSettings {

    /** Two threads: one per job; the run gate lets only one of them work at a time. */
    static final int THREADS = 2;
    /**
     * A fire time missed by more than this counts as misfired, and the cron triggers then fire
     * once at once and go on with their schedule. Kept short so that several missed fire times
     * (a long run, a machine that slept) never come as a burst of late runs.
     */
    static final long MISFIRE_THRESHOLD_MILLIS = 1000;

    private QuartzSettings() {
    }

    /**
     * Properties for an in-memory scheduler.
     *
     * @param instanceName unique in this process: Quartz keeps one scheduler per name
     */
    static Properties inMemory(String instanceName) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", instanceName);
        p.setProperty("org.quartz.scheduler.instanceId", "NON_CLUSTERED");
        // Quartz 2.5 no longer has an update check; the setting keeps any older one from calling home.
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.jmx.export", "false");
        p.setProperty("org.quartz.scheduler.rmi.export", "false");
        p.setProperty("org.quartz.scheduler.rmi.proxy", "false");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "false");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "feedwright-run");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD_MILLIS));
        return p;
    }
}
