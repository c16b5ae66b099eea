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

    /**
     * {@code builder} without the variables every JVM it starts reads options from
     * ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}): a machine that
     * sets one (CI images often do) makes each child print "Picked up …" on stderr, which tests
     * that find a child's stderr empty would take for the program's own output.
     */
    public static ProcessBuilder withoutOptionVariables(ProcessBuilder builder) {
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        return builder;
    }

    /** The {@code java} executable of this test run. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
