package org.fhirtrials.cds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** A CDS client (EHR) for tests: real EC P-384 and RSA 2048 key pairs, and a JWT builder. */
final class TestClient {

  static final String ISS = "https://ehr.example.org/";
  static final String SERVICE_URL = "https://cds.example.org/cds-services/trial-matching";

  final ECKey ecKey;
  final RSAKey rsaKey;

  private TestClient(ECKey ecKey, RSAKey rsaKey) {
    this.ecKey = ecKey;
    this.rsaKey = rsaKey;
  }

  static TestClient generate() {
    return generate("ec-1", "rsa-1");
  }

  static TestClient generate(String ecKid, String rsaKid) {
    try {
      return new TestClient(
          new ECKeyGenerator(Curve.P_384).keyID(ecKid).keyUse(KeyUse.SIGNATURE).generate(),
          new RSAKeyGenerator(2048).keyID(rsaKid).keyUse(KeyUse.SIGNATURE).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWK set the client publishes. */
  JWKSet publicJwks() {
    return new JWKSet(List.<JWK>of(ecKey, rsaKey)).toPublicJWKSet();
  }

  Path writeJwks(Path dir) {
    try {
      Path file = dir.resolve("ehr-jwks.json");
      Files.writeString(file, publicJwks().toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ES384 token that passes every check at {@code now}. */
  Token es384(Instant now) {
    return new Token(JWSAlgorithm.ES384, ecKey.getKeyID(), now, signerFor(ecKey));
  }

  /** An RS384 token that passes every check at {@code now}. */
  Token rs384(Instant now) {
    return new Token(JWSAlgorithm.RS384, rsaKey.getKeyID(), now, signerFor(rsaKey));
  }

  static JWSSigner signerFor(JWK key) {
    try {
      return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Mutable token spec; defaults are a valid CDS Hooks JWT. */
  static final class Token {
    JWSAlgorithm alg;
    String kid;
    JOSEObjectType typ = JOSEObjectType.JWT;
    URI jku;
    JWSSigner signer;
    final JWTClaimsSet.Builder claims;

    Token(JWSAlgorithm alg, String kid, Instant now, JWSSigner signer) {
      this.alg = alg;
      this.kid = kid;
      this.signer = signer;
      this.claims =
          new JWTClaimsSet.Builder()
              .issuer(ISS)
              .audience(SERVICE_URL)
              .subject("practitioner-123")
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
              .jwtID(UUID.randomUUID().toString())
              .claim("tenant", "2ddd6c3a-8e9a-44c6-a305-52111ad302a2");
    }

    Token claim(String name, Object value) {
      claims.claim(name, value);
      return this;
    }

    Token header(JOSEObjectType typ, URI jku) {
      this.typ = typ;
      this.jku = jku;
      return this;
    }

    String compact() {
      var header = new JWSHeader.Builder(alg).keyID(kid).type(typ).jwkURL(jku).build();
      var jwt = new SignedJWT(header, claims.build());
      try {
        jwt.sign(signer);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      return jwt.serialize();
    }

    String bearer() {
      return "Bearer " + compact();
    }
  }
}
