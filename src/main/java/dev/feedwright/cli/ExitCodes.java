package dev.feedwright.cli;

/** The exit codes of every command, as documented in the README. */
public final class ExitCodes {

    /** Success; skipped files are only warnings. */
    public static final int OK = 0;
    /**
     * A fatal error: the corpus folder is missing, the output cannot be written, the folder to serve
     * is missing or its port is in use, or an unexpected failure.
     */
    public static final int FATAL = 1;
    /** Bad usage or a bad configuration. */
    public static final int USAGE = 2;
    /** {@code --strict} was given and at least one corpus file was skipped. */
    public static final int SKIPPED_FILES = 3;
    /**
     * Another run held the output folder's lock, or, for {@code check-links}, another link check
     * the state folder's, for longer than {@code output.lockWait}.
     */
    public static final int LOCKED = 4;

    private ExitCodes() {
    }
}
