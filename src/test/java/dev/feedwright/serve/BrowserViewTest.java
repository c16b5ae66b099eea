package dev.feedwright.serve;

import static dev.feedwright.serve.Client.gunzip;
import static dev.feedwright.serve.Client.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A browser navigating to a feed gets it as generic XML, so that it applies feed.xsl; readers get the feed type. */
class BrowserViewTest {

    private static final String CHROME_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,"
            + "image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    private static final String FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<?xml-stylesheet type=\"text/xsl\" href=\"feed.xsl\"?>\n<rss version=\"2.0\"><channel>"
            + "<title>Every story</title>" + "<item><title>One</title></item>".repeat(40) + "</channel></rss>\n";

    @TempDir
    Path folder;

    private FeedServer server;
    private Client client;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(folder.resolve("all.xml"), FEED, UTF_8);
        Files.writeString(folder.resolve("all.atom"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", UTF_8);
        Files.writeString(folder.resolve("index.html"), "<!DOCTYPE html><title>Feeds</title>", UTF_8);
        server = new FeedServer(new ServeOptions(folder, "127.0.0.1", 0, Duration.ofMinutes(15)));
        server.start();
        client = new Client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givesABrowserTheFeedAsGenericXmlWithTheSameBytes() {
        HttpResponse<byte[]> response = client.get("/all.xml", "Accept", CHROME_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/xml;charset=utf-8");
        assertThat(new String(response.body(), UTF_8)).isEqualTo(FEED);
        assertThat(header(response, "Vary")).contains("Accept");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/rss+xml, application/rdf+xml;q=0.8, application/atom+xml;q=0.6, application/xml;q=0.4",
        "*/*",
        "text/html, application/rss+xml",
    })
    void givesAFeedReaderTheFeedType(String accept) {
        HttpResponse<byte[]> response = client.get("/all.xml", "Accept", accept);

        assertThat(header(response, "Content-Type")).isEqualTo("application/rss+xml;charset=utf-8");
        assertThat(header(response, "Vary")).contains("Accept");
    }

    @Test
    void keepsBothVariationsWhenCompressing() {
        HttpResponse<byte[]> response = client.get("/all.atom", "Accept", CHROME_ACCEPT, "Accept-Encoding", "gzip");

        assertThat(header(response, "Content-Type")).isEqualTo("application/xml;charset=utf-8");
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding, Accept");
        assertThat(new String(gunzip(client.get("/all.xml", "Accept", CHROME_ACCEPT, "Accept-Encoding", "gzip")
                .body()), UTF_8)).isEqualTo(FEED);
    }

    @Test
    void leavesPagesAlone() {
        HttpResponse<byte[]> response = client.get("/index.html", "Accept", CHROME_ACCEPT);

        assertThat(header(response, "Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
    }
}
