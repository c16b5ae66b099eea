package dev.feedwright.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Commands that start another JVM on this test run's java and class path, for tests of whole processes. */
public final class ChildJvm {

    /**
     * What the jar's manifest ({@code Enable-Native-Access}) gives every {@code java -jar}: a
     * process started from a class path needs it as an option, or Java 24 and later print warnings
     * about SQLite's driver loading its native library.
     */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private ChildJvm() {
    }

    /**
     * {@code java} with this test run's class path, then {@code arguments}: JVM options, the main
     * class and its arguments. The list can be added to.
     */
    public static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(java(), NATIVE_ACCESS, "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The {@code java} executable of this test run. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
