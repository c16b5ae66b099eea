package dev.feedwright.schedule;

import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;

/**
 * The Quartz job behind both tasks: the job's key names the task, the trigger's data says what
 * fired it. Quartz never runs one job key twice at once; the {@link Runner}'s gate keeps the two
 * tasks apart. Made by the daemon's job factory, which hands it the runner.
 */
@DisallowConcurrentExecution
final class ScheduledRun implements Job {

    /** The trigger data key that says what started a run. */
    static final String CAUSE = "cause";

    private final Runner runner;

    ScheduledRun(Runner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Task task = Task.byId(context.getJobDetail().getKey().getName());
        String cause = context.getMergedJobDataMap().getString(CAUSE);
        if ((cause == null || cause.equals(Runner.SCHEDULE)) && context.getScheduledFireTime() != null) {
            Trigger trigger = context.getTrigger();
            runner.runScheduled(task, context.getScheduledFireTime().toInstant(), after -> {
                Date next = trigger.getFireTimeAfter(Date.from(after));
                return next == null ? Instant.MAX : next.toInstant();
            });
        } else {
            runner.run(task, cause == null ? Runner.SCHEDULE : cause);
        }
    }
}
