package dev.feedwright.publish.rome;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import dev.feedwright.publish.ItemImage;
import java.net.URI;

/** The Media RSS elements for an item's image: {@code media:content} and {@code media:thumbnail}. */
final class MediaRss {

    private MediaRss() {
    }

    static MediaEntryModuleImpl of(ItemImage image) {
        URI uri = URI.create(image.url());
        Integer width = image.width() > 0 ? image.width() : null;
        Integer height = image.height() > 0 ? image.height() : null;
        MediaContent content = new MediaContent(new UrlReference(uri));
        content.setMedium("image");
        content.setType(image.mediaType());
        content.setWidth(width);
        content.setHeight(height);
        Metadata metadata = new Metadata();
        metadata.setThumbnail(new Thumbnail[] {new Thumbnail(uri, width, height)});
        MediaEntryModuleImpl module = new MediaEntryModuleImpl();
        module.setMediaContents(new MediaContent[] {content});
        module.setMetadata(metadata);
        return module;
    }
}
