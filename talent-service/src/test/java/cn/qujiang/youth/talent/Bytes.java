package cn.qujiang.youth.talent;

/** Where a byte sequence occurs in another: tests look for a file's bytes in what was stored. */
public final class Bytes {

    private Bytes() {
    }

    /** The first index of {@code pattern} in {@code data}, or -1. */
    public static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
