package dev.feedwright.schedule;

/** The daemon cannot start: the scheduler cannot be set up or the corpus folder cannot be watched. */
public final class DaemonException extends Exception {

    private static final long serialVersionUID = 1L;

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
