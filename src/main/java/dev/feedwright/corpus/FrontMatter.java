package dev.feedwright.corpus;

/**
 * A file split into its YAML front matter and its body: the YAML is what stands between a first
 * line {@code ---} and the next line {@code ---}. A leading byte-order mark and trailing white
 * space on the fence lines are accepted, and lines may end as YAML lets them: LF, CRLF, or CR alone
 * (old Mac files), which SnakeYAML counts as line breaks too, so the lines it names are the file's.
 *
 * @param yaml      the front matter text
 * @param firstLine the file line (1-based) the YAML starts on
 * @param body      what follows the closing fence, possibly empty
 */
record FrontMatter(String yaml, int firstLine, String body) {

    private static final String FENCE = "---";

    /**
     * Splits a file's text.
     *
     * @throws CorpusFileException when the file does not start with a fence or the fence is never closed
     */
    static FrontMatter split(String text) throws CorpusFileException {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstEnd = fenceEnd(text, start);
        if (firstEnd < 0) {
            throw new CorpusFileException(1, "no front matter: the file must start with a '---' line");
        }
        int yamlStart = nextLine(text, firstEnd);
        // The closing fence is found by its dashes, not line by line: String.indexOf is much faster
        // than looking at every character for both kinds of line end.
        for (int pos = yamlStart; pos < text.length(); ) {
            int fence = text.indexOf(FENCE, pos);
            if (fence < 0) {
                break;
            }
            int end = fence == yamlStart || isBreak(text.charAt(fence - 1)) ? fenceEnd(text, fence) : -1;
            if (end >= 0) {
                return new FrontMatter(text.substring(yamlStart, fence), 2, text.substring(nextLine(text, end)));
            }
            pos = fence + 1;
        }
        throw new CorpusFileException(1, "front matter is not closed: no '---' line after the opening one");
    }

    /**
     * Where the line starting at {@code start} ends (its line break, or the end of the text) when
     * it is a fence: {@code ---} and nothing after it but white space; else -1.
     */
    private static int fenceEnd(String text, int start) {
        if (!text.startsWith(FENCE, start)) {
            return -1;
        }
        int pos = start + FENCE.length();
        while (pos < text.length() && !isBreak(text.charAt(pos))) {
            if (!Character.isWhitespace(text.charAt(pos))) {
                return -1;
            }
            pos++;
        }
        return pos;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Where the line after the one ending at {@code lineEnd} starts: past LF, CR or CRLF. */
    private static int nextLine(String text, int lineEnd) {
        if (lineEnd + 1 < text.length() && text.charAt(lineEnd) == '\r' && text.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return Math.min(text.length(), lineEnd + 1);
    }
}
