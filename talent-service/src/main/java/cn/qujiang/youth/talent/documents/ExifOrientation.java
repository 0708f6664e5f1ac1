package cn.qujiang.youth.talent.documents;

import java.awt.geom.AffineTransform;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation (TIFF tag 0x0112) of a photo: how a viewer turns the stored pixels to show them upright.
 * Read from the TIFF structure inside a JPEG's APP1 segment or a HEIF {@code Exif} item, with every offset checked
 * against the bytes at hand (a damaged or hostile structure reads as {@link #NORMAL}, never as an exception).
 */
enum ExifOrientation {
    NORMAL, MIRROR_HORIZONTAL, ROTATE_180, MIRROR_VERTICAL, TRANSPOSE, ROTATE_90_CW, TRANSVERSE, ROTATE_90_CCW;

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int MAX_IFD_ENTRIES = 1024;
    private static final int MAX_JPEG_SEGMENTS = 64;
    static final int MINIMAL_TIFF_BYTES = 8 + 2 + 12 + 4;

    /** The TIFF value, 1 to 8. */
    int value() {
        return ordinal() + 1;
    }

    /** Whether the picture is shown with width and height exchanged. */
    boolean swapsSides() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    /**
     * Maps the stored pixels of a {@code width} × {@code height} image onto the upright picture (EXIF 2.32, tag
     * 0x0112: 6 = the stored top row is the right-hand side, so the picture is turned 90° clockwise to be shown).
     */
    AffineTransform upright(int width, int height) {
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case MIRROR_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case MIRROR_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, height);
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, height, 0);
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, height, width);
            case ROTATE_90_CCW -> new AffineTransform(0, -1, 1, 0, 0, width);
        };
    }

    /**
     * The orientation a JPEG's EXIF segment states: the markers before the image data are walked (at most
     * {@code MAX_JPEG_SEGMENTS}) up to the first APP1 segment that holds EXIF.
     */
    static ExifOrientation ofJpeg(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return NORMAL;
            }
            for (int segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return NORMAL;
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return NORMAL;
                }
                if (marker == 0xFFE1) {
                    ExifOrientation orientation = ofApp1(in.readNBytes(length));
                    if (orientation != NORMAL) {
                        return orientation;
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
            return NORMAL;
        } catch (EOFException e) {
            return NORMAL;
        }
    }

    /** The orientation of a JPEG APP1 payload ({@code Exif\0\0} and a TIFF structure); NORMAL if it is not one. */
    static ExifOrientation ofApp1(byte[] app1) {
        if (app1 == null || app1.length < 6 || app1[0] != 'E' || app1[1] != 'x' || app1[2] != 'i' || app1[3] != 'f'
                || app1[4] != 0 || app1[5] != 0) {
            return NORMAL;
        }
        return ofTiff(app1, 6, app1.length);
    }

    /** The orientation in IFD0 of the TIFF structure in {@code data[start, end)}; NORMAL when absent or unreadable. */
    static ExifOrientation ofTiff(byte[] data, int start, int end) {
        if (start < 0 || end > data.length || end - start < 8) {
            return NORMAL;
        }
        Boolean bigEndian = byteOrder(data, start);
        if (bigEndian == null) {
            return NORMAL;
        }
        long ifd = u32(data, start + 4, bigEndian);
        if (ifd < 8 || ifd > end - start - 2) {
            return NORMAL;
        }
        int at = start + (int) ifd;
        int entries = u16(data, at, bigEndian);
        if (entries > MAX_IFD_ENTRIES) {
            return NORMAL;
        }
        for (int i = 0; i < entries; i++) {
            int entry = at + 2 + i * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(data, entry, bigEndian) == TAG_ORIENTATION) {
                int value = u16(data, entry + 8, bigEndian);
                return u16(data, entry + 2, bigEndian) == TYPE_SHORT && value >= 1 && value <= 8
                        ? values()[value - 1] : NORMAL;
            }
        }
        return NORMAL;
    }

    /**
     * A TIFF structure of {@link #MINIMAL_TIFF_BYTES} bytes in the given byte order whose IFD0 holds this orientation
     * alone (or nothing for NORMAL): what is left of an EXIF block once everything else (location, camera, times) is
     * gone.
     */
    byte[] minimalTiff(boolean bigEndian) {
        byte[] tiff = new byte[MINIMAL_TIFF_BYTES];
        tiff[0] = tiff[1] = (byte) (bigEndian ? 'M' : 'I');
        put16(tiff, 2, 42, bigEndian);
        put32(tiff, 4, 8, bigEndian);
        if (this != NORMAL) {
            put16(tiff, 8, 1, bigEndian);
            put16(tiff, 10, TAG_ORIENTATION, bigEndian);
            put16(tiff, 12, TYPE_SHORT, bigEndian);
            put32(tiff, 14, 1, bigEndian);
            put16(tiff, 18, value(), bigEndian);
        }
        return tiff;
    }

    /** true for "MM", false for "II", null for neither (with the TIFF magic 42 after it). */
    static Boolean byteOrder(byte[] data, int start) {
        if (start + 4 > data.length) {
            return null;
        }
        Boolean bigEndian = data[start] == 'M' && data[start + 1] == 'M' ? Boolean.TRUE
                : data[start] == 'I' && data[start + 1] == 'I' ? Boolean.FALSE : null;
        return bigEndian != null && u16(data, start + 2, bigEndian) == 42 ? bigEndian : null;
    }

    private static int u16(byte[] data, int at, boolean bigEndian) {
        int a = data[at] & 0xff;
        int b = data[at + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    private static long u32(byte[] data, int at, boolean bigEndian) {
        long high = u16(data, bigEndian ? at : at + 2, bigEndian);
        long low = u16(data, bigEndian ? at + 2 : at, bigEndian);
        return high << 16 | low;
    }

    private static void put16(byte[] data, int at, int value, boolean bigEndian) {
        data[at + (bigEndian ? 0 : 1)] = (byte) (value >> 8);
        data[at + (bigEndian ? 1 : 0)] = (byte) value;
    }

    private static void put32(byte[] data, int at, long value, boolean bigEndian) {
        put16(data, bigEndian ? at : at + 2, (int) (value >> 16), bigEndian);
        put16(data, bigEndian ? at + 2 : at, (int) value, bigEndian);
    }
}
