package dev.feedwright.publish.validity;

import static dev.feedwright.publish.validity.Parse.ATOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.FeedwrightConfig;
import dev.feedwright.publish.validity.Parse.XmlDoc;
import dev.feedwright.publish.validity.Parse.XmlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The W3C Feed Validation Service's date rules, over every RSS and Atom file of every export. */
class DateRulesTest {

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    /** W3C: InvalidRFC2822Date, ProblematicalRFC822Date, IncorrectDOW, ImplausibleDate (RSS pubDate, lastBuildDate) */
    @EveryExport
    void rssDatesAreInTheExactRfc822FormWithTheRightWeekday(Export export) {
        Problems.of(export.rss(), DateRulesTest::rssDates).assertNone();
    }

    static void rssDates(XmlDoc feed, Problems problems) {
        Instant now = Instant.now();
        for (XmlNode date : rssDateElements(feed).toList()) {
            problems.check(feed, date, W3cValues.rfc822(date.text(), now));
        }
        for (XmlNode item : feed.items()) {
            problems.require(feed, item, item.children("", "pubDate").size() == 1, "every item has one pubDate");
        }
        boolean built = !feed.channel().children("", "lastBuildDate").isEmpty();
        problems.require(feed, feed.channel(), built != feed.items().isEmpty(), "a feed with items has a lastBuildDate");
    }

    private static Stream<XmlNode> rssDateElements(XmlDoc feed) {
        return feed.channel().descendants().filter(n -> n.is("", "pubDate") || n.is("", "lastBuildDate"));
    }

    /** W3C: InvalidRFC3339Date, UnexpectedWhitespace, ImplausibleDate, MissingElement (updated) */
    @EveryExport
    void atomDatesAreRfc3339WithUpperCaseTAndZ(Export export) {
        Problems.of(export.atom(), DateRulesTest::atomDates).assertNone();
    }

    static void atomDates(XmlDoc feed, Problems problems) {
        Instant now = Instant.now();
        problems.require(feed, feed.root(), feed.root().children(ATOM, "updated").size() == 1, "MissingElement: updated");
        for (XmlNode entry : feed.items()) {
            problems.require(feed, entry, entry.children(ATOM, "updated").size() == 1, "MissingElement: updated");
        }
        for (XmlNode date : atomDateElements(feed).toList()) {
            problems.check(feed, date, W3cValues.rfc3339(date.text(), now));
            problems.require(feed, date, date.text().endsWith("Z"), "dates are written in UTC");
        }
    }

    private static Stream<XmlNode> atomDateElements(XmlDoc feed) {
        return feed.root().descendants().filter(n -> n.is(ATOM, "updated") || n.is(ATOM, "published"));
    }

    /** W3C: DuplicateUpdated */
    @EveryExport
    void atomUpdatedIsUniqueAmongTheEntriesOfAFeed(Export export) {
        Problems.of(export.atom(), DateRulesTest::uniqueUpdated).assertNone();
    }

    static void uniqueUpdated(XmlDoc feed, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (XmlNode entry : feed.items()) {
            for (XmlNode updated : entry.children(ATOM, "updated")) {
                problems.require(feed, updated, seen.add(updated.text()), "DuplicateUpdated: " + updated.text());
            }
        }
    }

    /**
     * W3C: ImplausibleDate. The validator allows ten minutes in the future for RSS and a day for
     * Atom; we allow none, since an export never dates anything after its own run.
     */
    @EveryExport
    void noDateIsInTheFutureOrBefore1990(Export export) {
        Instant now = Instant.now();
        Problems problems = new Problems();
        for (XmlDoc feed : export.rss()) {
            rssDateElements(feed).forEach(date -> problems.require(feed, date,
                    plausible(ZonedDateTime.parse(date.text(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), now),
                    "ImplausibleDate: " + date.text()));
        }
        for (XmlDoc feed : export.atom()) {
            atomDateElements(feed).forEach(date -> problems.require(feed, date,
                    plausible(OffsetDateTime.parse(date.text()).toInstant(), now), "ImplausibleDate: " + date.text()));
        }
        problems.assertNone();
    }

    private static boolean plausible(Instant date, Instant now) {
        return !date.isBefore(EARLIEST) && !date.isAfter(now);
    }

    /** Regression, W3C: ImplausibleDate: an export without stories dated its Atom feed 1970-01-01. */
    @Test
    void anExportWithoutStoriesDatesItsFeedsPlausibly(@TempDir Path temp) throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Export empty = Export.run("empty corpus", temp, FeedwrightConfig.defaults().withCorpusDir(corpus));

        assertThat(empty.atom()).singleElement().satisfies(feed -> assertThat(feed.items()).isEmpty());
        Problems.of(empty.rss(), DateRulesTest::rssDates).assertNone();
        Problems.of(empty.atom(), DateRulesTest::atomDates).assertNone();
    }

    @Test
    void rssDateRuleReportsAWrongWeekdayAZoneNamedUtcAndADateBefore1990() {
        XmlDoc feed = Snippets.rss("<lastBuildDate>Mon, 04 Jan 2022 13:07:00 GMT</lastBuildDate>",
                "<item><title>t</title><pubDate>Tue, 04 Jan 2022 13:07:00 UTC</pubDate></item>"
                        + "<item><title>u</title><pubDate>Fri, 29 Dec 1989 10:00:00 +0000</pubDate></item>");
        assertThat(Problems.of(List.of(feed), DateRulesTest::rssDates).list())
                .anyMatch(p -> p.contains("IncorrectDOW")).anyMatch(p -> p.contains("InvalidRFC2822Date"))
                .anyMatch(p -> p.contains("ImplausibleDate"));
    }

    @Test
    void atomDateRuleReportsALowerCaseTAMissingSecondAndAnOffset() {
        XmlDoc feed = Snippets.atom("<updated>2022-01-04t13:07:00Z</updated>",
                "<entry><updated>2022-01-04T13:07Z</updated><published>2022-01-04T14:07:00+01:00</published></entry>");
        assertThat(Problems.of(List.of(feed), DateRulesTest::atomDates).list())
                .anyMatch(p -> p.contains("<updated>: InvalidRFC3339Date: '2022-01-04t13:07:00Z'"))
                .anyMatch(p -> p.contains("InvalidRFC3339Date: '2022-01-04T13:07Z'"))
                .anyMatch(p -> p.contains("<published>: dates are written in UTC"));
    }

    @Test
    void uniqueUpdatedRuleReportsTwoEntriesWithOneDate() {
        String entry = "<entry><updated>2022-01-04T13:07:00Z</updated></entry>";
        assertThat(Problems.of(List.of(Snippets.atom("", entry + entry)), DateRulesTest::uniqueUpdated).list())
                .singleElement().asString().contains("DuplicateUpdated");
    }
}
