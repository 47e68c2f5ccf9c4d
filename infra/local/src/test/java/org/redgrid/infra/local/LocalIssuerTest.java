package org.redgrid.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Issue 10 item 7: the local issuer keeps its key private and refuses tokens API Gateway's JWT authorizer refuses. */
class LocalIssuerTest {

    private static final String ISSUER = "http://localhost:1/local";

    @TempDir
    Path state;

    @Test
    void theSigningKeyIsReadableByItsOwnerOnly() throws Exception {
        Path file = state.resolve("issuer.jwk");
        new LocalIssuer(file, ISSUER);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new LocalIssuer(file, ISSUER);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "an old, open key is tightened");
    }

    @Test
    void tokensNotYetValidOrWithoutTheKeyIdAreRefused() throws Exception {
        Path file = state.resolve("issuer.jwk");
        LocalIssuer issuer = new LocalIssuer(file, ISSUER);
        RSAKey key = RSAKey.parse(Files.readString(file));
        assertTrue(issuer.verify(issuer.idToken("grid.worker", List.of("grid-worker@G0101"))).isPresent());

        Instant now = Instant.now();
        assertTrue(issuer.verify(sign(key, key.getKeyID(), claims(now).build())).isPresent(), "the baseline token passes");
        assertTrue(issuer.verify(sign(key, key.getKeyID(), claims(now).notBeforeTime(Date.from(now.plusSeconds(30))).build())).isPresent(),
                "a small clock skew is tolerated");
        assertTrue(issuer.verify(sign(key, key.getKeyID(), claims(now).notBeforeTime(Date.from(now.plusSeconds(600))).build())).isEmpty(),
                "nbf in the future");
        assertTrue(issuer.verify(sign(key, key.getKeyID(), claims(now).issueTime(Date.from(now.plusSeconds(600))).build())).isEmpty(),
                "iat in the future");
        assertTrue(issuer.verify(sign(key, null, claims(now).build())).isEmpty(), "no kid");
        assertTrue(issuer.verify(sign(key, "another-key", claims(now).build())).isEmpty(), "a kid that names no key of the issuer");
    }

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("s").audience(LocalIssuer.AUDIENCE).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).claim("token_use", "id");
    }

    private static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
