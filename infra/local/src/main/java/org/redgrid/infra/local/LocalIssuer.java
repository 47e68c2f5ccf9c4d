package org.redgrid.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local stand-in for Cognito: signs ID and access tokens shaped like Cognito's for the demo accounts (RS256, a key
 * kept in the data folder) and verifies them as API Gateway's JWT authorizer would (signature, issuer, audience or
 * client id, expiry, not-before and issued-at, a key id that names the key). Local mode only; template.yaml knows
 * nothing of it. The key file is readable by its owner only.
 */
final class LocalIssuer {

    static final String AUDIENCE = "redgrid-local";
    private static final long LIFETIME_SECONDS = 3600;
    /** Clock skew tolerated on nbf and iat. */
    static final long SKEW_SECONDS = 60;

    private final RSAKey key;
    private final String issuer;

    LocalIssuer(Path keyFile, String issuer) throws IOException {
        this.issuer = issuer;
        this.key = loadOrCreate(keyFile);
    }

    String issuer() {
        return issuer;
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** An ID token (token_use "id") for {@code username} holding {@code groups}. */
    String idToken(String username, List<String> groups) {
        return sign(claims(username, groups).audience(AUDIENCE).claim("token_use", "id").claim("cognito:username", username)
                .claim("email", username + "@demo.redgrid.local").claim("email_verified", true).build());
    }

    /** An access token (token_use "access", client_id instead of aud, username instead of cognito:username). */
    String accessToken(String username, List<String> groups) {
        return sign(claims(username, groups).claim("token_use", "access").claim("client_id", AUDIENCE).claim("username", username)
                .claim("scope", "openid profile").build());
    }

    long lifetimeSeconds() {
        return LIFETIME_SECONDS;
    }

    /**
     * The verified claims, or empty for a missing, malformed, forged, foreign, expired or not yet valid token, or one
     * whose header names no key of the issuer (API Gateway looks the key up by {@code kid}).
     */
    Optional<Map<String, Object>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !key.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            Instant latest = now.plusSeconds(SKEW_SECONDS);
            boolean audience = claims.getAudience().contains(AUDIENCE) || AUDIENCE.equals(claims.getClaim("client_id"));
            boolean fresh = claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(now);
            boolean begun = (claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().toInstant().isAfter(latest))
                    && (claims.getIssueTime() == null || !claims.getIssueTime().toInstant().isAfter(latest));
            return issuer.equals(claims.getIssuer()) && audience && fresh && begun ? Optional.of(claims.getClaims()) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private JWTClaimsSet.Builder claims(String username, List<String> groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(username.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .issuer(issuer).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
                .jwtID(UUID.randomUUID().toString()).claim("auth_time", now.getEpochSecond()).claim("cognito:groups", groups);
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static RSAKey loadOrCreate(Path file) throws IOException {
        try {
            if (Files.exists(file)) {
                // Tightens a key written by an earlier version, world-readable.
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, key.toJSONString());
            return key;
        } catch (ParseException | JOSEException e) {
            throw new IOException("the local signing key " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
