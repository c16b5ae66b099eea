package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.ArticleType;
import dev.feedwright.corpus.Image;
import dev.feedwright.corpus.Provider;
import dev.feedwright.corpus.Story;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feed's items as compact bytes: what rendering each one needs (its article; its story cut to
 * the coverage it shows, each of the story's articles with only what a coverage list shows: title,
 * link, date and provider; the coverage count), so that a later export can render the feed again
 * without reading the items' files. Only as many items as a feed holds are kept, so the bytes grow
 * with the number of feeds, not with the corpus.
 */
public final class ChosenItems {

    private static final int VERSION = 4;

    private ChosenItems() {
    }

    /** Where an item's article is: its file and its place in it (0 for the primary article). */
    public record Ref(String source, int index) {
    }

    /**
     * One remembered item: the candidate {@link Catalog#load} made from the file at {@code source}
     * when its content had {@code checksum}.
     */
    public record Item(String source, long checksum, int index, Story story, Article article, int coverage) {

        public Ref ref() {
            return new Ref(source, index);
        }

        /** The item's article's keys, as its file gave them when it was remembered. */
        public ArticleKey key() {
            return FileKeys.key(article);
        }

        /** The candidate for {@code file}'s article, loaded from what was remembered. */
        public Candidate candidate(FileKeys file) {
            return new Candidate(file, index, story, article, coverage);
        }
    }

    /**
     * What a feed remembers: its items when it was last written.
     *
     * @param held  how many items the feed held
     * @param items those of them whose file's checksum the store knew, in feed order
     */
    public record Remembered(int held, List<Item> items) {

        public Remembered {
            items = List.copyOf(items);
        }

        /** Whether every item the feed held is remembered. */
        public boolean complete() {
            return items.size() == held;
        }
    }

    /**
     * @param checksums each entry's file's checksum as the state store knows it; an entry whose
     *                  file it does not know is left out (it is read again when next needed)
     */
    public static byte[] encode(List<Entry> entries, Map<String, Long> checksums) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            List<Entry> known = entries.stream().filter(e -> checksums.containsKey(e.story().source())).toList();
            out.writeInt(entries.size());
            out.writeInt(known.size());
            for (Entry entry : known) {
                writeString(out, entry.story().source());
                out.writeLong(checksums.get(entry.story().source()));
                out.writeInt(entry.index());
                out.writeInt(entry.coverage());
                writeStory(out, entry.story());
                writeArticle(out, entry.article());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} wrote; empty for bytes of another version or damaged bytes. */
    public static Optional<Remembered> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readUnsignedByte() != VERSION) {
                return Optional.empty();
            }
            int held = in.readInt();
            int count = in.readInt();
            List<Item> items = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                String source = readString(in);
                long checksum = in.readLong();
                int index = in.readInt();
                int coverage = in.readInt();
                items.add(new Item(source, checksum, index, readStory(in), readArticle(in), coverage));
            }
            return Optional.of(new Remembered(held, items));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeStory(DataOutputStream out, Story story) throws IOException {
        writeCovered(out, story.primary());
        writeStrings(out, story.topics());
        out.writeInt(story.related().size());
        for (Article related : story.related()) {
            writeCovered(out, related);
        }
        writeString(out, story.source());
        writeString(out, story.body());
    }

    private static Story readStory(DataInputStream in) throws IOException {
        Article primary = readCovered(in);
        List<String> topics = readStrings(in);
        int count = in.readInt();
        List<Article> related = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            related.add(readCovered(in));
        }
        return new Story(primary, topics, related, readString(in), readString(in));
    }

    /**
     * A story's article as a coverage list shows it: title, link, date and provider, and its AMP
     * links, which tell an article given as its AMP page from the same article under its plain link.
     */
    private static void writeCovered(DataOutputStream out, Article article) throws IOException {
        writeString(out, article.title());
        writeString(out, article.link());
        writeStrings(out, article.ampLinks());
        out.writeLong(article.published().getEpochSecond());
        out.writeInt(article.published().getNano());
        writeString(out, article.provider().name());
        writeString(out, article.provider().domain());
    }

    private static Article readCovered(DataInputStream in) throws IOException {
        String title = readString(in);
        String link = readString(in);
        List<String> ampLinks = readStrings(in);
        Instant published = Instant.ofEpochSecond(in.readLong(), in.readInt());
        Provider provider = new Provider(readString(in), readString(in));
        return new Article(title, "", published, link, ampLinks, provider, List.of(), ArticleType.ARTICLE, null,
                null, null, null);
    }

    private static void writeArticle(DataOutputStream out, Article article) throws IOException {
        writeString(out, article.title());
        writeString(out, article.excerpt());
        out.writeLong(article.published().getEpochSecond());
        out.writeInt(article.published().getNano());
        writeString(out, article.link());
        writeStrings(out, article.ampLinks());
        writeString(out, article.provider().name());
        writeString(out, article.provider().domain());
        out.writeInt(article.images().size());
        for (Image image : article.images()) {
            writeString(out, image.url());
            out.writeInt(image.width());
            out.writeInt(image.height());
        }
        out.writeByte(article.type().ordinal());
        writeString(out, article.embedUrl());
        writeInteger(out, article.quality());
        writeInteger(out, article.heat());
        out.writeByte(article.publishedFlag() == null ? -1 : article.publishedFlag() ? 1 : 0);
    }

    private static Article readArticle(DataInputStream in) throws IOException {
        String title = readString(in);
        String excerpt = readString(in);
        Instant published = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String link = readString(in);
        List<String> ampLinks = readStrings(in);
        Provider provider = new Provider(readString(in), readString(in));
        int count = in.readInt();
        List<Image> images = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            images.add(new Image(readString(in), in.readInt(), in.readInt()));
        }
        ArticleType type = ArticleType.values()[in.readUnsignedByte()];
        String embedUrl = readString(in);
        Integer quality = readInteger(in);
        Integer heat = readInteger(in);
        byte flag = in.readByte();
        return new Article(title, excerpt, published, link, ampLinks, provider, images, type, embedUrl, quality, heat,
                flag < 0 ? null : flag == 1);
    }

    private static void writeInteger(DataOutputStream out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            strings.add(readString(in));
        }
        return strings;
    }

    /** A string as its UTF-8 length and bytes; null as length -1. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length < length) {
            throw new EOFException("a string is cut short");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
