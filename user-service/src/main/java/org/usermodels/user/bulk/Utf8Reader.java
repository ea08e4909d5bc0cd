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
 * Strict UTF-8 that refuses a file at the line where a malformed byte sequence stands ({@link FileRefused}),
 * and drops a byte order mark at the start.
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
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private boolean endOfInput;
    private boolean drained;
    private boolean started;
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
        if (!decoded()) {
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

    /** One character, without the array {@link Reader#read()} would make for it (NDJSON reads a line so). */
    @Override
    public int read() throws IOException {
        if (!decoded()) {
            return -1;
        }
        var c = chars.get();
        if (c == '\n') {
            newlines++;
        }
        return c;
    }

    /** Decodes until a character is there; answers false at the end of the input. */
    private boolean decoded() throws IOException {
        while (!chars.hasRemaining()) {
            if (refusal != null) {
                throw refusal;
            }
            if (drained) {
                return false;
            }
            fill();
        }
        return true;
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
                    drained = true;
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
        if (!started && chars.hasRemaining()) {
            started = true;
            // a byte order mark (spreadsheets write one before "CSV UTF-8") is not part of the first row
            if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                chars.get();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
