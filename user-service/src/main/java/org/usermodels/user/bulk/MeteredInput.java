package org.usermodels.user.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload as it streams in: counted against the size limit (past it, {@link FileRefused} with 413, before
 * another byte is read) and digested with SHA-256, the fingerprint that tells a repeated upload from another
 * file under the same idempotency key.
 */
final class MeteredInput extends FilterInputStream {

    private final long maxBytes;
    private final MessageDigest digest;
    private long read;

    MeteredInput(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        var b = super.read();
        if (b >= 0) {
            count(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        var n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    /** Reads what is left, for its fingerprint only. */
    void drain() throws IOException {
        var buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // digested by read
        }
    }

    /** The SHA-256 of everything read so far, in hex. */
    String fingerprint() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(int n) {
        read += n;
        if (read > maxBytes) {
            throw FileRefused.tooManyBytes(maxBytes);
        }
    }
}
