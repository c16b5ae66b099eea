package dev.feedwright.corpus;

/**
 * A file split into its YAML front matter and its body: the YAML is what stands between a first
 * line {@code ---} and the next line {@code ---}. A leading byte-order mark, trailing white space
 * on the fence lines and CRLF line ends are accepted.
 *
 * @param yaml      the front matter text
 * @param firstLine the file line (1-based) the YAML starts on
 * @param body      what follows the closing fence, possibly empty
 */
record FrontMatter(String yaml, int firstLine, String body) {

    /**
     * Splits a file's text.
     *
     * @throws CorpusFileException when the file does not start with a fence or the fence is never closed
     */
    static FrontMatter split(String text) throws CorpusFileException {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstEnd = lineEnd(text, start);
        if (!isFence(text, start, firstEnd)) {
            throw new CorpusFileException(1, "no front matter: the file must start with a '---' line");
        }
        int yamlStart = nextLine(text, firstEnd);
        int line = 2;
        for (int pos = yamlStart; pos < text.length(); line++) {
            int end = lineEnd(text, pos);
            if (isFence(text, pos, end)) {
                return new FrontMatter(text.substring(yamlStart, pos), 2, text.substring(nextLine(text, end)));
            }
            pos = nextLine(text, end);
        }
        throw new CorpusFileException(1, "front matter is not closed: no '---' line after the opening one");
    }

    private static boolean isFence(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end - start == 3 && text.startsWith("---", start);
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static int nextLine(String text, int lineEnd) {
        return Math.min(text.length(), lineEnd + 1);
    }
}
