package cn.qujiang.youth.talent.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes the metadata of a HEIC photo (EXIF with the camera's location, XMP) without decoding it: no HEIF decoder
 * is available as a Java library, so the container (ISO base media file format, ISO/IEC 23008-12) is read instead.
 * The {@code meta} box lists the items ({@code iinf}) and where their bytes are ({@code iloc}: in an {@code mdat} box
 * or in {@code idat}); the bytes of every {@code Exif} item and of every {@code mime} item holding XMP
 * ({@code application/rdf+xml}) are overwritten in place, so every offset in the file stays valid and the pictures
 * are untouched. The EXIF item keeps a minimal TIFF structure holding only the orientation: HEIF says to turn the
 * picture by its {@code irot}/{@code imir} properties (untouched here) and to ignore the EXIF orientation, which
 * libheif-based viewers do, but Apple's viewers honour the EXIF orientation of a file that has no {@code irot}.
 * XMP becomes an empty packet padded with spaces. Anything this reader does not know to be harmless (other
 * top-level boxes such as {@code moov}, protected items, an unsupported {@code iloc} version or construction
 * method, metadata outside {@code mdat}/{@code idat}, sizes that overflow) is refused: {@code DOCUMENT_HEIC_UNSUPPORTED}.
 */
public class HeifMetadata {
    static final int MAX_META_BYTES = 1 << 20;
    private static final int MAX_TOP_LEVEL_BOXES = 64;
    private static final int MAX_EXIF_READ = 1 << 20;
    private static final Set<String> TOP_LEVEL = Set.of("ftyp", "meta", "mdat", "free", "skip");
    private static final Set<String> IN_META = Set.of("hdlr", "pitm", "iloc", "iinf", "iref", "iprp", "idat",
            "dinf", "grpl", "free", "skip");
    private static final Set<String> ONCE_IN_META = Set.of("hdlr", "pitm", "iloc", "iinf", "iref", "iprp", "idat",
            "dinf", "grpl");
    private static final String XMP = "application/rdf+xml";
    private static final byte[] EMPTY_XMP = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    /** Copies the photo to {@code out} with its metadata items blanked; refuses it before writing a byte. */
    public void strip(Path file, OutputStream out) throws IOException {
        List<Overwrite> overwrites;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            overwrites = plan(channel);
        }
        byte[] buffer = new byte[64 * 1024];
        long position = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (Overwrite overwrite : overwrites) {
                    overwrite.apply(buffer, position, n);
                }
                out.write(buffer, 0, n);
                position += n;
            }
        }
    }

    /** The file's ranges to overwrite, from its box structure. */
    List<Overwrite> plan(FileChannel channel) throws IOException {
        long size = channel.size();
        List<Box> boxes = topLevel(channel, size);
        List<Box> metas = boxes.stream().filter(box -> box.type().equals("meta")).toList();
        if (metas.size() != 1 || metas.get(0).size() > MAX_META_BYTES) {
            throw BoxCursor.unsafe();
        }
        Box meta = metas.get(0);
        byte[] metaBytes = read(channel, meta.offset(), (int) meta.size());
        Meta parsed = Meta.parse(metaBytes, meta.header());
        List<Overwrite> overwrites = new ArrayList<>();
        for (Map.Entry<Long, Item> entry : parsed.items().entrySet()) {
            Item item = entry.getValue();
            if (!item.isExif() && !item.isXmp()) {
                continue;
            }
            List<long[]> ranges = ranges(parsed, parsed.locations().get(entry.getKey()), meta, boxes);
            byte[] content = item.isExif() ? exifRemains(channel, ranges) : xmpRemains(item);
            byte fill = item.isXmp() && content.length > 0 ? (byte) ' ' : 0;
            long logical = 0;
            for (long[] range : ranges) {
                overwrites.add(new Overwrite(range[0], range[1], content, logical, fill));
                logical += range[1];
            }
        }
        return overwrites;
    }

    /** The file ranges {offset, length} of a metadata item's bytes, each inside an mdat box or inside idat. */
    private static List<long[]> ranges(Meta parsed, Location location, Box meta, List<Box> boxes) {
        if (location == null || location.dataReference() != 0 || location.extents().isEmpty()
                || location.method() > 1 || (location.method() == 1 && parsed.idatStart() < 0)) {
            throw BoxCursor.unsafe();
        }
        List<long[]> ranges = new ArrayList<>();
        for (long[] extent : location.extents()) {
            long offset = extent[0];
            long length = extent[1];
            if (length <= 0) {
                throw BoxCursor.unsafe();
            }
            if (location.method() == 1) {
                if (offset > parsed.idatEnd() - parsed.idatStart() - length) {
                    throw BoxCursor.unsafe();
                }
                ranges.add(new long[] {meta.offset() + parsed.idatStart() + offset, length});
            } else if (boxes.stream().anyMatch(box -> box.type().equals("mdat")
                    && offset >= box.payload() && offset <= box.end() - length)) {
                ranges.add(new long[] {offset, length});
            } else {
                throw BoxCursor.unsafe();
            }
        }
        return ranges;
    }

    /**
     * What is left of an EXIF item: its header offset and {@code Exif\0\0} prefix, then a TIFF structure with the
     * orientation alone; nothing (all zeros) when the item is too small or not laid out as expected.
     */
    private static byte[] exifRemains(FileChannel channel, List<long[]> ranges) throws IOException {
        long total = ranges.stream().mapToLong(range -> range[1]).sum();
        if (total > MAX_EXIF_READ) {
            return new byte[0];
        }
        ByteBuffer exif = ByteBuffer.allocate((int) total);
        for (long[] range : ranges) {
            exif.put(read(channel, range[0], (int) range[1]));
        }
        byte[] bytes = exif.array();
        if (bytes.length < 4) {
            return new byte[0];
        }
        long tiffOffset = new BoxCursor(bytes, 0, 4).u32();
        boolean prefixed = tiffOffset == EXIF_PREFIX.length && bytes.length >= 4 + EXIF_PREFIX.length
                && java.util.Arrays.equals(bytes, 4, 4 + EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length);
        if (tiffOffset != 0 && !prefixed) {
            return new byte[0];
        }
        int tiffStart = 4 + (int) tiffOffset;
        Boolean bigEndian = ExifOrientation.byteOrder(bytes, tiffStart);
        if (bigEndian == null || tiffStart + ExifOrientation.MINIMAL_TIFF_BYTES > bytes.length) {
            return new byte[0];
        }
        byte[] remains = new byte[tiffStart + ExifOrientation.MINIMAL_TIFF_BYTES];
        System.arraycopy(bytes, 0, remains, 0, tiffStart);
        byte[] tiff = ExifOrientation.ofTiff(bytes, tiffStart, bytes.length).minimalTiff(bigEndian);
        System.arraycopy(tiff, 0, remains, tiffStart, tiff.length);
        return remains;
    }

    /** An empty XMP packet (spaces after it are allowed), or zeros for a compressed one. */
    private static byte[] xmpRemains(Item item) {
        return item.contentEncoding().isEmpty() ? EMPTY_XMP : new byte[0];
    }

    private static List<Box> topLevel(FileChannel channel, long size) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long offset = 0;
        while (offset < size) {
            if (boxes.size() == MAX_TOP_LEVEL_BOXES) {
                throw BoxCursor.unsafe();
            }
            byte[] header = read(channel, offset, (int) Math.min(16, size - offset));
            BoxCursor.Header box = new BoxCursor(header, 0, header.length).header();
            long boxSize = box.size() == 0 ? size - offset : box.size();
            String type = box.type();
            int headerSize = box.length();
            boolean first = boxes.isEmpty();
            if (boxSize < headerSize || boxSize > size - offset || !TOP_LEVEL.contains(type)
                    || first != type.equals("ftyp")) {
                throw BoxCursor.unsafe();
            }
            boxes.add(new Box(type, offset, headerSize, boxSize));
            offset += boxSize;
        }
        return boxes;
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw BoxCursor.unsafe();
            }
        }
        return buffer.array();
    }

    record Box(String type, long offset, int header, long size) {
        long payload() {
            return offset + header;
        }

        long end() {
            return offset + size;
        }
    }

    record Item(String type, String contentType, String contentEncoding) {
        boolean isExif() {
            return type.equals("Exif");
        }

        boolean isXmp() {
            return type.equals("mime")
                    && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(XMP);
        }
    }

    /** Where an item's bytes are: construction method 0 = file offsets, 1 = offsets in idat. */
    record Location(int method, int dataReference, List<long[]> extents) {
    }

    /** File bytes {@code [offset, offset + length)} become {@code content} from {@code from} on, then {@code fill}. */
    record Overwrite(long offset, long length, byte[] content, long from, byte fill) {
        void apply(byte[] buffer, long position, int n) {
            long start = Math.max(position, offset);
            long end = Math.min(position + n, offset + length);
            for (long at = start; at < end; at++) {
                long k = from + at - offset;
                buffer[(int) (at - position)] = k < content.length ? content[(int) k] : fill;
            }
        }
    }

    /** The parts of the meta box this needs; {@code idatStart/End} index the meta box's bytes (-1: no idat). */
    record Meta(Map<Long, Item> items, Map<Long, Location> locations, int idatStart, int idatEnd) {

        static Meta parse(byte[] bytes, int header) {
            BoxCursor cursor = new BoxCursor(bytes, header, bytes.length);
            if (cursor.u32() >>> 24 != 0) {
                throw BoxCursor.unsafe();
            }
            Map<Long, Item> items = Map.of();
            Map<Long, Location> locations = Map.of();
            int idatStart = -1;
            int idatEnd = -1;
            boolean handler = false;
            Set<String> seen = new HashSet<>();
            while (cursor.remaining() > 0) {
                int start = cursor.position();
                BoxCursor.Header child = cursor.header();
                long size = child.size();
                String type = child.type();
                int headerSize = child.length();
                if (size < headerSize || size > bytes.length - start || !IN_META.contains(type)
                        || (ONCE_IN_META.contains(type) && !seen.add(type))) {
                    throw BoxCursor.unsafe();
                }
                int end = start + (int) size;
                BoxCursor box = new BoxCursor(bytes, start + headerSize, end);
                switch (type) {
                    case "hdlr" -> handler = isPictureHandler(box);
                    case "iinf" -> items = items(box);
                    case "iloc" -> locations = locations(box);
                    case "idat" -> {
                        idatStart = start + headerSize;
                        idatEnd = end;
                    }
                    default -> {
                        // properties, references, the primary item: not metadata, left as they are
                    }
                }
                cursor.skipTo(end);
            }
            if (!handler) {
                throw BoxCursor.unsafe();
            }
            return new Meta(items, locations, idatStart, idatEnd);
        }

        private static boolean isPictureHandler(BoxCursor box) {
            box.u32();
            box.u32();
            return box.fourcc().equals("pict");
        }

        private static Map<Long, Item> items(BoxCursor box) {
            int version = (int) (box.u32() >>> 24);
            long count = version == 0 ? box.u16() : box.u32();
            box.expect(count, 20);
            Map<Long, Item> items = new HashMap<>();
            for (long i = 0; i < count; i++) {
                int start = box.position();
                long size = box.u32();
                if (!box.fourcc().equals("infe") || size < 8 || size > box.remaining() + 8) {
                    throw BoxCursor.unsafe();
                }
                int end = start + (int) size;
                BoxCursor infe = new BoxCursor(box.data(), box.position(), end);
                int infeVersion = (int) (infe.u32() >>> 24);
                if (infeVersion < 2 || infeVersion > 3) {
                    throw BoxCursor.unsafe();
                }
                long id = infeVersion == 2 ? infe.u16() : infe.u32();
                int protection = infe.u16();
                String type = infe.fourcc();
                infe.string();
                String contentType = "";
                String encoding = "";
                if (type.equals("mime")) {
                    contentType = infe.string();
                    encoding = infe.remaining() > 0 ? infe.string() : "";
                }
                if (protection != 0 || items.put(id, new Item(type, contentType, encoding)) != null) {
                    throw BoxCursor.unsafe();
                }
                box.skipTo(end);
            }
            return items;
        }

        private static Map<Long, Location> locations(BoxCursor box) {
            int version = (int) (box.u32() >>> 24);
            if (version > 2) {
                throw BoxCursor.unsafe();
            }
            int sizes = box.u8();
            int offsetSize = sizes >> 4;
            int lengthSize = sizes & 0xf;
            int more = box.u8();
            int baseOffsetSize = more >> 4;
            int indexSize = version == 0 ? 0 : more & 0xf;
            for (int fieldSize : new int[] {offsetSize, lengthSize, baseOffsetSize, indexSize}) {
                if (fieldSize != 0 && fieldSize != 4 && fieldSize != 8) {
                    throw BoxCursor.unsafe();
                }
            }
            long count = version < 2 ? box.u16() : box.u32();
            int idBytes = version < 2 ? 2 : 4;
            box.expect(count, idBytes + (version == 0 ? 0 : 2) + 2 + baseOffsetSize + 2);
            Map<Long, Location> locations = new HashMap<>();
            for (long i = 0; i < count; i++) {
                long id = version < 2 ? box.u16() : box.u32();
                int method = version == 0 ? 0 : box.u16() & 0xf;
                int dataReference = box.u16();
                long base = box.uint(baseOffsetSize);
                int extentCount = box.u16();
                box.expect(extentCount, indexSize + offsetSize + lengthSize);
                List<long[]> extents = new ArrayList<>(extentCount);
                for (int e = 0; e < extentCount; e++) {
                    box.uint(indexSize);
                    long offset = box.uint(offsetSize);
                    long length = box.uint(lengthSize);
                    if (offset > Long.MAX_VALUE - base) {
                        throw BoxCursor.unsafe();
                    }
                    extents.add(new long[] {base + offset, length});
                }
                if (locations.put(id, new Location(method, dataReference, extents)) != null) {
                    throw BoxCursor.unsafe();
                }
            }
            return locations;
        }
    }
}
