package dev.feedwright.pipeline;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The corpus folder a run reads, which must be there before anything else is done. */
final class CorpusFolder {

    private CorpusFolder() {
    }

    /**
     * Fails naming the folder when it is missing; a relative one is named with the folder it was
     * taken from as well ({@code seeds (/srv/seeds)}), since a job run from another working
     * folder (cron's is the home folder) looks there.
     */
    static void require(Path corpus) throws NoSuchFileException {
        if (!Files.isDirectory(corpus)) {
            String name = corpus.isAbsolute() ? corpus.toString()
                    : corpus + " (" + corpus.toAbsolutePath().normalize() + ")";
            throw new NoSuchFileException(name, null, "the corpus folder does not exist");
        }
    }
}
