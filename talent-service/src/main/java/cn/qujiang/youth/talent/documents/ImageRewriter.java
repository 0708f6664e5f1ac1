package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.documents.DocumentRefusal.Reason;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes a JPEG or PNG and encodes its pixels again, without any of the original's metadata (EXIF with the
 * camera's location, XMP, comments) and without whatever was hidden between or after its segments. The size is
 * read from the header first, so an image that would need more than {@code maxImagePixels} is refused before it is
 * decoded; at most one decode per core runs at once, because a decoded photo takes tens of MB. A JPEG's EXIF
 * orientation is applied to the pixels first (a phone photo of a contract would otherwise be stored sideways); that
 * needs a second image of the same size for the moment of the turn.
 */
public class ImageRewriter {
    private static final float JPEG_QUALITY = 0.9f;

    private final long maxPixels;
    private final Semaphore decoding = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    public ImageRewriter(DocumentProperties properties) {
        this.maxPixels = properties.maxImagePixels();
    }

    public void rewrite(Path file, DocumentType type, OutputStream out) throws IOException {
        decoding.acquireUninterruptibly();
        try {
            // read before the metadata is dropped: a phone photo's pixels are often stored sideways
            ExifOrientation orientation = type == DocumentType.JPEG ? ExifOrientation.ofJpeg(file)
                    : ExifOrientation.NORMAL;
            BufferedImage image = upright(decode(file, type), orientation);
            encode(image, type, out);
        } finally {
            decoding.release();
        }
    }

    private BufferedImage decode(Path file, DocumentType type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
            if (in == null || !readers.hasNext()) {
                throw new DocumentRefusal(Reason.DOCUMENT_UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
                    throw new DocumentRefusal(Reason.DOCUMENT_IMAGE_TOO_LARGE);
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                if (e instanceof DocumentRefusal refusal) {
                    throw refusal;
                }
                // truncated, corrupt, or a colour model ImageIO does not decode (CMYK JPEG)
                throw new DocumentRefusal(Reason.DOCUMENT_UNREADABLE);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The pixels turned as a viewer would turn them for the EXIF orientation, which is not stored again: the stored
     * image looks like the original did. Nearest neighbour: quarter turns and mirrors move pixels, they blend none.
     */
    static BufferedImage upright(BufferedImage image, ExifOrientation orientation) {
        if (orientation == ExifOrientation.NORMAL) {
            return image;
        }
        int width = orientation.swapsSides() ? image.getHeight() : image.getWidth();
        int height = orientation.swapsSides() ? image.getWidth() : image.getHeight();
        int kind = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage turned = new BufferedImage(width, height, kind);
        Graphics2D graphics = turned.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            graphics.drawImage(image, orientation.upright(image.getWidth(), image.getHeight()), null);
        } finally {
            graphics.dispose();
        }
        return turned;
    }

    private static void encode(BufferedImage image, DocumentType type, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(type.mediaType()).next();
        try (ImageOutputStream target = ImageIO.createImageOutputStream(new Unclosable(out))) {
            writer.setOutput(target);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == DocumentType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(withoutAlphaFor(image, type), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The JPEG writer cannot store transparency. */
    private static BufferedImage withoutAlphaFor(BufferedImage image, DocumentType type) {
        if (type != DocumentType.JPEG || !image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        return opaque;
    }

    /** ImageIO closes the stream it wrote to; the caller's sealing stream must stay open for its last segment. */
    private static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
