package dev.feedwright.corpus;

import java.util.List;

/** What reading one corpus file gave: a story, or the reason the file was skipped. */
public sealed interface ReadResult {

    /** The file, relative to the corpus folder. */
    String source();

    /** The file became a story; {@code warnings} lists what was dropped or repaired on the way. */
    record Read(Story story, List<Problem> warnings) implements ReadResult {

        public Read {
            warnings = List.copyOf(warnings);
        }

        @Override
        public String source() {
            return story.source();
        }
    }

    /** The file could not become a story. */
    record Skipped(Problem problem) implements ReadResult {

        @Override
        public String source() {
            return problem.source();
        }
    }
}
