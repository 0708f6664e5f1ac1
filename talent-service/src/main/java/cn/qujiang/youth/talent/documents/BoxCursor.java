package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.documents.DocumentRefusal.Reason;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads over {@code data[position, limit)} of an ISO base media box. A read past the limit, a 64-bit
 * number that does not fit a long, or a string without its terminator is a refusal of the file: a hostile or damaged
 * structure never becomes an exception (500) or a read outside the box.
 */
final class BoxCursor {
    private final byte[] data;
    private final int limit;
    private int position;

    BoxCursor(byte[] data, int position, int limit) {
        if (position < 0 || limit > data.length || position > limit) {
            throw unsafe();
        }
        this.data = data;
        this.position = position;
        this.limit = limit;
    }

    byte[] data() {
        return data;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    /** A box's size (0 = up to the end of its container), type and header length. */
    record Header(long size, String type, int length) {
    }

    /** A box header: 32-bit size and type, and the 64-bit size that follows when the 32-bit one says 1. */
    Header header() {
        long size = u32();
        String type = fourcc();
        return size == 1 ? new Header(uint(8), type, 16) : new Header(size, type, 8);
    }

    /** Moves forward to {@code target} (the end of a child box), never backward or past the limit. */
    void skipTo(int target) {
        if (target < position || target > limit) {
            throw unsafe();
        }
        position = target;
    }

    int u8() {
        need(1);
        return data[position++] & 0xff;
    }

    int u16() {
        return u8() << 8 | u8();
    }

    long u32() {
        return (long) u16() << 16 | u16();
    }

    /** An unsigned number of 0, 4 or 8 bytes (iloc's field sizes). */
    long uint(int bytes) {
        return switch (bytes) {
            case 0 -> 0;
            case 4 -> u32();
            case 8 -> {
                long value = u32() << 32 | u32();
                if (value < 0) {
                    throw unsafe();
                }
                yield value;
            }
            default -> throw unsafe();
        };
    }

    String fourcc() {
        need(4);
        String code = new String(data, position, 4, StandardCharsets.ISO_8859_1);
        position += 4;
        return code;
    }

    /** A NUL-terminated UTF-8 string; at the end of the box a missing terminator is tolerated (some writers omit it). */
    String string() {
        int end = position;
        while (end < limit && data[end] != 0) {
            end++;
        }
        String text = new String(data, position, end - position, StandardCharsets.UTF_8);
        position = Math.min(limit, end + 1);
        return text;
    }

    /** Refuses {@code count} entries of at least {@code minBytes} each that cannot fit what is left (huge counts). */
    void expect(long count, int minBytes) {
        if (count < 0 || count > remaining() / Math.max(1, minBytes)) {
            throw unsafe();
        }
    }

    private void need(int bytes) {
        if (bytes > limit - position) {
            throw unsafe();
        }
    }

    static DocumentRefusal unsafe() {
        return new DocumentRefusal(Reason.DOCUMENT_HEIC_UNSUPPORTED);
    }
}
