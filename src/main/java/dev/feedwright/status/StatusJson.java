package dev.feedwright.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * A {@link Status} as JSON, written field by field with Jackson's streaming generator. Times are
 * ISO-8601 instants in UTC to the millisecond; a missing time is {@code null}.
 */
public final class StatusJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }
    };

    private StatusJson() {
    }

    public static String render(Status status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(PRETTY, bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("state", status.state());
            json.writeStringProperty("version", status.version());
            json.writeNumberProperty("pid", status.pid());
            time(json, "startedAt", status.startedAt());
            time(json, "now", status.now());
            json.writeStringProperty("timeZone", status.timeZone());
            json.writeStringProperty("watching", status.watching());
            json.writeNumberProperty("failures", status.failures());
            json.writeName("jobs");
            json.writeStartObject();
            for (Status.JobStatus job : status.jobs()) {
                job(json, job);
            }
            json.writeEndObject();
            json.writeName("running");
            running(json, status.running());
            json.writeName("lastRuns");
            json.writeStartArray();
            for (RunRecord run : status.lastRuns()) {
                run(json, run);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8) + "\n";
    }

    private static void job(JsonGenerator json, Status.JobStatus job) {
        json.writeName(job.info().name());
        json.writeStartObject();
        json.writeBooleanProperty("enabled", job.info().enabled());
        json.writeStringProperty("cron", job.info().cron());
        json.writeStringProperty("quartzCron", job.info().quartzCron());
        time(json, "nextFireTime", job.nextFireTime());
        json.writeNumberProperty("runs", job.runs());
        json.writeNumberProperty("failures", job.failures());
        json.writeNumberProperty("consecutiveFailures", job.consecutiveFailures());
        time(json, "lastSuccess", job.lastSuccess());
        json.writeEndObject();
    }

    private static void running(JsonGenerator json, Status.Running running) {
        if (running == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberProperty("number", running.number());
        json.writeStringProperty("job", running.job());
        json.writeStringProperty("cause", running.cause());
        time(json, "startedAt", running.started());
        json.writeEndObject();
    }

    private static void run(JsonGenerator json, RunRecord run) {
        json.writeStartObject();
        json.writeNumberProperty("number", run.number());
        json.writeStringProperty("job", run.job());
        json.writeStringProperty("cause", run.cause());
        json.writeStringProperty("outcome", run.ok() ? "ok" : "failed");
        time(json, "startedAt", run.started());
        time(json, "endedAt", run.ended());
        json.writeNumberProperty("durationMillis", run.duration().toMillis());
        if (run.ok()) {
            json.writeStringProperty("summary", run.result().summary());
            json.writeName("counts");
            json.writeStartObject();
            for (Map.Entry<String, Long> count : run.counts().entrySet()) {
                json.writeNumberProperty(count.getKey(), count.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeStringProperty("error", run.error());
        }
        json.writeEndObject();
    }

    private static void time(JsonGenerator json, String name, Instant time) {
        json.writeStringProperty(name, time == null ? null : time.truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
