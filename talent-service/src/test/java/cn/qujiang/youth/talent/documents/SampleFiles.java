package cn.qujiang.youth.talent.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Real files made on the spot: what phones and scanners send, and what attackers would. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] png() {
        return image("png", 64, 48);
    }

    public static byte[] jpeg() {
        return image("jpeg", 64, 48);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(8, 8, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG as a phone sends it: an EXIF segment right after the start marker, here with a GPS position. */
    public static byte[] jpegWithExifLocation() {
        return jpegWithSegment(0xE1, "Exif\0\0MM\0*GPSLatitude 28.9417N GPSLongitude 118.9599E");
    }

    /** A JPEG carrying a web page in a comment segment: shown as a picture, run as a page if a browser sniffs it. */
    public static byte[] jpegWithHtmlInside() {
        return jpegWithSegment(0xFE, "<html><script>fetch('/api/talent/me/export')</script></html>");
    }

    private static byte[] jpegWithSegment(int marker, String content) {
        byte[] plain = jpeg();
        byte[] payload = content.getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF showing {@code text}. */
    public static byte[] pdf(String text) {
        return pdf(text, true);
    }

    /** A one-page PDF showing {@code text}; uncompressed, its page's bytes show the text as it is. */
    public static byte[] pdf(String text, boolean compressed) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.OVERWRITE, compressed)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that runs JavaScript when opened; saved compressed, so the script sits inside an object stream. */
    public static byte[] pdfWithJavaScript() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a file attached to it (the names tree's EmbeddedFiles). */
    public static byte[] pdfWithEmbeddedFile() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            COSDictionary fileSpec = new COSDictionary();
            fileSpec.setItem(COSName.TYPE, COSName.getPDFName("Filespec"));
            fileSpec.setString(COSName.F, "payload.exe");
            COSDictionary embedded = new COSDictionary();
            embedded.setItem(COSName.NAMES, new COSArray(List.of(new COSString("payload.exe"), fileSpec)));
            COSDictionary names = new COSDictionary();
            names.setItem(COSName.getPDFName("EmbeddedFiles"), embedded);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, names);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a zip archive glued after its end: a PDF to a PDF reader, an archive to an unzip tool. */
    public static byte[] pdfWithZipAppended() {
        byte[] pdf = pdf("contract");
        byte[] zip = "PK\u0003\u0004\u0014\0\0\0\0\0payload.js".getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = new byte[pdf.length + zip.length];
        System.arraycopy(pdf, 0, both, 0, pdf.length);
        System.arraycopy(zip, 0, both, pdf.length, zip.length);
        return both;
    }

    /** The start of a HEIC photo as iPhones write it: an ftyp box naming the heic brand, then the meta box. */
    public static byte[] heic() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 24});
        out.writeBytes("ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {0, 0, 0, 16});
        out.writeBytes("meta\0\0\0\0hdlr\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[2048]);
        return out.toByteArray();
    }

    /**
     * A file made with real tools and kept under {@code src/test/resources/documents} (how each was made: the README
     * there): photos as phones and editors write them, which no Java library here can produce.
     */
    public static byte[] fixture(String name) {
        try (var in = SampleFiles.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
