package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.liveness.LinkCheckReport.GivenUpHost;
import dev.feedwright.state.LinkStore.HostTally;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lines {@code check-links} and the daemon print for a run: what an operator reads. */
class LinkCheckReportTest {

    private static LinkCheckReport report(long notChecked, List<HostTally> worst, List<GivenUpHost> givenUp,
            int hostGiveUp, String networkDown) {
        return new LinkCheckReport(120, 60, 50, 10, 20, 3, 4, 5, 6, notChecked, worst, givenUp, hostGiveUp,
                networkDown, Duration.ofMillis(2_345));
    }

    @Test
    void countsEveryCheckThatEndedAndSaysNothingMoreWhenAllWentWell() {
        LinkCheckReport report = report(0, List.of(), List.of(), 3, null);

        assertThat(report.checked()).isEqualTo(20 + 3 + 4 + 5 + 6);
        assertThat(report.networkLooksDown()).isFalse();
        assertThat(report.lines()).containsExactly(
                "120 links: 60 due, 50 skipped as cached, 10 excluded; 2.35 s",
                "38 checked: 20 alive, 3 moved, 4 dead, 5 unknown, 6 refused; 0 not checked");
    }

    @Test
    void namesTheWorstHostsWithTheirRefusedLinksOnlyWhenThereAreAny() {
        LinkCheckReport report = report(2, List.of(new HostTally("a.example", 3, 1, 2, 9),
                new HostTally("b.example", 1, 0, 0, 4)), List.of(), 3, null);

        assertThat(report.lines()).containsExactly(
                "120 links: 60 due, 50 skipped as cached, 10 excluded; 2.35 s",
                "38 checked: 20 alive, 3 moved, 4 dead, 5 unknown, 6 refused; 2 not checked (left unknown)",
                "worst hosts: a.example (3 dead, 1 unknown, 2 refused of 9), b.example (1 dead, 0 unknown of 4)");
    }

    @Test
    void saysWhichHostsItGaveUpInTheSingular() {
        LinkCheckReport report = report(1, List.of(), List.of(new GivenUpHost("silent.example", 1)), 1, null);

        assertThat(report.lines()).last().isEqualTo(
                "gave up on 1 host after 1 link in a row got no answer: silent.example (1 link not checked)");
    }

    @Test
    void namesFiveGivenUpHostsAndCountsTheRest() {
        List<GivenUpHost> hosts = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new GivenUpHost("h" + i + ".example", 10 - i)).toList();

        LinkCheckReport report = report(42, List.of(), hosts, 3, null);

        assertThat(report.lines()).last().isEqualTo("gave up on 7 hosts after 3 links in a row got no answer:"
                + " h1.example (9 links not checked), h2.example (8 links not checked), h3.example (7 links not"
                + " checked), h4.example (6 links not checked), h5.example (5 links not checked), and 2 more");
        assertThat(report(42, List.of(), hosts.subList(0, 5), 3, null).lines()).last().asString()
                .startsWith("gave up on 5 hosts").endsWith("h5.example (5 links not checked)");
    }

    @Test
    void endsWithWhyItStoppedBelievingTheNetwork() {
        LinkCheckReport report = report(30, List.of(), List.of(new GivenUpHost("silent.example", 5)), 3,
                "network looks down: 10 of the first 10 checks failed to connect");

        assertThat(report.networkLooksDown()).isTrue();
        assertThat(report.lines()).hasSize(4).last()
                .isEqualTo("network looks down: 10 of the first 10 checks failed to connect");
    }
}
