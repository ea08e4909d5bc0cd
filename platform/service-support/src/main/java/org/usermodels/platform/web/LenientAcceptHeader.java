package org.usermodels.platform.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Content negotiation by {@code Accept}, which disregards a header it cannot read (malformed, or a list of more
 * than 50 types) as if the client had sent none, which RFC 9110 allows. Spring's own strategy fails instead,
 * and fails again while it writes the error, so that the client gets a 4xx without a body; with this one every
 * answer, errors included, stays problem+json.
 */
public final class LenientAcceptHeader extends HeaderContentNegotiationStrategy {

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
        try {
            return super.resolveMediaTypes(request);
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            return MEDIA_TYPE_ALL_LIST;
        }
    }

    /**
     * The types a header asks for, by specificity, or none (any type) when it cannot be read, as
     * {@link #resolveMediaTypes} reads it, for controllers that negotiate themselves.
     */
    public static List<MediaType> read(String header) {
        try {
            var types = MediaType.parseMediaTypes(header);
            MimeTypeUtils.sortBySpecificity(types);
            return types;
        } catch (IllegalArgumentException unreadable) {
            return MEDIA_TYPE_ALL_LIST;
        }
    }
}
