package dev.feedwright.schedule;

import dev.feedwright.config.CronCheck;
import java.text.ParseException;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Cron expressions as the configuration holds them: the 5-field crontab form (and its macros such
 * as {@code @daily}), translated by {@link Crontab}, or Quartz's own 6/7-field form, taken as it
 * is. Either way Quartz parses the result, and an expression that would never fire is refused.
 */
public final class Crons {

    /** The check {@link dev.feedwright.config.ConfigLoader} applies to {@code schedule.*} expressions. */
    public static final CronCheck CHECK = Crons::problem;

    private Crons() {
    }

    /**
     * The Quartz form of {@code expression}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String toQuartz(String expression) {
        String text = expression.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        String[] fields = Crontab.expandMacro(text).split("\\s+");
        String quartz = switch (fields.length) {
            case 5 -> Crontab.toQuartz(fields);
            case 6, 7 -> String.join(" ", fields);
            default -> throw new IllegalArgumentException("it has " + fields.length + " field"
                    + (fields.length == 1 ? "" : "s") + "; a cron expression has 5 (crontab: minute hour day-of-month"
                    + " month day-of-week) or 6 to 7 (Quartz: second minute hour day-of-month month day-of-week"
                    + " [year])");
        };
        parse(quartz, fields.length == 5 ? "as Quartz reads it, " + quartz + ", " : "");
        return quartz;
    }

    /**
     * What is wrong with {@code expression}, or empty when it is a usable cron expression: one
     * that fires again from now on in {@code zone} (a time a clock change skips there never does).
     */
    public static Optional<String> problem(String expression, ZoneId zone) {
        try {
            CronExpression parsed = parse(expression, TimeZone.getTimeZone(zone));
            if (parsed.getNextValidTimeAfter(new Date()) == null) {
                return Optional.of("it never fires from now on" + (zone.getId().equals("Z") || zone.getId().equals("UTC")
                        ? "" : " in " + zone.getId()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The parsed Quartz expression in {@code zone}, for {@code expression} in either form. */
    static CronExpression parse(String expression, TimeZone zone) {
        CronExpression parsed = parse(toQuartz(expression), "");
        parsed.setTimeZone(zone);
        return parsed;
    }

    private static CronExpression parse(String quartz, String context) {
        try {
            return new CronExpression(quartz);
        } catch (ParseException e) {
            throw new IllegalArgumentException(context + "Quartz says: " + e.getMessage()
                    + (e.getMessage().contains("day-of-week AND a day-of-month")
                            ? " (put ? in one of the two day fields)" : ""), e);
        } catch (RuntimeException e) {
            // Quartz 2.5 lets some malformed fields escape as runtime exceptions.
            throw new IllegalArgumentException(context + "Quartz cannot read it: " + e, e);
        }
    }
}
