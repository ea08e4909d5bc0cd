package org.usermodels.user.bulk;

import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The two file formats of imports and exports. */
enum ImportFormat {
    /** One JSON object per line, each as {@code POST /api/users} takes it. */
    NDJSON(
            "ndjson",
            MediaType.APPLICATION_NDJSON,
            List.of(MediaType.APPLICATION_NDJSON, MediaType.parseMediaType("application/ndjson"))),
    /** RFC 4180 CSV with a header row naming the columns ({@link CsvColumns}). */
    CSV("csv", MediaType.parseMediaType("text/csv"), List.of(MediaType.parseMediaType("text/csv")));

    static final String NDJSON_TYPES = "application/x-ndjson, application/ndjson";
    static final String CSV_TYPE = "text/csv";

    private final String code;
    private final MediaType mediaType;
    private final List<MediaType> accepted;

    ImportFormat(String code, MediaType mediaType, List<MediaType> accepted) {
        this.code = code;
        this.mediaType = mediaType;
        this.accepted = accepted;
    }

    /** The name in the API and in {@code user_imports.format}. */
    String code() {
        return code;
    }

    /** The media type exports are answered with, UTF-8. */
    MediaType mediaType() {
        return new MediaType(mediaType.getType(), mediaType.getSubtype(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Optional<ImportFormat> of(MediaType contentType) {
        for (var format : values()) {
            if (format.accepted.stream().anyMatch(type -> type.equalsTypeAndSubtype(contentType))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
