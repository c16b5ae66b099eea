package dev.feedwright.publish;

import java.io.IOException;

/** Another run holds the output folder's lock; the message says who, as far as it is known. */
public final class OutputLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputLockedException(String message) {
        super(message);
    }
}
