package dev.feedwright.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.feedwright.corpus.CorpusScanner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a corpus of hostile article files mixed with good ones, and what must become of each:
 * skipped with a reason, kept (its story in the feeds, repaired where needed), kept but held back
 * (dated in the future) or never read at all. The same seed always gives the same files.
 *
 * <p>The kinds are the ones a corpus from thousands of outlets can hold by accident or by intent:
 * truncated files, files without a closing fence, binary garbage, bytes that are not UTF-8, NUL
 * bytes, huge fields and lists, YAML bombs and deep nesting, tags naming Java types, duplicate
 * keys, values of the wrong type, dates out of range, links that are not http(s) or carry
 * credentials, internationalised hosts, markup and script in every text field, topics that look
 * like paths or device names, text that looks like a log line, and file names with new lines.
 */
public final class HostileCorpus {

    /** What must become of a file. */
    public enum Outcome {
        /** Skipped, reported once with a reason containing {@link Case#expect}. */
        SKIPPED,
        /** Read: its story is in the feeds, found by the link in {@link Case#expect}. */
        KEPT,
        /** Read, but dated in the future: in no feed yet; {@link Case#expect} is its link. */
        HELD_BACK,
        /** Not an article file (a folder, a hidden file, a link not named as an article): never read, never reported. */
        NOT_READ
    }

    /**
     * One file and its expected outcome.
     *
     * @param kind    the kind of input, for messages and counts
     * @param source  the file's path relative to the corpus folder, with {@code /} separators
     * @param outcome what must become of it
     * @param expect  for a skipped file a fragment of the reason; for a kept one its link
     */
    public record Case(String kind, String source, Outcome outcome, String expect) {
    }

    /** A text that must never start a log line: it imitates one. */
    public static final String FORGED_LOG_LINE = "12:00:00.000 WARN  forged by the corpus";

    private static final String DATE = "2021-08-29T05:09:00Z";
    private static final String[] WORDS = {"court", "data", "breach", "model", "chip", "launch", "report", "robot",
        "privacy", "cloud", "season", "patch", "study", "market", "rocket", "vaccine", "energy", "update"};
    private static final String[] TOPICS = {"AI", "Privacy", "Robotics", "Caf\u00e9 culture", "\u65e5\u672c",
        "Space", "Cybersecurity", "Gaming"};

    private final Path root;
    private final SplittableRandom random;
    private final List<Case> cases = new ArrayList<>();
    private int counter;

    private HostileCorpus(Path root, long seed) {
        this.root = root;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Writes the corpus into {@code root} (created if needed).
     *
     * @param goodFiles how many good files to mix in, besides the good ones that test repairs
     * @param withHugeFiles whether to write the 20 MB title and the 100,000 related items (about
     *                      35 MB on disk; skipped unread under the default size limit)
     * @return every file written and its expected outcome
     */
    public static List<Case> write(Path root, long seed, int goodFiles, boolean withHugeFiles) throws IOException {
        HostileCorpus corpus = new HostileCorpus(root, seed);
        Files.createDirectories(root);
        for (int i = 0; i < goodFiles; i++) {
            corpus.good();
        }
        corpus.structure();
        corpus.encoding();
        corpus.yamlAttacks();
        corpus.wrongTypes();
        corpus.dates();
        corpus.links();
        corpus.markup();
        corpus.topics();
        corpus.logForging();
        corpus.notArticles();
        if (withHugeFiles) {
            corpus.huge();
        }
        return List.copyOf(corpus.cases);
    }

    /** A story file with every field, as the real corpora have them. */
    private void good() throws IOException {
        int n = ++counter;
        String link = "https://news" + random.nextInt(40) + ".example.com/" + (2016 + random.nextInt(8)) + "/"
                + words(3).replace(' ', '-') + "-" + n;
        StringBuilder related = new StringBuilder();
        int relatedCount = random.nextInt(4);
        if (relatedCount > 0) {
            related.append("related:\n");
            for (int r = 0; r < relatedCount; r++) {
                related.append("  - title: \"").append(words(6)).append("\"\n    publishedDateTime: ").append(date())
                        .append("\n    webUrl: \"https://other").append(random.nextInt(20)).append(".example.net/")
                        .append(n).append('-').append(r).append("\"\n    provider:\n      name: Other Wire\n");
            }
        }
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String text = "---\ncategory: news\ntitle: \"" + capitalised(words(5 + random.nextInt(6))) + " " + n + "\"\n"
                + "excerpt: \"" + words(20) + (random.nextInt(5) == 0 ? " &amp; more&nbsp;news" : "") + "\"\n"
                + "publishedDateTime: " + date() + "\nwebUrl: \"" + link + "\"\ntype: article\n"
                + "provider:\n  name: \"Good Wire " + random.nextInt(10) + "\"\n  domain: news" + random.nextInt(10)
                + ".example.com\ntopics:\n  - \"" + topic + "\"\n  - Good news\n"
                + "images:\n  - url: \"https://img.example.com/" + n + ".jpg\"\n    width: 800\n    height: 600\n"
                + related + "---\n";
        file("good", "good/" + String.format(Locale.ROOT, "%04d", n) + "-story.md", text, Outcome.KEPT, link);
    }

    /** Truncated files, no closing fence, empty files, fences only, CR line ends, BOM and CRLF. */
    private void structure() throws IOException {
        byte[] whole = story("truncated", "https://kept.example.org/truncated/whole").getBytes(UTF_8);
        int fence = whole.length - 4;
        for (int i = 0; i < 12; i++) {
            int cut = 4 + random.nextInt(fence - 4);
            String source = "truncated/cut-" + i + "-at-" + cut + ".md";
            write(source, Arrays.copyOf(whole, cut));
            cases.add(new Case("truncated", source, Outcome.SKIPPED, "not closed"));
        }
        skipped("truncated", "truncated/fence-only-opened.md", "---", "not closed");
        skipped("no closing fence", "fence/never-closed.md", story("x", "https://a.example/").replace("\n---\n", "\n"),
                "not closed");
        skipped("no closing fence", "fence/closed-with-dots.md",
                story("x", "https://a.example/").replace("\n---\n", "\n...\n"), "not closed");
        skipped("no front matter", "fence/empty.md", "", "no front matter");
        skipped("no front matter", "fence/text-only.md", "Just some text.\nNo fences.\n", "no front matter");
        kept("CR line ends", "fence/cr-line-ends.md", story("Old Mac line ends", "https://kept.example.org/cr")
                .replace('\n', '\r'), "https://kept.example.org/cr");
        skipped("empty front matter", "fence/fences-only.md", "---\n---\n", "front matter is empty");
        skipped("not a mapping", "fence/a-list.md", "---\n- a\n- b\n---\n", "not a mapping");
        skipped("not a mapping", "fence/a-scalar.md", "---\njust text\n---\n", "not a mapping");
        kept("byte-order mark and CRLF", "fence/bom-crlf.md",
                "\uFEFF" + story("BOM and CRLF", "https://kept.example.org/bom").replace("\n", "\r\n"),
                "https://kept.example.org/bom");
        kept("truncated body", "fence/truncated-body.md",
                story("Body cut short", "https://kept.example.org/body") + "# A body cut in the mid",
                "https://kept.example.org/body");
    }

    /** Binary garbage, invalid UTF-8, NUL bytes, raw controls. */
    private void encoding() throws IOException {
        for (int i = 0; i < 10; i++) {
            byte[] garbage = new byte[1 + random.nextInt(20_000)];
            random.nextBytes(garbage);
            garbage[0] = (byte) (garbage[0] == '-' ? 'x' : garbage[0]);
            write("binary/garbage-" + i + ".md", garbage);
            cases.add(new Case("binary garbage", "binary/garbage-" + i + ".md", Outcome.SKIPPED, "no front matter"));
        }
        for (int i = 0; i < 5; i++) {
            byte[] garbage = new byte[100 + random.nextInt(5_000)];
            random.nextBytes(garbage);
            byte[] framed = concat("---\n".getBytes(UTF_8), garbage, "\n---\n".getBytes(UTF_8));
            write("binary/fenced-garbage-" + i + ".md", framed);
            cases.add(new Case("binary garbage", "binary/fenced-garbage-" + i + ".md", Outcome.SKIPPED, ""));
        }
        byte[][] badUtf8 = {{(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}};
        for (int i = 0; i < badUtf8.length; i++) {
            String link = "https://kept.example.org/invalid-utf8/" + i;
            String[] halves = story("Bad bytes here: [", link).split("\\[", 2);
            write("utf8/invalid-" + i + ".md", concat(halves[0].getBytes(UTF_8), badUtf8[i], halves[1].getBytes(UTF_8)));
            cases.add(new Case("invalid UTF-8", "utf8/invalid-" + i + ".md", Outcome.KEPT, link));
        }
        write("utf8/utf16-bom.md", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                story("UTF-16 caf\u00e9 \u6771\u4eac", "https://kept.example.org/utf16")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
        cases.add(new Case("UTF-16", "utf8/utf16-bom.md", Outcome.KEPT, "https://kept.example.org/utf16"));
        write("utf8/latin1.md", story("Caf\u00e9 na\u00efve in Latin-1", "https://kept.example.org/latin1")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        cases.add(new Case("invalid UTF-8", "utf8/latin1.md", Outcome.KEPT, "https://kept.example.org/latin1"));
        kept("NUL bytes", "nul/in-title.md", story("NUL\u0000in\u0000the\u0000title", "https://kept.example.org/nul"),
                "https://kept.example.org/nul");
        kept("NUL bytes", "nul/in-key.md", story("NUL in a key", "https://kept.example.org/nul-key")
                .replace("excerpt:", "exc\u0000erpt:"), "https://kept.example.org/nul-key");
        write("nul/all-nul.md", new byte[4096]);
        cases.add(new Case("NUL bytes", "nul/all-nul.md", Outcome.SKIPPED, "no front matter"));
        kept("raw controls", "nul/controls.md", story("Bell\u0007 Esc\u001b[2J DEL\u007f C1\u0085\u009b end",
                "https://kept.example.org/controls"), "https://kept.example.org/controls");
        kept("YAML escapes", "nul/escaped-controls.md",
                "---\ntitle: \"NUL\\0 BEL\\a ESC\\e NEL\\N LS\\L PS\\P \\x9b end\"\npublishedDateTime: " + DATE
                        + "\nwebUrl: \"https://kept.example.org/escapes\"\n---\n", "https://kept.example.org/escapes");
    }

    /** Alias bombs, deep nesting, Java-type tags, duplicate keys. */
    private void yamlAttacks() throws IOException {
        StringBuilder bomb = new StringBuilder(head("Billion laughs", "https://a.example/bomb"))
                .append("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("lol").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            bomb.append("]\n");
        }
        skipped("alias bomb", "yaml/billion-laughs.md", bomb + "---\n", "aliases");
        StringBuilder echo = new StringBuilder(head("Echo", "https://a.example/echo"))
                .append("secured: &long \"").append("\u00e9".repeat(200_000)).append("\"\ntopics: [");
        for (int i = 0; i < 200_000; i++) {
            echo.append("*long, ");
        }
        skipped("alias bomb", "yaml/long-text-aliased.md", echo + "AI]\n---\n", "aliases repeat more text");
        kept("aliases", "yaml/few-aliases.md", head("A few aliases", "https://kept.example.org/aliases")
                + "provider: &p {name: Alias Wire, domain: alias.example.com}\nrelated:\n  - title: Same outlet\n"
                + "    publishedDateTime: " + DATE + "\n    webUrl: \"https://alias.example.com/r\"\n    provider: *p\n---\n",
                "https://kept.example.org/aliases");
        skipped("undefined alias", "yaml/undefined-alias.md", head("Undefined", "https://a.example/") + "x: *nope\n---\n",
                "undefined alias");
        skipped("deep nesting", "yaml/deep-flow-list.md",
                head("Deep", "https://a.example/") + "deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n",
                "Nesting Depth");
        skipped("deep nesting", "yaml/deep-flow-map.md",
                head("Deep", "https://a.example/") + "deep: " + "{a: ".repeat(10_000) + "b" + "}".repeat(10_000) + "\n---\n",
                "Nesting Depth");
        StringBuilder block = new StringBuilder(head("Deep block", "https://a.example/"));
        for (int level = 0; level < 1_000; level++) {
            block.append("  ".repeat(level)).append("k:\n");
        }
        skipped("deep nesting", "yaml/deep-block.md", block + "---\n", "Nesting Depth");
        String[] tags = {"!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
            + " [\"http://127.0.0.1:9/\"]]]]", "!!java.io.FileOutputStream [\"/tmp/feedwright-pwned\"]",
            "!<tag:yaml.org,2002:java.lang.ProcessBuilder> [[touch, /tmp/feedwright-pwned]]",
            "!!python/object/apply:os.system [\"touch /tmp/feedwright-pwned\"]", "!custom value",
            "!!com.sun.rowset.JdbcRowSetImpl {dataSourceName: \"ldap://127.0.0.1:9/x\", autoCommit: true}"};
        for (int i = 0; i < tags.length; i++) {
            skipped("Java type tag", "yaml/tag-" + i + ".md", "---\ntitle: " + tags[i] + "\npublishedDateTime: " + DATE
                    + "\nwebUrl: \"https://a.example/\"\n---\n", "is not allowed");
        }
        skipped("Java type tag", "yaml/tag-in-related.md", head("Tag below", "https://a.example/")
                + "related:\n  - !!java.util.HashMap {title: x}\n---\n", "is not allowed");
        skipped("duplicate key", "yaml/duplicate-title.md", head("One", "https://a.example/") + "title: Two\n---\n",
                "duplicate key 'title'");
        skipped("duplicate key", "yaml/duplicate-nested.md", head("One", "https://a.example/")
                + "provider:\n  name: A\n  name: B\n---\n", "duplicate key 'name'");
        skipped("duplicate key", "yaml/duplicate-unread-key.md", head("One", "https://a.example/")
                + "category: news\ncategory: games\n---\n", "duplicate key 'category'");
        kept("a list as a key", "yaml/list-key.md", head("A list as a key", "https://kept.example.org/list-key")
                + "? [title, excerpt]\n: not read\nexcerpt: Read after it\n---\n", "https://kept.example.org/list-key");
        skipped("duplicate key", "yaml/duplicate-quoted.md", head("One", "https://a.example/") + "\"title\": Two\n---\n",
                "duplicate key");
        skipped("YAML error", "yaml/tabs-indent.md", head("Tabs", "https://a.example/") + "provider:\n\tname: x\n---\n",
                "YAML error");
        skipped("YAML error", "yaml/unclosed-quote.md", "---\ntitle: \"never closed\npublishedDateTime: " + DATE
                + "\n---\n", "YAML error");
        skipped("merge key", "yaml/title-only-by-merge.md", "---\nbase: &b {title: Merged}\n<<: *b\npublishedDateTime: "
                + DATE + "\nwebUrl: \"https://a.example/\"\n---\n", "no title");
        kept("second document", "yaml/two-documents.md", head("First document", "https://kept.example.org/two-docs")
                + "...\n--- \ntitle: Second\n---\n", "https://kept.example.org/two-docs");
    }

    /** Every field with a value of the wrong type. */
    private void wrongTypes() throws IOException {
        kept("wrong type", "types/title-number.md", story("123", "https://kept.example.org/title-number")
                .replace("title: \"123\"", "title: 123"), "https://kept.example.org/title-number");
        kept("wrong type", "types/title-bool.md", story("x", "https://kept.example.org/title-bool")
                .replace("title: \"x\"", "title: true"), "https://kept.example.org/title-bool");
        kept("wrong type", "types/topics-scalar.md", head("Topics as one string", "https://kept.example.org/topics-str")
                + "topics: \"AI\"\n---\n", "https://kept.example.org/topics-str");
        kept("wrong type", "types/related-mapping.md", head("Related as a mapping", "https://kept.example.org/rel-map")
                + "related: {}\n---\n", "https://kept.example.org/rel-map");
        kept("wrong type", "types/related-scalar.md", head("Related as text", "https://kept.example.org/rel-str")
                + "related: \"https://other.example.com/\"\n---\n", "https://kept.example.org/rel-str");
        kept("wrong type", "types/everything-else.md", head("Wrong kinds below", "https://kept.example.org/kinds")
                + "excerpt: [a, b]\nprovider: \"just a name\"\ntopics: [{a: b}, [c], 42, true]\nimages: 5\n"
                + "quality: high\nheat: [1]\npublished: maybe\ntype: {video: true}\nfeaturedContent: [x]\n"
                + "ampWebUrl: {}\n---\n", "https://kept.example.org/kinds");
        skipped("wrong type", "types/title-list.md", head("x", "https://a.example/").replace("title: \"x\"", "title: [a, b]")
                + "---\n", "title must be text, was a list");
        skipped("wrong type", "types/title-mapping.md", head("x", "https://a.example/")
                .replace("title: \"x\"", "title: {a: b}") + "---\n", "title must be text, was a mapping");
        skipped("wrong type", "types/title-null.md", head("x", "https://a.example/").replace("title: \"x\"", "title: ~")
                + "---\n", "no title");
        skipped("wrong type", "types/date-list.md", head("x", "https://a.example/")
                .replace("publishedDateTime: " + DATE, "publishedDateTime: [2021]") + "---\n", "must be text, was a list");
        skipped("wrong type", "types/link-mapping.md", "---\ntitle: x\npublishedDateTime: " + DATE
                + "\nwebUrl: {href: \"https://a.example/\"}\n---\n", "no usable http(s) link");
    }

    /** Dates that name no day, or one out of range; one in the future, which is held back. */
    private void dates() throws IOException {
        String[] bad = {"yesterday", "now", "1989-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "-2021-08-29T05:09:00Z", "+999999999-12-31T23:59:59Z", "2021-13-45T00:00:00Z", "2021-02-30T00:00:00Z",
            "2021-08-29T25:61:61Z", "1630213740", "", "\"" + "9".repeat(5_000) + "\"", "2021-08-29T05:09:00+99:00",
            "Sun, 32 Aug 2021 05:09:00 GMT", "2021-08-29T05:09:00Z " + "x".repeat(100)};
        for (int i = 0; i < bad.length; i++) {
            String text = story("x", "https://a.example/").replace("publishedDateTime: " + DATE,
                    "publishedDateTime: " + bad[i]);
            skipped("date out of range", "dates/bad-" + i + ".md", text, bad[i].isEmpty() ? "no date" : "no parseable date");
        }
        file("date in the future", "dates/future.md", story("From the future", "https://kept.example.org/future")
                .replace(DATE, "2098-01-01T00:00:00Z"), Outcome.HELD_BACK, "https://kept.example.org/future");
        kept("date forms", "dates/offset.md", story("Offset date", "https://kept.example.org/offset")
                .replace(DATE, "2021-08-29T07:09:00.123456789+02:00"), "https://kept.example.org/offset");
    }

    /** Links that are not http(s), carry credentials, are relative; IDN and punycode hosts. */
    private void links() throws IOException {
        String[] refused = {"javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd", "file://localhost/etc",
            "vbscript:msgbox(1)", "ftp://ftp.example.com/x", "mailto:a@example.com",
            "https://user:pass@example.com/story", "https://user@example.com/story", "http://a:b@127.0.0.1/",
            "/news/story.html", "../../etc/passwd", "story.html", "?q=1", "#top", "https://", "http:///path",
            "https://[::1]/x", "https://exa mple.com/", "https://example.com:99999/", "https://-bad-.example/",
            "https://" + "a".repeat(64) + ".example/", "https://example.com/" + "x".repeat(5_000)};
        for (int i = 0; i < refused.length; i++) {
            skipped("refused link", "links/refused-" + i + ".md", story("x", refused[i]), "no usable http(s) link");
        }
        String[][] usable = {
            {"https://b\u00fccher.example/caf\u00e9?q=\u00e9", "https://xn--bcher-kva.example/caf%C3%A9?q=%C3%A9"},
            {"https://xn--bcher-kva.example/x", "https://xn--bcher-kva.example/x"},
            {"https://\u0430pple.example/login", "https://xn--pple-43d.example/login"},
            {"https://\u4f8b\u3048.\u30c6\u30b9\u30c8/", "https://xn--r8jz45g.xn--zckzah/"},
            {"//protocol-relative.example/x", "https://protocol-relative.example/x"},
            {"HTTPS://UPPER.EXAMPLE:443/Path", "https://upper.example/Path"},
            {"https://example.org/\"><script>alert(1)</script>", "https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"},
            {"https://example.org/a b<c>d{e}|f", "https://example.org/a%20b%3Cc%3Ed%7Be%7D%7Cf"},
        };
        for (int i = 0; i < usable.length; i++) {
            kept("IDN and odd links", "links/usable-" + i + ".md", story("Odd but usable link " + i, usable[i][0]),
                    usable[i][1]);
        }
        kept("bad link, good fallback", "links/fallback.md", head("Falls back", "javascript:alert(1)")
                + "originalUrl: \"https://kept.example.org/fallback\"\n---\n", "https://kept.example.org/fallback");
        StringBuilder related = new StringBuilder(head("Bad related and image links",
                "https://kept.example.org/bad-related")).append("images:\n");
        for (String link : refused) {
            related.append("  - url: \"").append(link.replace("\"", "\\\"")).append("\"\n");
        }
        related.append("related:\n");
        for (String link : refused) {
            related.append("  - title: Related\n    publishedDateTime: ").append(DATE).append("\n    webUrl: \"")
                    .append(link.replace("\"", "\\\"")).append("\"\n");
        }
        kept("refused link", "links/refused-in-related-and-images.md", related + "---\n",
                "https://kept.example.org/bad-related");
    }

    /** Script, event handlers, frames and CSS in every text field and in the embed. */
    private void markup() throws IOException {
        String[] payloads = {"<script>alert('title')</script>Scripted", "<img src=x onerror=alert(1)>Image",
            "<iframe src=\"javascript:alert(1)\"></iframe>Framed", "<style>body{display:none}</style>Styled",
            "<p style=\"background:url(javascript:alert(1))\">Inline style</p>", "<svg onload=alert(1)>Vector",
            "&lt;script&gt;alert(1)&lt;/script&gt;Encoded", "&amp;lt;script&amp;gt;alert(2)&amp;lt;/script&amp;gt;Twice",
            "<scr<script>ipt>alert(1)</script>Nested", "<a href=\"javascript:alert(1)\">Click</a>",
            "<object data=\"x\"></object><embed src=\"x\">Plugins", "<x onmouseover=alert(1)>Custom tag</x>",
            "<\u0001script>alert(1)<\u0001/script>Joined", "<body onload=alert(1)>Body",
            "<math><mi xlink:href=\"javascript:alert(1)\">Math</mi></math>", "<!--<script>alert(1)</script>-->Comment",
            "<base href=\"javascript:/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">Meta"};
        for (int i = 0; i < payloads.length; i++) {
            String p = payloads[i].replace("\\", "\\\\").replace("\"", "\\\"");
            String link = "https://kept.example.org/markup/" + i;
            kept("markup in text", "markup/payload-" + i + ".md", "---\ntitle: \"" + p + " " + i + "\"\nexcerpt: \""
                    + p + "\"\npublishedDateTime: " + DATE + "\nwebUrl: \"" + link + "\"\ntype: video\n"
                    + "featuredContent: \"" + p + "<iframe src=\\\"https://www.youtube.com/embed/x" + i
                    + "\\\" onload=\\\"alert(1)\\\" srcdoc=\\\"<script>alert(1)</script>\\\"></iframe>\"\n"
                    + "provider:\n  name: \"" + p + "\"\n  domain: markup" + i + ".example.com\ntopics:\n  - \"" + p
                    + "\"\nrelated:\n  - title: \"" + p + "\"\n    excerpt: \"" + p + "\"\n    publishedDateTime: " + DATE
                    + "\n    webUrl: \"https://related.example.org/markup/" + i + "\"\n    provider:\n      name: \"" + p
                    + "\"\n---\n", link);
        }
        kept("markup in embed", "markup/embed-javascript.md", head("Embed with a script address",
                "https://kept.example.org/embed") + "type: video\nfeaturedContent: \"<iframe src=\\\"javascript:alert(1)\\\">"
                + "</iframe><iframe src=\\\"data:text/html,<script>alert(1)</script>\\\"></iframe>\"\n---\n",
                "https://kept.example.org/embed");
    }

    /** Topic names that look like paths, device names, or are empty, long or bidirectional tricks. */
    private void topics() throws IOException {
        String[] names = {"../../etc", "..", ".", "CON", "con.xml", "NUL", "aux", "COM1", "LPT9.txt", "", "   ",
            "x".repeat(500), "\u00e9".repeat(500), "\u202Egnp.exe", "abc\u202Efdp.exe", "a/b", "a\\\\b", "%2e%2e%2f",
            "~root", ".hidden", "-rf", "\ud83d\udca5\ud83d\udca5", "\u0000null\u0000", "line\\nbreak", "index",
            "all", "feeds", "feed.xsl", "<script>", "AI", "ai", "A.I."};
        for (int i = 0; i < names.length; i++) {
            String link = "https://kept.example.org/topic/" + i;
            String name = names[i];
            kept("hostile topic", "topics/topic-" + i + ".md", head("Topic " + i, link) + "topics:\n  - \"" + name
                    + "\"\n  - Plain topic\nprovider:\n  name: \"" + name + "\"\n  domain: \"" + name + "\"\n---\n", link);
        }
    }

    /** Text that imitates a log line, after a line break, in values and in file names. */
    private void logForging() throws IOException {
        String[] breaks = {"\\n", "\\r", "\\r\\n", "\\u0085", "\\u2028", "\\u2029", "\\e[1A\\e[2K\\r"};
        for (int i = 0; i < breaks.length; i++) {
            String forged = breaks[i] + FORGED_LOG_LINE;
            skipped("log forging", "log/in-date-" + i + ".md", story("x", "https://a.example/").replace(
                    "publishedDateTime: " + DATE, "publishedDateTime: \"yesterday" + forged + "\""), "no parseable date");
            skipped("log forging", "log/in-link-" + i + ".md", story("x", "story" + forged), "no usable http(s) link");
            skipped("log forging", "log/in-key-" + i + ".md", head("x", "https://a.example/") + "\"k" + forged
                    + "\": 1\n\"k" + forged + "\": 2\n---\n", "duplicate key");
            String link = "https://kept.example.org/log/" + i;
            kept("log forging", "log/in-related-" + i + ".md", head("Forged in a related title", link)
                    + "related:\n  - title: \"ok" + forged + "\"\n    publishedDateTime: \"soon" + forged + "\"\n"
                    + "    webUrl: \"https://a.example/r\"\n---\n", link);
        }
        if (newlinesInFileNamesAllowed()) {
            for (String brk : new String[] {"\n", "\r", "\r\n", "\u0085", "\u2028", "\u001b[1A\u001b[2K"}) {
                if (brk.charAt(0) > 0x7f && !CorpusScanner.readsNamesAsUtf8()) {
                    continue;
                }
                int i = ++counter;
                skipped("file name with a new line", "log/skipped-" + i + brk + FORGED_LOG_LINE + ".md",
                        "no front matter\n", "no front matter");
                String link = "https://kept.example.org/log/name-" + i;
                kept("file name with a new line", "log/kept-" + i + brk + FORGED_LOG_LINE + ".md",
                        head("Kept despite its name", link) + "excerpt: [a list, so that a warning names the file]\n---\n",
                        link);
            }
        }
    }

    /**
     * Things that look like article files but are not: a folder, a hidden or excluded file, never
     * read nor reported; a link or pipe named as an article, never read but reported.
     */
    private void notArticles() throws IOException {
        Files.createDirectories(root.resolve("other/folder.md"));
        cases.add(new Case("folder named like a file", "other/folder.md", Outcome.NOT_READ, ""));
        write("other/.hidden.md", story("Hidden", "https://a.example/hidden").getBytes(UTF_8));
        cases.add(new Case("hidden file", "other/.hidden.md", Outcome.NOT_READ, ""));
        write("other/notes.json", story("Not included", "https://a.example/json").getBytes(UTF_8));
        cases.add(new Case("other extension", "other/notes.json", Outcome.NOT_READ, ""));
        if (newlinesInFileNamesAllowed()) {
            Files.createSymbolicLink(root.resolve("other/passwd.md"), Path.of("/etc/passwd"));
            cases.add(new Case("link out of the corpus", "other/passwd.md", Outcome.SKIPPED,
                    "links inside the corpus folder are not followed"));
            Files.createSymbolicLink(root.resolve("other/loop"), root);
            cases.add(new Case("link loop", "other/loop", Outcome.NOT_READ, ""));
            if (mkfifo(root.resolve("other/pipe.md"))) {
                cases.add(new Case("named pipe", "other/pipe.md", Outcome.SKIPPED, "not a regular file"));
            }
        }
    }

    /** A 20 MB title and 100,000 related items: over the default size limit. */
    private void huge() throws IOException {
        Path title = root.resolve("huge/title-20mb.md");
        Files.createDirectories(title.getParent());
        try (OutputStream out = Files.newOutputStream(title)) {
            out.write("---\ntitle: \"".getBytes(UTF_8));
            byte[] chunk = "A twenty megabyte title. ".repeat(40_000).getBytes(UTF_8);
            for (long written = 0; written < 20L << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.write(("\"\npublishedDateTime: " + DATE + "\nwebUrl: \"https://kept.example.org/huge-title\"\n---\n")
                    .getBytes(UTF_8));
        }
        cases.add(new Case("20 MB title", "huge/title-20mb.md", Outcome.SKIPPED, "larger than corpus.maxFileBytes"));
        Path related = root.resolve("huge/related-100000.md");
        try (OutputStream out = Files.newOutputStream(related)) {
            out.write(head("A story with 100,000 related items", "https://kept.example.org/huge-related")
                    .concat("related:\n").getBytes(UTF_8));
            for (int i = 0; i < 100_000; i++) {
                out.write(("  - title: \"Related coverage number " + i + "\"\n    excerpt: \"The same story again.\"\n"
                        + "    publishedDateTime: " + DATE + "\n    webUrl: \"https://related" + (i % 500)
                        + ".example.net/story/" + i + "\"\n    provider:\n      name: Outlet " + (i % 500) + "\n")
                        .getBytes(UTF_8));
            }
            out.write("---\n".getBytes(UTF_8));
        }
        cases.add(new Case("100,000 related items", "huge/related-100000.md", Outcome.SKIPPED,
                "larger than corpus.maxFileBytes"));
    }

    /** Whether this file system takes any character but {@code /} in a name (Linux does; Windows and macOS do not all). */
    public static boolean newlinesInFileNamesAllowed() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The front matter of a good story, without its closing fence. Title and link go into YAML
     * double quotes as they are, but for {@code "}: YAML escapes in them ({@code \\n}) stay escapes.
     */
    private static String head(String title, String link) {
        return "---\ntitle: \"" + title.replace("\"", "\\\"") + "\"\npublishedDateTime: " + DATE
                + "\nwebUrl: \"" + link.replace("\"", "\\\"") + "\"\n";
    }

    private static String story(String title, String link) {
        return head(title, link) + "excerpt: \"An excerpt.\"\nprovider:\n  name: Hostile Wire\n  domain: hostile.example\n"
                + "topics:\n  - Hostile\n---\n";
    }

    private void kept(String kind, String source, String text, String link) throws IOException {
        file(kind, source, text, Outcome.KEPT, link);
    }

    private void skipped(String kind, String source, String text, String reason) throws IOException {
        file(kind, source, text, Outcome.SKIPPED, reason);
    }

    private void file(String kind, String source, String text, Outcome outcome, String expect) throws IOException {
        write(source, text.getBytes(UTF_8));
        cases.add(new Case(kind, source, outcome, expect));
    }

    private void write(String source, byte[] bytes) throws IOException {
        Path file = root.resolve(source);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private String words(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String date() {
        return String.format(Locale.ROOT, "20%02d-%02d-%02dT%02d:%02d:00Z", 16 + random.nextInt(8),
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
    }
}
