package dev.feedwright.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeakTagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "W/\"a.b\"                 | \"a.b\"",
        "\"a\", W/\"b--gzip\"       | \"a\", \"b--gzip\"",
        "W/\"x W/\"\"              | \"x W/\"\"",
        "\"W/\"                    | \"W/\"",
        "*                         | *",
    })
    void takesTheWeakPrefixOffEachTagButNotOutOfQuotedText(String header, String expected) {
        assertThat(WeakTags.strong(header)).isEqualTo(expected);
    }
}
