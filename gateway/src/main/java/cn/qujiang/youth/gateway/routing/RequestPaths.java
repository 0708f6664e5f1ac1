package cn.qujiang.youth.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The path a request really names, as the service behind the gateway will read it: percent-decoded (strictly:
 * every {@code %} followed by two hex digits, the bytes valid UTF-8), path parameters ({@code ;x=1}) dropped, empty
 * and {@code .} segments removed, {@code ..} applied, no trailing slash; a raw character outside printable ASCII
 * makes it undecodable. {@code /%61pi//policy/./evaluate;x} is
 * {@code /api/policy/evaluate}. Decisions about a path (which rate limit) are made on this, never on the raw text.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** Empty when the raw path cannot be decoded (bad percent-encoding or not UTF-8). */
    public static Optional<String> normalised(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/")) {
            int parameters = raw.indexOf(';');
            Optional<String> decoded = decode(parameters < 0 ? raw : raw.substring(0, parameters));
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            for (String segment : decoded.get().split("/")) {
                if (segment.equals("..")) {
                    segments.pollLast();
                } else if (!segment.isEmpty() && !segment.equals(".")) {
                    segments.addLast(segment);
                }
            }
        }
        return Optional.of("/" + String.join("/", segments));
    }

    /** A URI holds printable ASCII only: a raw space, control or non-ASCII byte is refused, not guessed at. */
    private static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c <= ' ' || c > '~') {
                return Optional.empty();
            } else if (c != '%') {
                bytes.write(c);
            } else if (i + 2 < segment.length() && HexFormat.isHexDigit(segment.charAt(i + 1))
                    && HexFormat.isHexDigit(segment.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(segment, i + 1, i + 3));
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
