package dev.feedwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.FeedsConfig;
import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.liveness.Progress;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of corpus changes, each followed by an incremental export that must write what
 * a full export of the same corpus into a fresh folder writes, byte for byte: stories added,
 * deleted, moved between folders, copied, rewritten, retitled, redated (into the future, to the
 * export's own second), given other topics or none, other provider names; files touched; the
 * clock moved either way; runs cut off after reading. Names are chosen to collide: topics that
 * differ only in case or accents, domains that fold to one slug, articles given as their AMP
 * page. Seeds and rounds: {@code -Dincremental.seeds=N -Dincremental.rounds=N} (default 3 and 40).
 */
class IncrementalRandomizedTest {

    private static final String[] DOMAINS = {
        "alpha.com", "beta.org", "gamma.net", "delta.io", "a-b.com", "epsilon.com", "a--b.com"};
    private static final String[] TOPICS = {"AI", "Robots", "Space", "Health", "ai", "Çafé", "Cafe"};

    @TempDir
    Path temp;

    private Random random;
    private Path corpus;
    private long mtimeBase = Instant.now().minus(Duration.ofDays(2)).toEpochMilli();
    private int stamp;
    private Instant now = Instant.parse("2026-11-21T12:00:00Z");
    private int limit;
    private List<String> log = new ArrayList<>();

    private String date() {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return now.plus(Duration.ofHours(1 + random.nextInt(30))).toString(); // future
        }
        // a small set of dates, so that ties happen
        return Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofHours(12L * random.nextInt(40))).toString();
    }

    private String link() {
        // Sometimes http, www. before the host or a slash after the path: the same article as without.
        return (random.nextInt(6) == 0 ? "http://" : "https://") + (random.nextInt(5) == 0 ? "www." : "")
                + DOMAINS[random.nextInt(DOMAINS.length)] + "/a" + random.nextInt(25)
                + (random.nextInt(6) == 0 ? "/" : "") + (random.nextInt(6) == 0 ? "?utm_source=x" : "");
    }

    private String links(String indent) {
        String link = link();
        if (random.nextInt(3) == 0) {
            String amp = link.replace("?utm_source=x", "") + "/amp";
            return indent + "webUrl: \"" + amp + "\"\n" + indent + "ampWebUrl: \"" + amp + "\"\n";
        }
        return indent + "webUrl: \"" + link + "\"\n";
    }

    private String provider(String indent) {
        String domain = DOMAINS[random.nextInt(DOMAINS.length)];
        String name = random.nextInt(4) == 0 ? "Other " + domain : domain.toUpperCase();
        return indent + "provider:\n" + indent + "  name: \"" + name + "\"\n" + indent + "  domain: " + domain + "\n";
    }

    private String story() {
        if (random.nextInt(15) == 0) {
            return "not a story\n";
        }
        StringBuilder s = new StringBuilder("---\n");
        s.append("title: \"T").append(random.nextInt(1000)).append("\"\n");
        s.append("publishedDateTime: ").append(date()).append("\n");
        s.append(links(""));
        s.append(provider(""));
        int topics = random.nextInt(3);
        if (topics > 0) {
            s.append("topics:\n");
            for (int i = 0; i < topics; i++) {
                s.append("  - \"").append(TOPICS[random.nextInt(TOPICS.length)]).append("\"\n");
            }
        }
        int related = random.nextInt(5);
        if (related > 0) {
            s.append("related:\n");
            for (int i = 0; i < related; i++) {
                s.append("  - title: \"R").append(random.nextInt(1000)).append("\"\n");
                s.append("    publishedDateTime: ").append(date()).append("\n");
                s.append(links("    "));
                s.append(provider("    "));
            }
        }
        s.append("---\n");
        return s.toString();
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        touch(file);
    }

    private void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtimeBase + 1000L * (++stamp)));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Path newPath() {
        String dir = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "sub/";
            default -> "sub/deep" + random.nextInt(2) + "/";
        };
        return corpus.resolve(dir + "f" + random.nextInt(1000) + ".md");
    }

    private void mutate() throws IOException {
        List<Path> files = files();
        Path file = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
        int op = file == null ? 0 : random.nextInt(14);
        switch (op) {
            case 0 -> {
                Path p = newPath();
                log.add("add " + corpus.relativize(p));
                write(p, story());
            }
            case 1 -> {
                log.add("delete " + corpus.relativize(file));
                Files.delete(file);
            }
            case 2 -> {
                Path p = newPath();
                if (!Files.exists(p)) {
                    log.add("move " + corpus.relativize(file) + " -> " + corpus.relativize(p));
                    Files.createDirectories(p.getParent());
                    Files.move(file, p);
                }
            }
            case 3 -> {
                log.add("rewrite " + corpus.relativize(file));
                write(file, story());
            }
            case 4 -> {
                log.add("redate " + corpus.relativize(file));
                write(file, Files.readString(file).replaceFirst("(?m)^publishedDateTime: .*$",
                        "publishedDateTime: " + date()));
            }
            case 5 -> {
                log.add("retopic " + corpus.relativize(file));
                String text = Files.readString(file).replaceAll("(?m)^topics:\\n(  - .*\\n)*", "");
                write(file, text.replaceFirst("(?m)^webUrl:", "topics:\n  - \"" + TOPICS[random.nextInt(TOPICS.length)]
                        + "\"\nwebUrl:"));
            }
            case 6 -> {
                Path p = newPath();
                if (!Files.exists(p)) {
                    log.add("copy " + corpus.relativize(file) + " -> " + corpus.relativize(p));
                    write(p, Files.readString(file));
                }
            }
            case 7 -> {
                log.add("retitle " + corpus.relativize(file));
                write(file, Files.readString(file).replaceFirst("(?m)^title: \".*\"$",
                        "title: \"E" + random.nextInt(1000) + "\""));
            }
            case 9 -> {
                log.add("rename provider " + corpus.relativize(file));
                write(file, Files.readString(file).replaceFirst("(?m)^  name: .*$",
                        "  name: \"N" + random.nextInt(3) + "\""));
            }
            case 10 -> {
                log.add("related date " + corpus.relativize(file));
                write(file, Files.readString(file).replaceFirst("(?m)^    publishedDateTime: .*$",
                        "    publishedDateTime: " + date()));
            }
            case 11 -> {
                log.add("no topics " + corpus.relativize(file));
                write(file, Files.readString(file).replaceAll("(?m)^topics:\\n(  - .*\\n)*", ""));
            }
            case 12 -> {
                log.add("date now " + corpus.relativize(file));
                write(file, Files.readString(file).replaceFirst("(?m)^publishedDateTime: .*$",
                        "publishedDateTime: " + now));
            }
            default -> {
                log.add("touch " + corpus.relativize(file));
                touch(file);
            }
        }
    }

    private void export(Path out, Path state, boolean full) throws IOException {
        FeedwrightConfig config = FeedwrightConfig.defaults().withCorpusDir(corpus).withOutputDir(out)
                .withStateDir(state).withFeeds(new FeedsConfig(limit, 2, Duration.ofMinutes(15)));
        new ExportRun(config, BuildInfo.load(), Clock.fixed(now, ZoneOffset.UTC), Progress.none(), full).run();
    }

    private void run(long seed, int rounds) throws IOException {
        random = new Random(seed);
        limit = 2 + random.nextInt(4);
        corpus = temp.resolve("corpus-" + seed);
        Path out = temp.resolve("out-" + seed);
        Path state = temp.resolve("state-" + seed);
        int initial = 5 + random.nextInt(20);
        for (int i = 0; i < initial; i++) {
            write(newPath(), story());
        }
        export(out, state, false);
        for (int round = 0; round < rounds; round++) {
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                mutate();
            }
            if (random.nextInt(6) == 0) {
                now = now.plus(Duration.ofHours(random.nextInt(20) - 5));
                log.add("clock -> " + now);
            }
            if (random.nextInt(8) == 0) {
                // a run that reads the corpus and fails before writing: a folder in the way of a feed
                Path blocker = out.resolve("all.json");
                Files.deleteIfExists(blocker);
                Files.createDirectory(blocker);
                try {
                    export(out, state, false);
                    throw new AssertionError("the run should have failed");
                } catch (IOException expected) {
                    log.add("cut-off run");
                }
                Files.delete(blocker);
                if (random.nextBoolean()) {
                    mutate();
                }
            }
            if (files().isEmpty()) {
                write(newPath(), story());
            }
            export(out, state, false);
            Path fresh = temp.resolve("fresh");
            Path freshState = temp.resolve("fresh-state");
            deleteTree(fresh);
            deleteTree(freshState);
            export(fresh, freshState, true);
            List<String> diff = IncrementalCornersTest.differences(Feeds.contents(out), Feeds.contents(fresh));
            assertThat(diff).as("seed %d limit %d round %d after %s", seed, limit, round, log).isEmpty();
            log.add("--- round " + round + " ok");
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    @Test
    void incrementalExportsWriteWhatFullExportsWriteAfterRandomChanges() throws IOException {
        long first = Long.getLong("incremental.seed", 1);
        int seeds = Integer.getInteger("incremental.seeds", 3);
        int rounds = Integer.getInteger("incremental.rounds", 40);
        List<String> failures = new ArrayList<>();
        for (long seed = first; seed < first + seeds; seed++) {
            log = new ArrayList<>();
            stamp = 0;
            now = Instant.parse("2026-11-21T12:00:00Z");
            try {
                run(seed, rounds);
            } catch (AssertionError e) {
                String msg = e.getMessage();
                failures.add(msg.length() > 6000 ? msg.substring(0, 6000) : msg);
            }
        }
        assertThat(failures).isEmpty();
    }
}
