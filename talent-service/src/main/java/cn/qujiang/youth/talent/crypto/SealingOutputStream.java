package cn.qujiang.youth.talent.crypto;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encrypts what is written to it segment by segment into the sink. A segment is only sealed once the next byte
 * arrives or the stream is closed, because the last one is sealed differently. Closing closes the sink.
 */
public final class SealingOutputStream extends OutputStream {
    private final OutputStream sink;
    private final SegmentedGcm gcm;
    private final FileSeal seal;
    private final byte[] segment;
    private int filled;
    private int index;
    private long plainBytes;
    private boolean closed;

    SealingOutputStream(OutputStream sink, SegmentedGcm gcm, FileSeal seal) {
        this.sink = sink;
        this.gcm = gcm;
        this.seal = seal;
        this.segment = new byte[seal.segmentSize()];
    }

    /** What the reader needs besides the key: store it with the file. */
    public FileSeal seal() {
        return seal;
    }

    /** Plain bytes written so far. */
    public long plainBytes() {
        return plainBytes;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == segment.length) {
                sink.write(gcm.seal(segment, filled, index++, false));
                filled = 0;
            }
            int n = Math.min(length, segment.length - filled);
            System.arraycopy(bytes, offset, segment, filled, n);
            filled += n;
            offset += n;
            length -= n;
            plainBytes += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (sink) {
            sink.write(gcm.seal(segment, filled, index, true));
        }
    }
}
