package dev.feedwright.serve;

import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * Gzip as the server offers it, and the entity tag of the compressed variant. A {@code 304} must
 * carry the tag its {@code 200} would (RFC 9110, 15.4.5); Jetty's compression layer gives its
 * {@code 200} the tag with a {@code --gzip} suffix, but when the status is set to 304 it puts
 * there the request's {@code If-None-Match} as it came (a tag, {@code *}, or a list of tags),
 * or nothing after {@code If-Modified-Since}.
 */
final class GzipVariant {

    private final GzipCompression compression = new GzipCompression();
    // HEAD as well as GET (Jetty's default): a HEAD must get the headers its GET would, the gzip
    // variant's entity tag, Content-Encoding and Vary among them.
    private final CompressionConfig config = CompressionConfig.builder().defaults().compressIncludeMethod("HEAD")
            .build();

    /** Compresses the responses of {@code next} for the requests that accept gzip. */
    CompressionHandler handler(Handler next) {
        CompressionHandler handler = new CompressionHandler(next);
        handler.putCompression(compression);
        handler.putConfiguration("/", config);
        return handler;
    }

    /** Whether {@code request} takes gzip, named or as {@code *}, at a quality above 0: the handler compresses for both. */
    boolean accepted(Request request) {
        QuotedQualityCSV codings = new QuotedQualityCSV();
        request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING).forEach(codings::addValue);
        return codings.getValues().stream().anyMatch(coding -> coding.equalsIgnoreCase("gzip") || coding.equals("*"));
    }

    /**
     * The entity tag of {@code content}'s {@code 200} to a request that accepts gzip: the
     * compressed variant's, or the file's own when it is too small to compress or of a type
     * that is not compressed.
     */
    String tagWhenAccepted(HttpContent content) {
        String tag = content.getETagValue();
        String type = content.getContentTypeValue();
        boolean compressed = content.getContentLengthValue() >= compression.getMinCompressSize()
                && (type == null || config.isCompressMimeTypeSupported(MimeTypes.getContentTypeWithoutCharset(type)));
        return tag != null && compressed ? compression.etag(tag) : tag;
    }
}
