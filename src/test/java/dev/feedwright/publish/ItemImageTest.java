package dev.feedwright.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItemImageTest {

    @ParameterizedTest
    @CsvSource({
        "https://img.example/a.jpg,                 image/jpeg",
        "https://img.example/a.jpeg,                image/jpeg",
        "https://img.example/A.JPG,                 image/jpeg",
        "https://img.example/a.png,                 image/png",
        "https://img.example/a.gif,                 image/gif",
        "https://img.example/a.webp,                image/webp",
        "https://img.example/a.avif,                image/avif",
        "https://img.example/a.png?w=640&fmt=jpg,   image/png",
        "https://img.example/a.webp#large,          image/webp",
        "https://img.example/v1.2/a.b.gif?x=1#y,    image/gif",
    })
    void knowsTheTypeFromTheExtension(String url, String mediaType) {
        assertThat(ItemImage.mediaTypeOf(url)).isEqualTo(mediaType);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://img.example/a.svg", "https://img.example/a.bmp", "https://img.example/photo",
        "https://img.example/v1.2/photo", "https://img.example/img.php?f=a.jpg", "https://img.example/a.jpg.html",
        "https://img.example/", "https://img.example/a.",
    })
    void returnsNullForAnUnknownType(String url) {
        assertThat(ItemImage.mediaTypeOf(url)).isNull();
    }
}
