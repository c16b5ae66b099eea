package dev.feedwright.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** What this JVM can do with file names. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * Whether this JVM writes and reads file names as UTF-8. It takes the locale's character set at
     * its start: in the POSIX locale ({@code LANG} unset, as after {@code su -}, in cron and in many
     * containers) it cannot even name a file that is not ASCII, so tests that write such names
     * skip there.
     */
    public static boolean utf8() {
        return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(StandardCharsets.UTF_8);
    }
}
