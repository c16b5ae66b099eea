package dev.feedwright.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic corpus in the real format with the real corpora's shape, for benchmarks and
 * load tests: about 30 topics, about 550 provider domains with a long tail, related lists from 0
 * to 180 articles (most under 5), images on two thirds of the articles, AMP links on a fifth,
 * YouTube videos with embeds, HTML entities and mojibake here and there, the same article listed
 * under several stories, provider names that disagree with their domain, and a few broken files.
 * The same seed always gives the same files.
 */
public final class CorpusGenerator {

    /** Share of files written broken, as real corpora have a few. */
    static final double BROKEN_SHARE = 0.003;

    private static final String[] TOPICS = {
        "AI", "AI in Security", "Computer Vision", "Robotics", "Machine Learning", "Cybersecurity", "Privacy",
        "Cloud Computing", "Quantum Computing", "Semiconductors", "Electric Vehicles", "Climate Tech",
        "Space", "Biotech", "Healthcare AI", "Fintech", "Crypto", "Gaming", "Diablo 4", "Esports",
        "Smartphones", "Wearables", "Social Media", "Open Source", "Startups", "Regulation",
        "Natural Language Processing", "Autonomous Vehicles", "Drones", "Energy Storage",
    };
    private static final String[] WORDS = {
        "facial", "recognition", "police", "privacy", "model", "chip", "launch", "report", "study", "ban",
        "court", "data", "breach", "network", "cloud", "battery", "robot", "drone", "market", "funding",
        "startup", "users", "regulators", "security", "update", "release", "beta", "players", "season",
        "patch", "trailer", "review", "leak", "deal", "acquisition", "lawsuit", "research", "open",
        "source", "energy", "climate", "satellite", "rocket", "vaccine", "hospital", "bank", "token",
    };
    private static final String[] SYLLABLES = {
        "tech", "news", "wire", "daily", "post", "times", "world", "net", "hub", "byte", "verge", "mint",
        "radar", "crunch", "geek", "info", "media", "press", "today", "insider", "digital", "journal",
    };
    private static final String[] TLDS = {"com", "com", "com", "org", "net", "co.uk", "io", "de", "in", "com.au"};
    private static final String[] IMAGE_EXTENSIONS = {"jpg", "jpg", "jpeg", "png", "webp", ""};

    private static final int PROVIDERS = 550;

    private final SplittableRandom random;
    private final List<String[]> providers;
    private final double[] topicCdf = cumulativeZipf(TOPICS.length, 1.1);
    private final double[] providerCdf;
    private final List<String> sharedRelated = new ArrayList<>();
    private long articleCounter;

    public CorpusGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.providers = providers(new SplittableRandom(seed ^ 0x5DEECE66DL));
        this.providerCdf = cumulativeZipf(providers.size(), 1.05);
    }

    /**
     * Writes {@code articles} story files into {@code folder}, creating it.
     *
     * @return the number of files written
     */
    public int write(Path folder, int articles) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < articles; i++) {
            Instant published = Instant.parse("2016-10-01T00:00:00Z").plusSeconds(random.nextLong(7L * 365 * 86400));
            String title = title();
            String text = random.nextDouble() < BROKEN_SHARE ? broken(title, published) : story(title, published);
            String day = LocalDate.ofInstant(published, ZoneOffset.UTC).toString();
            Files.writeString(folder.resolve(day + "-" + slug(title) + "-" + i + ".md"), text, StandardCharsets.UTF_8);
        }
        return articles;
    }

    private String story(String title, Instant published) {
        StringBuilder out = new StringBuilder(4096);
        String[] provider = provider();
        boolean video = provider[1].equals("youtube.com");
        out.append("---\ncategory: news\n");
        field(out, "", "title", title);
        field(out, "", "excerpt", excerpt());
        out.append("publishedDateTime: ").append(published).append('\n');
        String link = link(provider[1], title);
        field(out, "", "originalUrl", link);
        if (!video || random.nextBoolean()) {
            field(out, "", "webUrl", link);
        }
        amp(out, "", link);
        out.append("type: ").append(video ? "video" : "article").append('\n');
        if (video) {
            field(out, "", "featuredContent", "<iframe width=\"800\" height=\"500\" frameborder=\"0\" src=\"https://www.youtube.com/embed/"
                    + token(11) + "\" allow=\"accelerometer; autoplay; encrypted-media\" allowfullscreen></iframe>");
        }
        out.append("quality: ").append(random.nextInt(190)).append("\nheat: ")
                .append(random.nextInt(4) == 0 ? random.nextInt(500) : -1).append("\npublished: ")
                .append(random.nextBoolean()).append("\n\nprovider:\n  name: ").append(provider[0])
                .append("\n  domain: ").append(provider[1]).append("\n\ntopics:\n");
        int topics = 1 + random.nextInt(3);
        for (int t = 0; t < topics; t++) {
            out.append("  - ").append(random.nextInt(400) == 0 ? "" : TOPICS[pick(topicCdf)]).append('\n');
        }
        images(out, "");
        int related = relatedCount();
        if (related > 0) {
            out.append("\nrelated:\n");
            for (int r = 0; r < related; r++) {
                related(out, published);
            }
        }
        out.append("\nsecured: \"").append(token(600)).append(';').append(token(24)).append("\"\n---\n");
        return out.toString();
    }

    private void related(StringBuilder out, Instant primaryDate) {
        if (!sharedRelated.isEmpty() && random.nextInt(20) == 0) {
            out.append(sharedRelated.get(random.nextInt(sharedRelated.size())));
            return;
        }
        StringBuilder item = new StringBuilder(800);
        String[] provider = provider();
        String title = title();
        String link = link(provider[1], title);
        item.append("  - title: ").append(quote(title)).append('\n');
        field(item, "    ", "excerpt", excerpt());
        item.append("    publishedDateTime: ").append(primaryDate.plusSeconds(random.nextLong(-3 * 86400L, 3 * 86400L)))
                .append('\n');
        field(item, "    ", "webUrl", provider[1].equals("youtube.com") && random.nextInt(4) == 0 ? "" : link);
        amp(item, "    ", link);
        item.append("    type: ").append(provider[1].equals("youtube.com") ? "video" : "article")
                .append("\n    provider:\n      name: ").append(provider[0]).append("\n      domain: ")
                .append(provider[1]).append("\n    quality: ").append(random.nextInt(190)).append('\n');
        images(item, "    ");
        if (sharedRelated.size() < 2000 && random.nextInt(50) == 0) {
            sharedRelated.add(item.toString());
        }
        out.append(item);
    }

    private void images(StringBuilder out, String indent) {
        if (random.nextInt(3) == 0) {
            return;
        }
        String extension = IMAGE_EXTENSIONS[random.nextInt(IMAGE_EXTENSIONS.length)];
        out.append(indent.isEmpty() ? "\n" : "").append(indent).append("images:\n").append(indent)
                .append("  - url: ").append(quote("https://cdn.example-images.net/" + token(12)
                        + (extension.isEmpty() ? "" : "." + extension) + (random.nextInt(5) == 0 ? "?w=1200&q=85" : "")))
                .append('\n').append(indent).append("    width: ").append(600 + random.nextInt(1400)).append('\n')
                .append(indent).append("    height: ").append(300 + random.nextInt(900)).append('\n')
                .append(indent).append("    isCached: true\n");
    }

    private void amp(StringBuilder out, String indent, String link) {
        if (random.nextInt(5) == 0) {
            field(out, indent, "ampWebUrl", link + "?amp");
            String host = link.substring(8, link.indexOf('/', 8));
            field(out, indent, "cdnAmpWebUrl", "https://" + host.replace('.', '-') + ".cdn.ampproject.org/c/s/"
                    + link.substring(8) + "?amp");
        }
    }

    private String broken(String title, Instant published) {
        return switch (random.nextInt(4)) {
            case 0 -> "---\ntitle: " + quote(title) + "\npublishedDateTime: " + published + "\n";
            case 1 -> "---\ntitle: " + quote(title) + "\npublishedDateTime: yesterday\nwebUrl: \"https://x.example/a\"\n---\n";
            case 2 -> "---\ntitle: [unclosed\n---\n";
            default -> "just some text, no front matter\n";
        };
    }

    private int relatedCount() {
        double u = random.nextDouble();
        if (u < 0.30) {
            return 0;
        }
        if (u < 0.55) {
            return 1 + random.nextInt(4);
        }
        if (u < 0.73) {
            return 5 + random.nextInt(16);
        }
        if (u < 0.90) {
            return 21 + random.nextInt(60);
        }
        return 81 + random.nextInt(100);
    }

    private String title() {
        int words = 5 + random.nextInt(9);
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            title.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        title.append(++articleCounter);
        int quirk = random.nextInt(100);
        if (quirk < 3) {
            title.append(" â€” whatâ€™s next");
        } else if (quirk < 6) {
            title.append(" &#8211; R&amp;D &hellip;");
        }
        return title.toString();
    }

    private String excerpt() {
        if (random.nextInt(15) == 0) {
            return "";
        }
        StringBuilder excerpt = new StringBuilder();
        int words = 15 + random.nextInt(30);
        for (int w = 0; w < words; w++) {
            excerpt.append(WORDS[random.nextInt(WORDS.length)]).append(w % 9 == 8 ? ". " : " ");
        }
        if (random.nextInt(20) == 0) {
            excerpt.append("&#038; more&nbsp;news");
        }
        return excerpt.toString().strip();
    }

    private String link(String domain, String title) {
        return "https://" + (random.nextBoolean() ? "www." : "") + domain + "/" + (2016 + random.nextInt(8)) + "/"
                + slug(title) + "-" + token(6);
    }

    private String[] provider() {
        return providers.get(pick(providerCdf));
    }

    /** Provider names and domains; a few domains appear under two names, as in real corpora. */
    private static List<String[]> providers(SplittableRandom random) {
        List<String[]> list = new ArrayList<>(PROVIDERS + 40);
        for (int i = 0; i < PROVIDERS - 1; i++) {
            String a = SYLLABLES[random.nextInt(SYLLABLES.length)];
            String b = SYLLABLES[random.nextInt(SYLLABLES.length)];
            String domain = a + b + (i < 100 ? "" : i) + "." + TLDS[random.nextInt(TLDS.length)];
            String name = Character.toUpperCase(a.charAt(0)) + a.substring(1) + " " + Character.toUpperCase(b.charAt(0))
                    + b.substring(1);
            list.add(new String[] {name, domain});
            if (random.nextInt(40) == 0) {
                list.add(new String[] {name + " Weekly", domain});
            }
        }
        for (int c = 0; c < 20; c++) {
            list.add(3 + c * 7 % list.size(), new String[] {"Channel " + c, "youtube.com"});
        }
        return List.copyOf(list);
    }

    /** An index drawn from a cumulative distribution: with a Zipf one, the first few often, a long tail rarely. */
    private int pick(double[] cdf) {
        double u = random.nextDouble() * cdf[cdf.length - 1];
        int low = 0;
        int high = cdf.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double[] cumulativeZipf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, exponent);
            cdf[k] = sum;
        }
        return cdf;
    }

    private String token(int length) {
        byte[] bytes = new byte[(length * 3 + 3) / 4];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return base64.substring(0, Math.min(length, base64.length()));
    }

    private static void field(StringBuilder out, String indent, String key, String value) {
        out.append(indent).append(key).append(": ").append(quote(value)).append('\n');
    }

    /** A YAML double-quoted scalar. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slug = slug.replaceAll("^-|-$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
