package dev.feedwright.cli;

/**
 * Ends a command with an exit code and one line on its stderr ({@code feedwright: } and the
 * message), for a failure found before the command's work began; {@link FeedwrightCommand}'s
 * handler prints it.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
