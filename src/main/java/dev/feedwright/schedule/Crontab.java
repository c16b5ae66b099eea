package dev.feedwright.schedule;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * Translates the 5-field crontab form people know (minute, hour, day of month, month, day of
 * week) into Quartz's form (second first, {@code ?} in one day field). Each field is read with
 * crontab's grammar (numbers, names, {@code *}, lists, ranges, steps; day of week 0 to 7 where 0
 * and 7 are Sunday) and written back as an explicit list, so no difference between the two
 * grammars (Sunday is 1 in Quartz, ranges may not wrap in crontab) can slip through.
 *
 * <p>Crontab runs on the days that match <em>either</em> day field when both are restricted, and
 * on the days that match both when one of them starts with {@code *}. Quartz can only restrict one
 * day field, so such a line is refused, with the reason, unless one field covers every day anyway.
 */
final class Crontab {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6);
    private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private Crontab() {
    }

    /** The crontab line for a macro such as {@code @daily}, or the text itself when it is none. */
    static String expandMacro(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("@reboot")) {
            throw new IllegalArgumentException("@reboot has no place in a schedule; schedule.runOnStart exports when"
                    + " the daemon starts");
        }
        if (lower.startsWith("@")) {
            String line = MACROS.get(lower);
            if (line == null) {
                throw new IllegalArgumentException("unknown macro " + text + " (known: @yearly, @annually, @monthly,"
                        + " @weekly, @daily, @midnight, @hourly)");
            }
            return line;
        }
        return text;
    }

    /**
     * The Quartz expression for five crontab fields.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    static String toQuartz(String[] fields) {
        if (fields.length != 5) {
            throw new IllegalArgumentException("a crontab line has 5 fields, this has " + fields.length);
        }
        BitSet minutes = field(fields[0], "minute", 0, 59, Map.of());
        BitSet hours = field(fields[1], "hour", 0, 23, Map.of());
        BitSet days = field(fields[2], "day-of-month", 1, 31, Map.of());
        BitSet months = field(fields[3], "month", 1, 12, MONTHS);
        BitSet weekdays = field(fields[4], "day-of-week", 0, 7, DAYS);
        if (weekdays.get(7)) {
            weekdays.clear(7);
            weekdays.set(0);
        }
        String[] dayFields = dayFields(fields[2], days, fields[4], weekdays);
        return "0 " + list(minutes, 0, 59, 0) + " " + list(hours, 0, 23, 0) + " " + dayFields[0] + " "
                + list(months, 1, 12, 0) + " " + dayFields[1];
    }

    /** Quartz's day-of-month and day-of-week fields, one of them {@code ?}. */
    private static String[] dayFields(String domText, BitSet days, String dowText, BitSet weekdays) {
        boolean everyDate = days.cardinality() == 31;
        boolean everyWeekday = weekdays.cardinality() == 7;
        boolean eitherMatches = !domText.startsWith("*") && !dowText.startsWith("*");
        String dom;
        String dow;
        if (everyDate && everyWeekday || eitherMatches && (everyDate || everyWeekday)) {
            dom = "*";
            dow = "?";
        } else if (everyWeekday) {
            dom = list(days, 1, 31, 0);
            dow = "?";
        } else if (everyDate) {
            dom = "?";
            dow = list(weekdays, 0, 6, 1);
        } else if (eitherMatches) {
            throw new IllegalArgumentException("it restricts both day-of-month (" + domText + ") and day-of-week ("
                    + dowText + "), and crontab then runs on the days that match either; Quartz cannot express"
                    + " that: restrict only one of them");
        } else {
            throw new IllegalArgumentException("it restricts both day-of-month (" + domText + ") and day-of-week ("
                    + dowText + "), and crontab then runs on the days that match both; Quartz cannot express"
                    + " that: restrict only one of them");
        }
        return new String[] {dom, dow};
    }

    /** The values a field allows. */
    private static BitSet field(String text, String name, int min, int max, Map<String, Integer> names) {
        BitSet values = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException("the " + name + " field '" + text + "' has an empty list item");
            }
            item(item, name, min, max, names, values);
        }
        return values;
    }

    private static void item(String item, String name, int min, int max, Map<String, Integer> names, BitSet values) {
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            step = number(item.substring(slash + 1), name + " step", 1, max - min + 1, Map.of());
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else {
            int dash = range.indexOf('-');
            if (dash > 0) {
                from = number(range.substring(0, dash), name, min, max, names);
                to = number(range.substring(dash + 1), name, min, max, names);
                if (to < from) {
                    throw new IllegalArgumentException("the " + name + " range " + range + " goes backwards"
                            + (name.equals("day-of-week") ? " (Sunday is 0, and 7 as well: fri-7)" : ""));
                }
            } else {
                from = number(range, name, min, max, names);
                // cronie reads "5/10" as "5-max/10"; without a step it is the one value.
                to = slash >= 0 ? max : from;
            }
        }
        for (int value = from; value <= to; value += step) {
            values.set(value);
        }
    }

    private static int number(String text, String name, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        int value;
        try {
            if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 4) {
                throw new NumberFormatException();
            }
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + name + " field has '" + text + "', which is no number"
                    + (names.isEmpty() ? "" : " or name"));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is out of range " + min + "-" + max);
        }
        return value;
    }

    /**
     * A set of values as Quartz reads it: {@code *} for all of them, else a list of single values
     * and ranges of three or more, each shifted by {@code offset}.
     */
    private static String list(BitSet values, int min, int max, int offset) {
        if (values.cardinality() == max - min + 1) {
            return "*";
        }
        StringBuilder out = new StringBuilder();
        for (int start = values.nextSetBit(min); start >= 0; ) {
            int end = values.nextClearBit(start) - 1;
            if (end - start >= 2) {
                append(out, (start + offset) + "-" + (end + offset));
            } else {
                for (int value = start; value <= end; value++) {
                    append(out, String.valueOf(value + offset));
                }
            }
            start = values.nextSetBit(end + 1);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String token) {
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(token);
    }
}
