package dev.feedwright.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YouTubeThumbnailsTest {

    @ParameterizedTest
    @CsvSource({
        "https://youtube.com/watch?v=lJJ62w01bXM, lJJ62w01bXM",
        "https://www.youtube.com/watch?feature=share&v=-9SJzvKcBhQ&t=42, -9SJzvKcBhQ",
        "http://m.youtube.com/watch?v=0o5w_WhMEFk, 0o5w_WhMEFk",
        "https://WWW.YouTube.com/watch?v=0o5w_WhMEFk, 0o5w_WhMEFk",
        "https://youtu.be/AxJJmLUsPRU?t=10, AxJJmLUsPRU",
        "https://www.youtube.com/shorts/zAO4fXr_Rz4, zAO4fXr_Rz4",
        "https://www.youtube.com/live/yb7liR0g7vo?feature=share, yb7liR0g7vo",
        "https://www.youtube.com/embed/xj-fLnfs_Yg, xj-fLnfs_Yg",
        "https://www.youtube-nocookie.com/embed/xKnfRkaePPA?rel=0, xKnfRkaePPA",
    })
    void readsTheVideoIdOfEachFormOfYouTubeAddress(String address, String id) {
        assertThat(YouTubeThumbnails.videoId(address)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://www.youtube.com/c/lirik",
        "https://www.youtube.com/watch",
        "https://www.youtube.com/watch?v=",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=lJJ62w01bXMx",
        "https://www.youtube.com/watch?v=lJJ62w01b%3EM",
        "https://www.youtube.com/watch?vv=lJJ62w01bXM",
        "https://www.youtube.com/embed/",
        "https://youtu.be/",
        "https://youtube.com.example/watch?v=lJJ62w01bXM",
        "https://notyoutube.com/watch?v=lJJ62w01bXM",
        "https://example.com/embed/lJJ62w01bXM",
        "https://www.youtube.com/img/desktop/supported_browsers/dinosaur.png",
        "not a link",
    })
    void findsNoVideoInOtherAddresses(String address) {
        assertThat(YouTubeThumbnails.videoId(address)).isEmpty();
    }
}
