package dev.feedwright.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedwright.config.BuildInfo;
import dev.feedwright.config.LivenessConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UserAgentTest {

    private static final BuildInfo BUILD = new BuildInfo("Feedwright", "1.2.3", "https://github.com/feedwright/feedwright");

    @Test
    void namesFeedwrightItsVersionAndTheProjectPage() {
        assertThat(LinkChecker.userAgent(LivenessConfig.defaults(), BUILD))
                .isEqualTo("Feedwright/1.2.3 (+https://github.com/feedwright/feedwright)");
    }

    @Test
    void theConfigurationCanNameAnotherContactAddress() {
        LivenessConfig config = LivenessConfig.builder().contactUrl(URI.create("https://wire.example.org/bot")).build();

        assertThat(LinkChecker.userAgent(config, BUILD)).isEqualTo("Feedwright/1.2.3 (+https://wire.example.org/bot)");
    }
}
