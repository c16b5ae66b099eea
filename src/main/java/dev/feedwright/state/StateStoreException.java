package dev.feedwright.state;

import java.io.IOException;
import java.nio.file.Path;

/** The state database could not be opened, read or written; names the database file. */
public final class StateStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path database;

    public StateStoreException(Path database, String message, Throwable cause) {
        super(database + ": " + message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                cause);
        this.database = database;
    }

    /** The database file. */
    public Path database() {
        return database;
    }
}
