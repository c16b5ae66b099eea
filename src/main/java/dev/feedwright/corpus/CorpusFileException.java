package dev.feedwright.corpus;

/**
 * Why a corpus file cannot become a story, and where: the 1-based line, or 0 when no line applies.
 * It never leaves the corpus package; readers turn it into a {@link ReadResult.Skipped}.
 */
final class CorpusFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    CorpusFileException(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
