package dev.feedwright.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedwright.config.ConfigException;
import dev.feedwright.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

class CronsTest {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*/15 * * * *         | 0 0,15,30,45 * * * ?",
        "0 */6 * * *          | 0 0 0,6,12,18 * * ?",
        "30 9 * * 1-5         | 0 30 9 ? * 2-6",
        "0 0 * * 0            | 0 0 0 ? * 1",
        "0 0 * * 7            | 0 0 0 ? * 1",
        "0 0 * * 5-7          | 0 0 0 ? * 1,6,7",
        "0 0 * * MON-wed,sat  | 0 0 0 ? * 2-4,7",
        "0 0 * * */2          | 0 0 0 ? * 1,3,5,7",
        "0 12 1,15 * *        | 0 0 12 1,15 * ?",
        "0 0 1 jan,JUL *      | 0 0 0 1 1,7 ?",
        "5/20 * * * *         | 0 5,25,45 * * * ?",
        "0-10/5 8-18/2 * * *  | 0 0,5,10 8,10,12,14,16,18 * * ?",
        "0 0 1-31 * 0-7       | 0 0 0 * * ?",
        "* * * * *            | 0 * * * * ?",
        "@hourly              | 0 0 * * * ?",
        "@daily               | 0 0 0 * * ?",
        "@weekly              | 0 0 0 ? * 1",
        "@monthly             | 0 0 0 1 * ?",
        "@YEARLY              | 0 0 0 1 1 ?",
        "9 19 29 9 *          | 0 9 19 29 9 ?",
        "5-5 0-0 * * *        | 0 5 0 * * ?",
        "*/60 */24 * * *      | 0 0 0 * * ?",
    })
    void translatesTheCrontabForm(String crontab, String quartz) {
        assertThat(Crons.toQuartz(crontab)).isEqualTo(quartz);
    }

    @ParameterizedTest
    @CsvSource({
        "*/1 * * * * ?", "0 0 12 ? * MON-FRI", "0 15 10 ? * 6L", "'0 0/5 14,18 * * ?'", "0 0 12 * * ? 2099",
        "0 0 0 L * ?",
    })
    void takesTheQuartzFormAsItIs(String quartz) {
        assertThat(Crons.toQuartz("  " + quartz + " ")).isEqualTo(quartz);
        assertThat(Crons.problem(quartz, ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void weekdaysMeanTheSameDaysInBothForms() {
        // 2026-11-22 is a Sunday.
        Instant sunday = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(next("30 9 * * 1-5", sunday)).isEqualTo("2026-11-23T09:30:00Z");
        assertThat(next("0 8 * * 0", sunday)).isEqualTo("2026-11-29T08:00:00Z");
        assertThat(next("0 8 * * 7", sunday)).isEqualTo("2026-11-29T08:00:00Z");
        assertThat(next("0 20 * * sun", sunday)).isEqualTo("2026-11-22T20:00:00Z");
        assertThat(next("0 0 12 ? * SUN", sunday)).isEqualTo("2026-11-22T12:00:00Z");
    }

    @Test
    void readsTheScheduleInItsTimeZone() {
        CronExpression berlin = Crons.parse("0 9 * * *", TimeZone.getTimeZone("Europe/Berlin"));

        assertThat(berlin.getNextValidTimeAfter(Date.from(Instant.parse("2026-07-01T00:00:00Z"))).toInstant())
                .isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*/15 * * *          | it has 4 fields; a cron expression has 5 (crontab: minute hour day-of-month month"
            + " day-of-week) or 6 to 7 (Quartz: second minute hour day-of-month month day-of-week [year])",
        "''                  | it is empty",
        "60 * * * *          | minute 60 is out of range 0-59",
        "0 24 * * *          | hour 24 is out of range 0-23",
        "0 0 0 * *           | day-of-month 0 is out of range 1-31",
        "0 0 * 13 *          | month 13 is out of range 1-12",
        "0 0 * * 8           | day-of-week 8 is out of range 0-7",
        "*/0 * * * *         | minute step 0 is out of range 1-60",
        "*/61 * * * *        | minute step 61 is out of range 1-60",
        "+5 * * * *          | the minute field has '+5', which is no number",
        "50-10 * * * *       | the minute range 50-10 goes backwards",
        "0 0 * * fri-sun     | the day-of-week range fri-sun goes backwards (Sunday is 0, and 7 as well: fri-7)",
        "0 0 * foo *         | the month field has 'foo', which is no number or name",
        "0 0 1,,2 * *        | the day-of-month field '1,,2' has an empty list item",
        "0 0 L * *           | the day-of-month field has 'L', which is no number",
        "0 0 30 2 *          | it never fires from now on",
        "@reboot             | @reboot has no place in a schedule; schedule.runOnStart exports when the daemon starts",
        "@often              | unknown macro @often (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight,"
            + " @hourly)",
        "0 */15 * * * *      | Quartz says: Support for specifying both a day-of-week AND a day-of-month parameter is"
            + " not implemented. (put ? in one of the two day fields)",
        "0 60 * * * ?        | Quartz says: Minute and Second values must be between 0 and 59",
        "0 0 12 ? * MON 1999 | it never fires from now on",
    })
    void saysWhatIsWrong(String expression, String problem) {
        assertThat(Crons.problem(expression, ZoneOffset.UTC)).contains(problem);
        if (!problem.startsWith("it never fires")) {
            assertThatThrownBy(() -> Crons.toQuartz(expression)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(problem);
        }
    }

    /**
     * Found by a helper's hunt: whether an expression fires again was judged in the JVM's zone, so
     * a config was accepted or refused by the process's TZ, not by schedule.timeZone.
     */
    @Test
    void judgesWhetherAnExpressionFiresAgainInTheScheduleZone() {
        ZoneId behindUtc = ZoneId.of("Etc/GMT+12"); // UTC-12
        LocalDateTime there = LocalDateTime.now(behindUtc).plusHours(6).withNano(0);
        // Six hours ahead there, and as a UTC time six hours ago.
        String once = there.getSecond() + " " + there.getMinute() + " " + there.getHour() + " " + there.getDayOfMonth()
                + " " + there.getMonthValue() + " ? " + there.getYear();

        assertThat(Crons.problem(once, behindUtc)).isEmpty();
        assertThat(Crons.problem(once, ZoneOffset.UTC)).contains("it never fires from now on");
        // 02:30 on the day Berlin's clocks go from 02:00 to 03:00 never comes there.
        assertThat(Crons.problem("0 30 2 28 3 ? 2027", ZoneId.of("Europe/Berlin")))
                .contains("it never fires from now on in Europe/Berlin");
        assertThat(Crons.problem("0 30 2 28 3 ? 2027", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void refusesACrontabLineWhoseDayFieldsQuartzCannotCombine() {
        assertThat(Crons.problem("0 0 1,15 * 1", ZoneOffset.UTC)).contains("it restricts both day-of-month (1,15) and day-of-week"
                + " (1), and crontab then runs on the days that match either; Quartz cannot express that: restrict"
                + " only one of them");
        assertThat(Crons.problem("0 0 */2 * 1-5", ZoneOffset.UTC)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("the days that match both"));
    }

    @Test
    void theConfigurationNamesFileLineAndExpression() throws IOException {
        Path file = Files.writeString(temp.resolve("feedwright.yaml"),
                "schedule:\n  timeZone: UTC\n  export: \"*/15 * * *\"\n  checkLinks: \"0 */6 * * *\"\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Crons.CHECK)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3: schedule.export '*/15 * * *' is not a cron expression: it has 4"
                        + " fields; a cron expression has 5");
    }

    /** The README's example is what a user who drops a field from the shipped file's export sees. */
    @Test
    void theReadmesExampleIsTheShippedFileWithFourFields() throws IOException {
        Path shipped = Path.of("config", "feedwright.yaml");
        String example = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.contains(": schedule.export '")).findFirst().orElseThrow().strip();
        Path file = Files.writeString(temp.resolve("feedwright.yaml"),
                Files.readString(shipped).replace("\n  export: \"*/15 * * * *\"\n", "\n  export: \"*/15 * * *\"\n"));

        assertThatThrownBy(() -> ConfigLoader.load(file, Crons.CHECK)).satisfies(e -> assertThat("feedwright: "
                + e.getMessage().replace(file.toString(), shipped.toString())).isEqualTo(example));
    }

    @Test
    void theShippedDefaultsAreValid() throws ConfigException {
        assertThat(ConfigLoader.read(Path.of("config", "feedwright.yaml"), Crons.CHECK).schedule().export())
                .isEqualTo("*/15 * * * *");
    }

    private static String next(String expression, Instant after) {
        return Crons.parse(expression, UTC).getNextValidTimeAfter(Date.from(after)).toInstant().toString();
    }
}
