package org.redgrid.points.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.redgrid.kernel.problem.ProblemException;

/**
 * The code a resident shows at the counter (积分码): a short-lived token naming their household, signed with
 * HMAC-SHA256 under the deployment's key ({@code redgrid.points.qr-key}, from the stack's secret), so a code cannot
 * be made up from a household id, nor used after it expires. Without a key each process makes its own (local runs).
 */
@ApplicationScoped
public class QrTokens {

    private static final Logger LOG = Logger.getLogger(QrTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.points.qr-key")
    Optional<String> configuredKey;

    @ConfigProperty(name = "redgrid.points.qr-lifetime", defaultValue = "PT5M")
    Duration lifetime;

    private volatile SecretKeySpec key;

    public record Token(String token, String expiresAt) {
    }

    public Token issue(String householdId) {
        Instant expires = clock.instant().plus(lifetime);
        String payload = B64.encodeToString((householdId + "|" + expires.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return new Token(payload + "." + B64.encodeToString(sign(payload)), expires.toString());
    }

    /** Whether {@code text} has a token's shape (the counter's search field takes codes, ids and names alike). */
    public static boolean looksLikeToken(String text) {
        return text.length() > 20 && text.indexOf('.') > 0 && text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    /** The household a token names; 400 on {@code field} when it is forged or expired. */
    public String resolve(String field, String token) {
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        byte[] signature;
        String[] parts;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        if (!MessageDigest.isEqual(signature, sign(payload)) || parts.length != 2 || !parts[1].matches("\\d{1,12}")) {
            throw invalid(field);
        }
        if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
            throw ProblemException.invalidField(field, "QR_EXPIRED", "积分码已过期，请居民刷新后重新出示");
        }
        return parts[0];
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Read at first use, not at class initialisation: a native image must not bake a key in. */
    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] bytes;
                    if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
                        bytes = configuredKey.get().getBytes(StandardCharsets.UTF_8);
                    } else {
                        LOG.warn("redgrid.points.qr-key is not set: QR codes are signed with a key of this process only");
                        bytes = new byte[32];
                        new SecureRandom().nextBytes(bytes);
                    }
                    key = new SecretKeySpec(bytes, "HmacSHA256");
                }
            }
        }
        return key;
    }

    private static ProblemException invalid(String field) {
        return ProblemException.invalidField(field, "QR_INVALID", "积分码无效");
    }
}
