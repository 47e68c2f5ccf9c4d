package org.redgrid.checkin.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a roster keeps a phone (个人信息保护): a hash to match registrations by, and a mask to show; the phone itself
 * is never stored with the roster. The hash is salted with the domain's own prefix so it matches nothing else.
 */
public final class PhoneKey {

    private PhoneKey() {
    }

    static String of(String phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("redgrid.checkin.roster\n" + phone).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "13812345678" → "138****5678", as the directory masks phones. */
    public static String mask(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
