package dev.feedwright.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headers of a response and its bytes come from the same version of a file, whatever an
 * export renames over it in between: the moments are set here one by one, which a server under
 * load only hits by chance.
 */
class RenameSafeContentFactoryTest {

    private static final String OLD = "<rss>" + "old ".repeat(40_000) + "</rss>";
    private static final String NEW = "<rss>" + "new, and longer ".repeat(40_000) + "</rss>";

    @TempDir
    Path folder;

    private RenameSafeContentFactory factory;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(folder.resolve("all.xml"), OLD, UTF_8);
        ByteBufferPool.Sized buffers = ByteBufferPool.SIZED_NON_POOLING;
        factory = new RenameSafeContentFactory(new ResourceHttpContentFactory(
                ResourceFactory.root().newResource(folder), new MimeTypes(), buffers), buffers);
    }

    @Test
    void sendsTheBytesItsHeadersDescribe() throws Exception {
        HttpContent content = factory.getContent("/all.xml");

        byte[] body = send(content, null).get(5, TimeUnit.SECONDS);

        assertThat(new String(body, UTF_8)).isEqualTo(OLD);
        assertThat(content.getContentLengthValue()).isEqualTo(body.length);
        assertThat(content.getETagValue()).isEqualTo(content.getETag().getValue()).startsWith("\"").endsWith("\"");
    }

    @Test
    void failsRatherThanSendAVersionItsHeadersDoNotDescribe() throws Exception {
        HttpContent content = factory.getContent("/all.xml");
        replace("all.xml", NEW);

        CompletableFuture<byte[]> sent = send(content, null);

        assertThat(sent).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IOException.class).withMessageContaining("was replaced while it was being sent");
        assertThat(factory.getContent("/all.xml").getContentLengthValue()).isEqualTo(NEW.length());
        assertThat(factory.getContent("/all.xml").getETagValue()).isNotEqualTo(content.getETagValue());
    }

    @Test
    void sendsTheVersionItOpenedWhenTheFileIsReplacedBeforeTheBodyStarts() throws Exception {
        RenameSafeContent content = (RenameSafeContent) factory.getContent("/all.xml");
        content.open();
        replace("all.xml", NEW);

        byte[] body = send(content, null).get(5, TimeUnit.SECONDS);

        assertThat(new String(body, UTF_8)).isEqualTo(OLD);
        assertThat(content.getContentLengthValue()).isEqualTo(OLD.length());
    }

    @Test
    void finishesTheVersionItStartedWhenTheFileIsReplacedMidway() throws Exception {
        HttpContent content = factory.getContent("/all.xml");

        byte[] body = send(content, () -> replace("all.xml", NEW)).get(5, TimeUnit.SECONDS);

        assertThat(new String(body, UTF_8)).isEqualTo(OLD);
        assertThat(Files.readString(folder.resolve("all.xml"), UTF_8)).isEqualTo(NEW);
    }

    @Test
    void findsTheTopFolderButNoOtherFolder() throws IOException {
        Files.createDirectories(folder.resolve("topics"));

        assertThat(factory.getContent("/")).isNotNull();
        assertThat(factory.getContent("/topics")).isNull();
        assertThat(factory.getContent("/topics/")).isNull();
        assertThat(factory.getContent("/missing.xml")).isNull();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "creates a symbolic link")
    void findsNothingThroughASymbolicLink() throws IOException {
        Files.createSymbolicLink(folder.resolve("link.xml"), folder.resolve("all.xml"));

        assertThat(factory.getContent("/link.xml")).isNull();
    }

    private void replace(String path, String text) {
        try {
            Path temp = Files.writeString(folder.resolve("." + path + ".fw-tmp"), text, UTF_8);
            Files.move(temp, folder.resolve(path), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes the content into memory; {@code afterFirstChunk} runs once the first bytes arrived. */
    private static CompletableFuture<byte[]> send(HttpContent content, Runnable afterFirstChunk) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Content.Sink sink = new Content.Sink() {
            private boolean first = true;

            @Override
            public void write(boolean last, ByteBuffer byteBuffer, Callback callback) {
                byte[] chunk = new byte[byteBuffer.remaining()];
                byteBuffer.get(chunk);
                body.write(chunk, 0, chunk.length);
                if (first && afterFirstChunk != null && chunk.length > 0) {
                    first = false;
                    afterFirstChunk.run();
                }
                callback.succeeded();
            }
        };
        content.writeTo(sink, 0, -1, Callback.from(done));
        return done.thenApply(v -> body.toByteArray());
    }
}
