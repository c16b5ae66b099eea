package dev.feedwright.cli;

import dev.feedwright.corpus.CorpusGenerator;
import dev.feedwright.pipeline.IoFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedwright generate-corpus}: a synthetic corpus of the real shape, for benchmarks. */
@Command(name = "generate-corpus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Write a synthetic corpus in the real format and with the real corpora's shape, for benchmarks.")
final class GenerateCorpusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--articles", required = true, paramLabel = "N", description = "Story files to write.")
    private int articles;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write them into: a new or empty one, so that synthetic articles never mix"
                    + " with real ones.")
    private Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Random seed: the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (articles < 1) {
            Failures.print(spec.commandLine().getErr(), "--articles must be at least 1, was " + articles);
            return ExitCodes.USAGE;
        }
        try {
            if (holdsFiles(out)) {
                Failures.print(spec.commandLine().getErr(), "--out " + out + " is not empty: generate-corpus writes"
                        + " only into a new or empty folder, so that its synthetic articles never mix with real ones");
                return ExitCodes.USAGE;
            }
            long started = System.nanoTime();
            int written = new CorpusGenerator(seed).write(out, articles);
            spec.commandLine().getOut().printf("generate-corpus: %d files written to %s in %.1f s%n", written, out,
                    (System.nanoTime() - started) / 1e9);
            return ExitCodes.OK;
        } catch (IOException e) {
            Failures.print(spec.commandLine().getErr(), "generate-corpus failed: " + IoFailures.describe(e));
            return ExitCodes.FATAL;
        }
    }

    private static boolean holdsFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        }
    }
}
