package dev.feedwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.rss.Item;
import dev.feedwright.testing.Feeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A YouTube video as the real corpus lists them (its link under {@code originalUrl}, YouTube's
 * "browser not supported" dinosaur as its only image) and an article whose first image is Yahoo's
 * logo, exported with the real command: the feeds show the video's own thumbnail and the
 * article's second image; with {@code feeds.skipImages: []} they show the first images again.
 */
class PlaceholderImagesTest {

    private static final String DINOSAUR = "https://www.youtube.com/img/desktop/supported_browsers/dinosaur.png";
    private static final String THUMBNAIL = "https://i.ytimg.com/vi/lJJ62w01bXM/hqdefault.jpg";
    private static final String YAHOO_LOGO = "https://s.yimg.com/cv/apiv2/social/images/yahoo_default_logo.png";
    private static final String PHOTO = "https://news.example/photo.jpg";

    @TempDir
    Path temp;

    @Test
    void showsTheVideosOwnThumbnailAndTheNextImageInPlaceOfPlaceholders() throws IOException {
        Path feeds = export(null);

        assertThat(rssImages(feeds)).containsExactly(THUMBNAIL, PHOTO);
        assertThat(jsonImages(feeds)).containsExactly(THUMBNAIL, PHOTO);
        assertThat(Files.readString(feeds.resolve("all.xml"))).doesNotContain("dinosaur", "yahoo_default_logo")
                .contains("<media:thumbnail url=\"" + THUMBNAIL + "\" width=\"480\" height=\"360\" />");
    }

    @Test
    void anEmptySkipListShowsEveryFirstImageAndRendersTheFeedsAgain() throws IOException {
        export(null);

        Path feeds = export("feeds:\n  skipImages: []\n");

        assertThat(rssImages(feeds)).containsExactly(DINOSAUR, YAHOO_LOGO);
        assertThat(jsonImages(feeds)).containsExactly(DINOSAUR, YAHOO_LOGO);
    }

    /** Exports the two-story corpus with the given settings (none: the defaults) and returns the output folder. */
    private Path export(String settings) throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("video.md"), """
                ---
                title: "Diablo 4 Rogue Announcement Trailer Reaction"
                excerpt: "Our reaction to the rogue trailer."
                publishedDateTime: 2023-01-02T16:00:30Z
                originalUrl: "https://youtube.com/watch?v=lJJ62w01bXM"
                type: video
                featuredContent: "<iframe src=\\"https://www.youtube.com/embed/lJJ62w01bXM\\"></iframe>"
                provider:
                  name: Don Mowatt
                  domain: youtube.com
                topics:
                  - Diablo 4
                images:
                  - url: "%s"
                    width: 1200
                    height: 800
                ---
                """.formatted(DINOSAUR));
        Files.writeString(corpus.resolve("article.md"), """
                ---
                title: "Diablo 4 patch notes"
                publishedDateTime: 2023-01-01T10:00:00Z
                webUrl: "https://news.example/diablo-4-patch"
                provider:
                  name: News
                  domain: news.example
                topics:
                  - Diablo 4
                images:
                  - url: "%s"
                  - url: "%s"
                    width: 1024
                    height: 576
                ---
                """.formatted(YAHOO_LOGO, PHOTO));
        Path config = temp.resolve("settings.yaml");
        Files.writeString(config, settings == null ? "site:\n  title: Test\n" : settings);
        Path feeds = temp.resolve("feeds");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FeedwrightCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute("export", "--config", config.toString(), "--corpus", corpus.toString(),
                "--out", feeds.toString(), "--state", temp.resolve("state").toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 stories").doesNotContain("0 written");
        return feeds;
    }

    private static List<String> rssImages(Path feeds) {
        return Feeds.rss(feeds.resolve("all.xml")).getItems().stream()
                .map(PlaceholderImagesTest::thumbnail).toList();
    }

    private static String thumbnail(Item item) {
        MediaEntryModule media = (MediaEntryModule) item.getModule(MediaModule.URI);
        return media.getMetadata().getThumbnail()[0].getUrl().toString();
    }

    private static List<String> jsonImages(Path feeds) throws IOException {
        JsonNode feed = JsonMapper.builder().build().readTree(Files.readString(feeds.resolve("all.json")));
        return feed.path("items").valueStream().map(item -> item.path("image").asString()).toList();
    }
}
