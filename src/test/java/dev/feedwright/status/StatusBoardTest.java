package dev.feedwright.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatusBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private final StatusBoard board = new StatusBoard("0.1.0", "UTC", "seeds",
            List.of(new JobInfo("export", "*/15 * * * *", "0 0,15,30,45 * * * ?", true),
                    new JobInfo("check-links", "0 */6 * * *", "0 0 0,6,12,18 * * ?", false)), CLOCK);

    private RunRecord ok(long number, String job, int seconds) {
        return new RunRecord(number, job, "schedule", T0.plusSeconds(seconds), T0.plusSeconds(seconds + 2),
                new RunResult("5 files read", Map.of("filesRead", 5L)), null);
    }

    private RunRecord failed(long number, String job, int seconds) {
        return new RunRecord(number, job, "watch", T0.plusSeconds(seconds), T0.plusSeconds(seconds + 1), null,
                "java.nio.file.NoSuchFileException: seeds");
    }

    @Test
    void countsFailuresInARowAndInTotalPerJob() {
        board.end(failed(board.begin("export", "watch", T0), "export", 0));
        Status.JobStatus second = board.end(failed(board.begin("export", "watch", T0), "export", 10));

        assertThat(second.consecutiveFailures()).isEqualTo(2);
        assertThat(second.failures()).isEqualTo(2);

        Status.JobStatus third = board.end(ok(board.begin("export", "schedule", T0), "export", 20));

        assertThat(third.consecutiveFailures()).isZero();
        assertThat(third.failures()).isEqualTo(2);
        assertThat(third.runs()).isEqualTo(3);
        assertThat(third.lastSuccess()).isEqualTo(T0.plusSeconds(22));
        assertThat(board.snapshot().failures()).isEqualTo(2);
    }

    @Test
    void numbersRunsAndShowsTheOneInProgress() {
        long first = board.begin("export", "start", T0);
        board.end(ok(first, "export", 0));
        long second = board.begin("check-links", "schedule", T0.plusSeconds(5));

        assertThat(second).isEqualTo(first + 1);
        assertThat(board.snapshot().running()).isEqualTo(new Status.Running(second, "check-links", "schedule",
                T0.plusSeconds(5)));

        board.end(ok(second, "check-links", 5));

        assertThat(board.snapshot().running()).isNull();
    }

    @Test
    void keepsOnlyTheLatestRunsNewestFirst() {
        for (int i = 0; i < StatusBoard.RECENT_RUNS + 5; i++) {
            board.end(ok(board.begin("export", "schedule", T0), "export", i));
        }

        List<RunRecord> runs = board.snapshot().lastRuns();

        assertThat(runs).hasSize(StatusBoard.RECENT_RUNS);
        assertThat(runs.get(0).number()).isEqualTo(StatusBoard.RECENT_RUNS + 5);
        assertThat(runs.get(runs.size() - 1).number()).isEqualTo(6);
    }

    @Test
    void refusesAJobItDoesNotKnow() {
        assertThatThrownBy(() -> board.begin("reindex", "schedule", T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no job named 'reindex', only [export, check-links]");
    }

    @Test
    void rendersEverythingAsJson() {
        board.nextFireTimes(job -> job.equals("export") ? Instant.parse("2026-11-21T10:15:00Z") : null);
        board.state("running");
        board.end(ok(board.begin("export", "start", T0), "export", 0));
        board.end(failed(board.begin("export", "watch", T0), "export", 30));
        board.begin("export", "schedule", T0.plusSeconds(60));

        JsonNode json = JsonMapper.builder().build().readTree(StatusJson.render(board.snapshot()));

        assertThat(json.get("state").asString()).isEqualTo("running");
        assertThat(json.get("version").asString()).isEqualTo("0.1.0");
        assertThat(json.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(json.get("startedAt").asString()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(json.get("now").asString()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(json.get("watching").asString()).isEqualTo("seeds");
        assertThat(json.get("failures").asLong()).isEqualTo(1);
        JsonNode export = json.get("jobs").get("export");
        assertThat(export.get("cron").asString()).isEqualTo("*/15 * * * *");
        assertThat(export.get("quartzCron").asString()).isEqualTo("0 0,15,30,45 * * * ?");
        assertThat(export.get("nextFireTime").asString()).isEqualTo("2026-11-21T10:15:00Z");
        assertThat(export.get("runs").asLong()).isEqualTo(2);
        assertThat(export.get("consecutiveFailures").asLong()).isEqualTo(1);
        assertThat(export.get("lastSuccess").asString()).isEqualTo("2026-11-21T10:00:02Z");
        assertThat(json.get("jobs").get("check-links").get("lastSuccess").isNull()).isTrue();
        assertThat(json.get("jobs").get("check-links").get("enabled").asBoolean()).isFalse();
        assertThat(json.get("jobs").get("check-links").get("nextFireTime").isNull()).isTrue();
        assertThat(json.get("running").get("number").asLong()).isEqualTo(3);
        assertThat(json.get("running").get("cause").asString()).isEqualTo("schedule");
        assertThat(json.get("running").get("startedAt").asString()).isEqualTo("2026-11-21T10:01:00Z");
        JsonNode newest = json.get("lastRuns").get(0);
        assertThat(newest.get("outcome").asString()).isEqualTo("failed");
        assertThat(newest.get("error").asString()).isEqualTo("java.nio.file.NoSuchFileException: seeds");
        assertThat(newest.get("durationMillis").asLong()).isEqualTo(1000);
        assertThat(newest.get("startedAt").asString()).isEqualTo("2026-11-21T10:00:30Z");
        assertThat(newest.get("endedAt").asString()).isEqualTo("2026-11-21T10:00:31Z");
        JsonNode oldest = json.get("lastRuns").get(1);
        assertThat(oldest.get("outcome").asString()).isEqualTo("ok");
        assertThat(oldest.get("summary").asString()).isEqualTo("5 files read");
        assertThat(oldest.get("counts").get("filesRead").asLong()).isEqualTo(5);
        assertThat(oldest.get("endedAt").asString()).isEqualTo("2026-11-21T10:00:02Z");
    }
}
