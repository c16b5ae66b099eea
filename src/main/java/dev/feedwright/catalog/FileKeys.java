package dev.feedwright.catalog;

import dev.feedwright.corpus.Article;
import dev.feedwright.corpus.Story;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one corpus file contributes to the feeds, in compact form: its story's topics and, for
 * each article (the primary first), an {@link ArticleKey}. The state store keeps these for every
 * file, so that a later export can choose the newest articles of a feed without reading the
 * corpus again, and re-reads only the files whose articles it will publish.
 *
 * @param source the file, relative to the corpus folder
 */
public record FileKeys(String source, List<String> topics, List<ArticleKey> articles) {

    /** Encoding version, the first byte of {@link #encode()}. */
    private static final int VERSION = 1;

    public FileKeys {
        Objects.requireNonNull(source, "source");
        topics = List.copyOf(topics);
        articles = List.copyOf(articles);
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("a story has at least its primary article");
        }
    }

    /** The keys of a story as read. */
    public static FileKeys of(Story story) {
        List<ArticleKey> keys = new ArrayList<>(story.articleCount());
        keys.add(key(story.primary()));
        for (Article related : story.related()) {
            keys.add(key(related));
        }
        return new FileKeys(story.source(), story.topics(), keys);
    }

    /** The keys of one article as {@link #of} makes them. */
    static ArticleKey key(Article article) {
        return new ArticleKey(article.published().getEpochSecond(),
                Hash64.of(CanonicalLinks.of(article)), Hash64.of(article.link()),
                article.provider().domain(), article.provider().name());
    }

    /** The latest publication among the file's articles, in epoch seconds. */
    public long maxPublished() {
        long max = Long.MIN_VALUE;
        for (ArticleKey article : articles) {
            max = Math.max(max, article.published());
        }
        return max;
    }

    /**
     * The keys as bytes: a version, the topics, then per article its numbers and its domain and
     * provider name as indexes into a table of the file's distinct strings.
     */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 40 * articles.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            Map<String, Integer> strings = new HashMap<>();
            List<String> table = new ArrayList<>();
            for (ArticleKey article : articles) {
                for (String s : new String[] {article.domain(), article.providerName()}) {
                    if (strings.putIfAbsent(s, table.size()) == null) {
                        table.add(s);
                    }
                }
            }
            writeStrings(out, topics);
            writeStrings(out, table);
            out.writeInt(articles.size());
            for (ArticleKey article : articles) {
                out.writeLong(article.published());
                out.writeLong(article.canonicalHash());
                out.writeLong(article.linkHash());
                out.writeInt(strings.get(article.domain()));
                out.writeInt(strings.get(article.providerName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The keys {@link #encode()} wrote. */
    public static FileKeys decode(String source, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("keys of " + source + " have version " + version);
            }
            List<String> topics = readStrings(in);
            List<String> table = readStrings(in);
            int count = in.readInt();
            List<ArticleKey> articles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long published = in.readLong();
                long canonical = in.readLong();
                long link = in.readLong();
                articles.add(new ArticleKey(published, canonical, link, table.get(in.readInt()), table.get(in.readInt())));
            }
            return new FileKeys(source, topics, articles);
        } catch (IOException e) {
            throw new IllegalArgumentException("keys of " + source + " are damaged", e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            byte[] utf8 = new byte[in.readInt()];
            in.readFully(utf8);
            strings.add(new String(utf8, StandardCharsets.UTF_8));
        }
        return strings;
    }
}
