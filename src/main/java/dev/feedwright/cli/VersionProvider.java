package dev.feedwright.cli;

import dev.feedwright.config.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * Prints {@code Feedwright 0.1.0 (code 1a2b…)}, the home page and the Java for {@code --version}: the
 * code's identity tells apart two builds of one version, as a bug report needs.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.load();
        return new String[] {build.name() + " " + build.label(), build.url(),
            "Java " + System.getProperty("java.version")};
    }
}
