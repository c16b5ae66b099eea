package dev.feedwright.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

    @TempDir
    Path temp;

    @Test
    void createsTheStateFolderAndReplacesTheFileWhole() throws IOException {
        StatusFile status = new StatusFile(temp.resolve("state"));

        status.write("{\"state\": \"starting\"}\n");
        status.write("{\"state\": \"running\"}\n");

        assertThat(status.path()).isEqualTo(temp.resolve("state").resolve("status.json"));
        assertThat(Files.readString(status.path())).isEqualTo("{\"state\": \"running\"}\n");
        try (Stream<Path> files = Files.list(temp.resolve("state"))) {
            assertThat(files).containsExactly(status.path());
        }
    }
}
