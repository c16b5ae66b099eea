package dev.feedwright.cli;

import dev.feedwright.config.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints {@code Feedwright 0.1.0} and the home page for {@code --version}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.load();
        return new String[] {build.name() + " " + build.version(), build.url(),
            "Java " + System.getProperty("java.version")};
    }
}
