package org.usermodels.user.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8 that refuses a file at the line where a malformed byte sequence stands ({@link FileRefused}).
 * The JDK's {@code InputStreamReader} would report the same bytes, but drops what it decoded before them in
 * the same read, so the line would be lost; this reader hands those characters over first, then refuses.
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private long newlines;
    private @Nullable FileRefused refusal;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining()) {
            fill();
        }
        if (!chars.hasRemaining()) {
            if (refusal != null) {
                throw refusal;
            }
            return -1;
        }
        var n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        for (var i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                newlines++;
            }
        }
        return n;
    }

    private void fill() throws IOException {
        if (refusal != null) {
            return;
        }
        chars.clear();
        while (true) {
            var result = decoder.decode(bytes, chars, endOfInput);
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(chars);
                    break;
                }
                if (chars.position() > 0) {
                    break;
                }
                bytes.compact();
                var read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            } else if (result.isOverflow()) {
                break;
            } else {
                var line = newlines + 1;
                for (var i = 0; i < chars.position(); i++) {
                    if (chars.get(i) == '\n') {
                        line++;
                    }
                }
                refusal = RowReader.notUtf8(line);
                break;
            }
        }
        chars.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
