package dev.feedwright.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/.feedwright-files", "/.feedwright.lock", "/topics/.ai.xml.123-4.fw-tmp", "/.git/config",
        "/a/./b", "/..", "/topics\\..\\x", "/a\\b.xml",
        "/\\secret.txt", "/topics/\\ai.xml"})
    void hidesAPathWithAHiddenSegmentOrABackslash(String path) {
        assertThat(PathGuard.isHidden(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/all.xml", "/topics/ai.xml", "/providers/news.example.org.atom", "/index.html",
        "/a.b/c..d.xml"})
    void letsAnOrdinaryPathThrough(String path) {
        assertThat(PathGuard.isHidden(path)).isFalse();
    }
}
