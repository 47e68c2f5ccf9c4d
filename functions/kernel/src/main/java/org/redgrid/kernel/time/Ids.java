package org.redgrid.kernel.time;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Identifiers that sort by creation time: 10 base32 characters of epoch milliseconds and 12 random ones.
 * Time order keeps listings of new records stable; 60 random bits make guessing an id impractical.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(Instant at) {
        char[] out = new char[22];
        long millis = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long random = RANDOM.nextLong();
        for (int i = 10; i < 22; i++) {
            out[i] = ALPHABET[(int) (random & 31)];
            random >>>= 5;
        }
        return new String(out);
    }
}
