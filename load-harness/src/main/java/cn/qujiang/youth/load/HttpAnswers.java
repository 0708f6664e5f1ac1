package cn.qujiang.youth.load;

import java.nio.charset.StandardCharsets;

/**
 * Just enough HTTP/1.1 response framing for {@link ClosedLoop}: is a whole answer in the buffer yet, and which
 * status, and does the server close the connection after it. An answer is packed into one long (length in the low
 * 32 bits, status above, then the closing flag) so that the hot loop allocates nothing.
 */
final class HttpAnswers {
    private static final int INCOMPLETE = -1;
    private static final long CLOSES = 1L << 48;

    private HttpAnswers() {
    }

    static int status(long answer) {
        return (int) (answer >>> 32) & 0xffff;
    }

    /** {@code Connection: close}: Tomcat says so after 100 requests on one connection, nginx after its limit. */
    static boolean closes(long answer) {
        return (answer & CLOSES) != 0;
    }

    static int length(long answer) {
        return (int) answer;
    }

    /** The whole answer at the start of {@code bytes[0, filled)}, packed; -1 while bytes are still missing. */
    static long complete(byte[] bytes, int filled) {
        int headersEnd = indexOf(bytes, 0, filled, "\r\n\r\n");
        if (headersEnd < 0) {
            return INCOMPLETE;
        }
        int status = Integer.parseInt(new String(bytes, 9, 3, StandardCharsets.US_ASCII));
        int bodyStart = headersEnd + 4;
        String headers = new String(bytes, 0, headersEnd, StandardCharsets.ISO_8859_1);
        String lowerCase = headers.toLowerCase(java.util.Locale.ROOT);
        int end;
        if (status / 100 == 1 || status == 204 || status == 304) {
            end = bodyStart;
        } else {
            long contentLength = contentLength(headers);
            if (contentLength >= 0) {
                end = bodyStart + contentLength <= filled ? (int) (bodyStart + contentLength) : INCOMPLETE;
            } else if (lowerCase.contains("\ntransfer-encoding: chunked")) {
                end = chunkedEnd(bytes, bodyStart, filled);
            } else {
                throw new IllegalStateException("an answer framed by closing the connection: " + headers);
            }
        }
        if (end < 0) {
            return INCOMPLETE;
        }
        return (lowerCase.contains("\nconnection: close") ? CLOSES : 0) | (long) status << 32 | end;
    }

    private static long contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return -1;
    }

    /** Where the last chunk and its (empty or not) trailer end; -1 while incomplete. */
    private static int chunkedEnd(byte[] bytes, int from, int filled) {
        int at = from;
        while (true) {
            int lineEnd = indexOf(bytes, at, filled, "\r\n");
            if (lineEnd < 0) {
                return INCOMPLETE;
            }
            String sizeField = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII);
            int extension = sizeField.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeField : sizeField.substring(0, extension)).trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                if (at + 2 <= filled && bytes[at] == '\r' && bytes[at + 1] == '\n') {
                    return at + 2;
                }
                int trailerEnd = indexOf(bytes, at, filled, "\r\n\r\n");
                return trailerEnd < 0 ? INCOMPLETE : trailerEnd + 4;
            }
            at += size + 2;
            if (at > filled) {
                return INCOMPLETE;
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, String ascii) {
        outer:
        for (int i = from; i + ascii.length() <= to; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
