package dev.feedwright.corpus;

import dev.feedwright.config.CorpusConfig;
import dev.feedwright.text.TextRepair;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one corpus file into a {@link Story}. Never throws for a bad file: whatever is wrong with
 * it (too large, not front matter, a YAML error, a missing title, date or link) comes back as a
 * {@link ReadResult.Skipped} naming the file, the line where known and the reason. Safe to share
 * between threads.
 */
public final class StoryReader {

    private final CorpusConfig config;
    private final FrontMatterYaml yaml;

    public StoryReader(CorpusConfig config) {
        this.config = config;
        this.yaml = new FrontMatterYaml(config.maxFileBytes());
    }

    /**
     * Reads a file.
     *
     * @param root the corpus folder
     * @param file a file under it
     */
    public ReadResult read(Path root, Path file) {
        String source = CorpusScanner.sourceName(root, file);
        try {
            FileBytes read = FileBytes.read(file, config.maxFileBytes());
            return read.bytes() == null ? tooLarge(source, read.size()) : read(source, read.bytes());
        } catch (IOException e) {
            return unreadable(source, e);
        }
    }

    /**
     * The result for a file the system would not read, or that is not read since it is no regular
     * file. The JDK's exceptions name the class and the absolute path; the problem names the file
     * already, so it says only why.
     */
    public static ReadResult.Skipped unreadable(String source, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file (it went away during the run)"
                : e instanceof FileSystemException failure && failure.getReason() != null ? failure.getReason()
                : oneLine(e.getMessage());
        return new ReadResult.Skipped(new Problem(source, 0, (e instanceof FileBytes.NotRegular ? "not read: "
                : "cannot be read: ") + why));
    }

    /** Reads a file whose bytes are already in hand. */
    public ReadResult read(String source, byte[] bytes) {
        if (source.indexOf('\uFFFD') >= 0) {
            return badName(source);
        }
        List<Problem> warnings = new ArrayList<>();
        try {
            if (bytes.length > config.maxFileBytes()) {
                return tooLarge(source, bytes.length);
            }
            String text = decode(bytes, source, warnings);
            Story story = parse(text, source, warnings);
            return new ReadResult.Read(story, warnings);
        } catch (CorpusFileException e) {
            return new ReadResult.Skipped(new Problem(source, e.line(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return new ReadResult.Skipped(new Problem(source, 0, "cannot be read: " + e));
        }
    }

    /**
     * The result for a file whose name is not valid in the character set the JVM decodes names with
     * (a name written in Latin-1 on a UTF-8 system): read with U+FFFD for what could not be
     * decoded, it may be another file's name too and does not lead back to the file, so what the
     * file holds is not used. (A locale that is not UTF-8 stops the walk instead: see
     * {@link CorpusScanner}.)
     */
    private static ReadResult badName(String source) {
        return new ReadResult.Skipped(new Problem(source, 0, "the file's name is not valid "
                + CorpusScanner.NAME_CHARSET + " (what could not be decoded shows as \uFFFD), so it cannot be"
                + " told apart from others: rename it"));
    }

    /** The result for a file larger than {@code corpus.maxFileBytes}, which is not read at all. */
    public ReadResult tooLarge(String source, long size) {
        return new ReadResult.Skipped(new Problem(source, 0, "the file is " + size
                + " bytes, larger than corpus.maxFileBytes (" + config.maxFileBytes() + ")"));
    }

    /** Parses a file's text; public for tests and tools that hold text rather than files. */
    public ReadResult parse(String text, String source) {
        List<Problem> warnings = new ArrayList<>();
        try {
            return new ReadResult.Read(parse(text, source, warnings), warnings);
        } catch (CorpusFileException e) {
            return new ReadResult.Skipped(new Problem(source, e.line(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return new ReadResult.Skipped(new Problem(source, 0, "cannot be read: " + e));
        }
    }

    private Story parse(String text, String source, List<Problem> warnings) throws CorpusFileException {
        FrontMatter frontMatter = FrontMatter.split(readable(text));
        YamlValue root = yaml.read(frontMatter.yaml(), frontMatter.firstLine());
        if (root == null) {
            throw new CorpusFileException(frontMatter.firstLine(), "the front matter is empty");
        }
        return new StoryMapper(source, config.maxRelated(), warnings).story(root, frontMatter.body());
    }

    /**
     * The text, or when it holds characters YAML refuses to read (controls other than tab and line
     * ends, U+FFFE), the text repaired and without them: one stray control must not cost the whole
     * file, and a UTF-8 sequence read as Windows-1252 can end in a C1 control ({@code ”} becomes
     * {@code â€} and U+009D), which only mojibake repair turns back into text.
     */
    private static String readable(String text) {
        return withoutYamlOnlyLineBreaks(StreamReader.isPrintable(text) ? text : TextRepair.document(text));
    }

    /**
     * The text without the line breaks YAML 1.1 counts but no editor shows: U+2028 and U+2029
     * become spaces and NEL (U+0085, Windows-1252's ellipsis read as Latin-1) becomes {@code …}.
     * SnakeYAML ends a line at each, so a title holding one failed its file ("could not find
     * expected ':'") and every later line was reported one line off.
     */
    private static String withoutYamlOnlyLineBreaks(String text) {
        if (text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0 && text.indexOf('\u0085') < 0) {
            return text;
        }
        return text.replace('\u2028', ' ').replace('\u2029', ' ').replace('\u0085', '\u2026');
    }

    /**
     * The file's text: UTF-8 (with or without a byte-order mark), or UTF-16 or UTF-32 when the file
     * starts with their byte-order mark, as YAML allows; the mark is not part of the text.
     */
    private static String decode(byte[] bytes, String source, List<Problem> warnings) {
        Charset charset = StandardCharsets.UTF_8;
        int mark = 0;
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            mark = 4;
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            mark = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, mark, bytes.length - mark);
        try {
            return strict(charset).decode(in).toString();
        } catch (CharacterCodingException e) {
            long bad = firstBadByte(bytes, mark, charset);
            if (charset.equals(StandardCharsets.UTF_8) && mostlyNotUtf8(bytes, mark)) {
                // More bytes that are no UTF-8 than UTF-8 characters beyond ASCII: a file saved as
                // Windows-1252 (or Latin-1, which it extends), whose é would otherwise be dropped
                // ("caf"); a pair of its bytes may happen to be UTF-8 (ß“ is DF 93).
                warnings.add(new Problem(source, 0, "the file is not valid UTF-8 (first bad byte at offset " + bad
                        + ") and is mostly not UTF-8: it was read as Windows-1252; save it as UTF-8"));
                return new String(bytes, mark, bytes.length - mark, WINDOWS_1252);
            }
            warnings.add(new Problem(source, 0, "the file is not valid " + charset.name()
                    + " (first bad byte at offset " + bad + "); bad bytes were dropped"));
            return new String(bytes, mark, bytes.length - mark, charset);
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Whether, from {@code from}, the bytes that belong to no well-formed UTF-8 sequence outnumber
     * the sequences of two to four bytes that are well formed.
     */
    private static boolean mostlyNotUtf8(byte[] bytes, int from) {
        int sequences = 0;
        int strays = 0;
        CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
        CharBuffer out = CharBuffer.allocate(2);
        for (int i = from; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            out.clear();
            utf8.reset();
            if (length > 0 && i + length <= bytes.length
                    && utf8.decode(ByteBuffer.wrap(bytes, i, length), out, true).isUnderflow()) {
                sequences++;
                i += length - 1;
            } else {
                strays++;
            }
        }
        return strays > sequences;
    }

    private static boolean startsWith(byte[] bytes, int... mark) {
        if (bytes.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static long firstBadByte(byte[] bytes, int from, Charset charset) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        strict(charset).decode(in, out, true);
        return in.position();
    }

    static String oneLine(String message) {
        return message == null ? "unknown problem" : message.replaceAll("\\s+", " ").strip();
    }
}
