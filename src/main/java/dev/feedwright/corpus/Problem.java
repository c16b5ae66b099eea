package dev.feedwright.corpus;

/**
 * Something wrong in a corpus file that did not stop it from becoming a story (a related article
 * dropped, bytes that were not UTF-8), or the reason a file was skipped.
 *
 * @param source the file, relative to the corpus folder
 * @param line   the 1-based line, or 0 when no line applies
 * @param message what is wrong, naming the field and the rule
 */
public record Problem(String source, int line, String message) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
