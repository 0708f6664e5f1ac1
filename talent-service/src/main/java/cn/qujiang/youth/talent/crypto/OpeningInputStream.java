package cn.qujiang.youth.talent.crypto;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decrypts a file sealed by {@link SealingOutputStream} as it is read, one segment at a time. A segment that was
 * altered, moved, or a file cut short fails with a {@link SecurityException} before any of its bytes are returned.
 */
public final class OpeningInputStream extends InputStream {
    private final InputStream source;
    private final SegmentedGcm gcm;
    private final byte[] sealed;
    private byte[] plain = new byte[0];
    private int position;
    private int index;
    private boolean finished;
    private int lookahead = -2;

    OpeningInputStream(InputStream source, SegmentedGcm gcm, int segmentSize) {
        this.source = source;
        this.gcm = gcm;
        this.sealed = new byte[segmentSize + SegmentedGcm.TAG_BYTES];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        while (position == plain.length) {
            if (finished) {
                return -1;
            }
            nextSegment();
        }
        int n = Math.min(length, plain.length - position);
        System.arraycopy(plain, position, bytes, offset, n);
        position += n;
        return n;
    }

    private void nextSegment() throws IOException {
        int filled = 0;
        if (lookahead >= 0) {
            sealed[filled++] = (byte) lookahead;
        }
        filled += source.readNBytes(sealed, filled, sealed.length - filled);
        lookahead = filled == sealed.length ? source.read() : -1;
        boolean last = lookahead < 0;
        if (filled < SegmentedGcm.TAG_BYTES) {
            throw new SecurityException("a sealed file ended inside a segment");
        }
        plain = gcm.open(sealed, filled, index++, last);
        position = 0;
        finished = last;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
