package dev.feedwright.publish.validity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What a rule found over some documents: each problem names the file, line and element. It also
 * counts what was checked, so that a rule that looked at nothing fails instead of passing.
 */
final class Problems {

    private final List<String> found = new ArrayList<>();
    private int checked;

    /** Runs a rule over every document. */
    static Problems of(List<XmlDoc> docs, BiConsumer<XmlDoc, Problems> rule) {
        Problems problems = new Problems();
        docs.forEach(doc -> rule.accept(doc, problems));
        return problems;
    }

    void check(XmlDoc doc, XmlNode node, Optional<String> problem) {
        checked++;
        problem.ifPresent(p -> found.add(doc.at(node) + ": " + p));
    }

    void require(XmlDoc doc, XmlNode node, boolean ok, String problem) {
        check(doc, node, ok ? Optional.empty() : Optional.of(problem));
    }

    /** For rules over files that are not XML (JSON, HTML, OPML): {@code where} names the file and place. */
    void require(String where, boolean ok, String problem) {
        checked++;
        if (!ok) {
            found.add(where + ": " + problem);
        }
    }

    List<String> list() {
        return List.copyOf(found);
    }

    void assertNone() {
        assertThat(checked).as("values checked").isPositive();
        assertThat(found).isEmpty();
    }
}
