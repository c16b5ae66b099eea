package dev.feedwright.cli;

/** The program's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(FeedwrightCommand.newCommandLine().execute(args));
    }
}
