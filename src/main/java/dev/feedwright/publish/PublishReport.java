package dev.feedwright.publish;

import java.util.List;

/**
 * What publishing did to the output folder.
 *
 * @param feeds          feeds in this export
 * @param feedsWritten   feeds with at least one file rewritten
 * @param feedsUnchanged feeds whose files all kept their bytes
 * @param feedsDeleted   feeds of earlier exports that are gone and whose files were deleted
 * @param filesWritten   files (feeds in every format, OPML, index page) rewritten
 * @param deletedFiles   the files deleted
 */
public record PublishReport(
        int feeds, int feedsWritten, int feedsUnchanged, int feedsDeleted, int filesWritten,
        List<String> deletedFiles) {

    public PublishReport {
        deletedFiles = List.copyOf(deletedFiles);
    }
}
