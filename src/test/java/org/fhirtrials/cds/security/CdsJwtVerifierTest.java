package org.fhirtrials.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CdsJwtVerifierTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
  private static final String SERVICE_URL = TestClient.SERVICE_URL;

  private static TestClient client;

  @TempDir Path dir;
  private CdsJwtVerifier verifier;

  @BeforeAll
  static void generateKeys() {
    client = TestClient.generate();
  }

  @BeforeEach
  void setUp() {
    verifier = verifierTrusting(client.writeJwks(dir));
  }

  private static CdsJwtVerifier verifierTrusting(Path jwksFile) {
    var properties =
        CdsSecurityProperties.forIssuers(
            List.of(CdsSecurityProperties.Issuer.withFile(TestClient.ISS, jwksFile)));
    return new CdsJwtVerifier(properties, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String authorization) {
    return assertThatThrownBy(() -> verifier.verify(authorization, SERVICE_URL))
        .isInstanceOf(CdsAuthenticationException.class)
        .hasFieldOrPropertyWithValue("httpStatus", 401);
  }

  @Test
  void acceptsValidEs384Token() throws Exception {
    var token = client.es384(NOW);
    token.claims.jwtID("jti-es384");

    VerifiedCdsClient verified = verifier.verify(token.bearer(), SERVICE_URL);

    assertThat(verified.issuer()).isEqualTo(TestClient.ISS);
    assertThat(verified.subject()).isEqualTo("practitioner-123");
    assertThat(verified.tenant()).isEqualTo("2ddd6c3a-8e9a-44c6-a305-52111ad302a2");
    assertThat(verified.tokenId()).isEqualTo("jti-es384");
    assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void acceptsValidRs384Token() throws Exception {
    VerifiedCdsClient verified = verifier.verify(client.rs384(NOW).bearer(), SERVICE_URL);

    assertThat(verified.issuer()).isEqualTo(TestClient.ISS);
  }

  @Test
  void acceptsAudienceArrayHoldingTheServiceUrl() throws Exception {
    var token = client.es384(NOW);
    token.claims.audience(List.of(SERVICE_URL));

    assertThat(verifier.verify(token.bearer(), SERVICE_URL).issuer()).isEqualTo(TestClient.ISS);
  }

  @Test
  void acceptsLowerCaseBearerScheme() throws Exception {
    assertThat(verifier.verify("bearer " + client.es384(NOW).compact(), SERVICE_URL)).isNotNull();
  }

  @Test
  void acceptsMissingTyp() throws Exception {
    var token = client.es384(NOW).header(null, null);

    assertThat(verifier.verify(token.bearer(), SERVICE_URL)).isNotNull();
  }

  @Test
  void rejectsMissingBearer() {
    assertRejected(null)
        .hasFieldOrPropertyWithValue("error", "invalid_request")
        .hasMessageContaining("missing Authorization header");
    assertRejected("Basic dXNlcjpwYXNz")
        .hasFieldOrPropertyWithValue("error", "invalid_request")
        .hasMessageContaining("not a Bearer token");
    assertRejected("Bearer ").hasMessageContaining("not a Bearer token");
    assertRejected(client.es384(NOW).compact()).hasMessageContaining("not a Bearer token");
  }

  @Test
  void rejectsMalformedToken() {
    assertRejected("Bearer not-a-jwt")
        .hasFieldOrPropertyWithValue("error", "invalid_token")
        .hasMessageStartingWith("malformed JWT");
  }

  @Test
  void rejectsNoneAlgorithm() {
    var unsigned = new PlainJWT(client.es384(NOW).claims.build()).serialize();
    assertRejected("Bearer " + unsigned).hasMessageContaining("algorithm none not allowed");

    // "none" in the header but a (bogus) signature part appended: still refused on alg.
    String signed = client.es384(NOW).compact();
    String forged =
        base64Url("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"ec-1\"}")
            + signed.substring(signed.indexOf('.'));
    assertRejected("Bearer " + forged).hasMessageContaining("algorithm none not allowed");
  }

  @Test
  void rejectsHmacSignedToken() throws Exception {
    var token = client.es384(NOW);
    token.alg = JWSAlgorithm.HS256;
    token.signer = new MACSigner(new byte[32]);
    assertRejected(token.bearer()).hasMessageContaining("algorithm HS256 not allowed");

    // Key confusion attack: HS384 keyed with the client's public RSA key bytes.
    var confused = client.rs384(NOW);
    confused.alg = JWSAlgorithm.HS384;
    confused.signer = new MACSigner(client.rsaKey.toPublicKey().getEncoded());
    assertRejected(confused.bearer()).hasMessageContaining("algorithm HS384 not allowed");
  }

  @Test
  void rejectsEncryptedToken() throws Exception {
    var jwe =
        new EncryptedJWT(
            new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
            client.es384(NOW).claims.build());
    jwe.encrypt(new RSAEncrypter(client.rsaKey.toRSAPublicKey()));

    assertRejected("Bearer " + jwe.serialize()).hasMessageContaining("JWE");
  }

  @Test
  void rejectsWrongTyp() {
    var token = client.es384(NOW).header(new JOSEObjectType("at+jwt"), null);

    assertRejected(token.bearer()).hasMessageContaining("typ at+jwt not allowed");
  }

  @Test
  void rejectsMissingKid() {
    var token = client.es384(NOW);
    token.kid = null;

    assertRejected(token.bearer()).hasMessageContaining("missing kid");
  }

  @Test
  void rejectsUnknownIssuer() {
    var token = client.es384(NOW);
    token.claims.issuer("https://rogue-ehr.example.net/");

    assertRejected(token.bearer()).hasMessage("issuer not allowed: https://rogue-ehr.example.net/");
  }

  @Test
  void rejectsIssuerDifferingOnlyByTrailingSlash() {
    var token = client.es384(NOW);
    token.claims.issuer("https://ehr.example.org");

    assertRejected(token.bearer()).hasMessageContaining("issuer not allowed");
  }

  private static TestClient.Token signed(String alg) {
    return alg.equals("ES384") ? client.es384(NOW) : client.rs384(NOW);
  }

  /** The claim rules hold whichever recommended algorithm signed the token. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ES384", "RS384"})
  void rejectsEachClaimViolationWhicheverRecommendedAlgorithmSigned(String alg) throws Exception {
    var audience = signed(alg);
    audience.claims.audience("https://cds.example.org/cds-services/trial-matching/");
    assertRejected(audience.bearer()).hasMessageContaining("audience mismatch");

    var expired = signed(alg);
    expired.claims.expirationTime(java.util.Date.from(NOW.minusSeconds(61)));
    assertRejected(expired.bearer()).hasMessageContaining("token expired");

    var early = signed(alg);
    early.claims.notBeforeTime(java.util.Date.from(NOW.plusSeconds(120)));
    assertRejected(early.bearer()).hasMessageContaining("token not yet valid");

    var stranger = signed(alg);
    stranger.claims.issuer("https://other-ehr.example.org/");
    assertRejected(stranger.bearer()).hasMessageContaining("issuer not allowed");

    String once = signed(alg).bearer();
    assertThat(verifier.verify(once, SERVICE_URL).issuer()).isEqualTo(TestClient.ISS);
    assertRejected(once).hasMessageContaining("token replayed");
  }

  @Test
  void rejectsWrongAudience() {
    var token = client.es384(NOW);
    token.claims.audience("https://cds.example.org/cds-services/other-service");

    assertRejected(token.bearer())
        .hasMessageContaining("audience mismatch: expected " + SERVICE_URL)
        .hasMessageContaining("token has https://cds.example.org/cds-services/other-service");
  }

  @Test
  void rejectsMissingAudience() {
    var token = client.es384(NOW);
    token.claims.audience((String) null);

    assertRejected(token.bearer()).hasMessageContaining("missing aud claim");
  }

  @Test
  void rejectsExpiredToken() {
    var token = client.es384(NOW);
    token.claims.expirationTime(java.util.Date.from(NOW.minusSeconds(61)));
    token.claims.issueTime(java.util.Date.from(NOW.minusSeconds(361)));

    assertRejected(token.bearer()).hasMessageContaining("token expired");
  }

  @Test
  void acceptsTokenExpiredWithinClockSkew() throws Exception {
    var token = client.es384(NOW);
    token.claims.expirationTime(java.util.Date.from(NOW.minusSeconds(59)));

    assertThat(verifier.verify(token.bearer(), SERVICE_URL)).isNotNull();
  }

  @Test
  void rejectsMissingExp() {
    var token = client.es384(NOW);
    token.claims.expirationTime(null);

    assertRejected(token.bearer()).hasMessageContaining("missing exp claim");
  }

  @Test
  void rejectsTokenLivingBeyondTheReplayWindow() {
    var token = client.es384(NOW);
    token.claims.expirationTime(java.util.Date.from(NOW.plus(Duration.ofHours(2))));

    assertRejected(token.bearer()).hasMessageContaining("token lifetime too long");
  }

  @Test
  void rejectsNotYetValidToken() {
    var token = client.es384(NOW);
    token.claims.notBeforeTime(java.util.Date.from(NOW.plusSeconds(120)));

    assertRejected(token.bearer()).hasMessageContaining("token not yet valid");
  }

  @Test
  void rejectsTokenIssuedInTheFuture() {
    var token = client.es384(NOW);
    token.claims.issueTime(java.util.Date.from(NOW.plusSeconds(120)));

    assertRejected(token.bearer()).hasMessageContaining("token issued in the future");
  }

  @Test
  void rejectsMissingIat() {
    var token = client.es384(NOW);
    token.claims.issueTime(null);

    assertRejected(token.bearer()).hasMessageContaining("missing iat claim");
  }

  @Test
  void rejectsReplayedJti() throws Exception {
    String bearer = client.es384(NOW).bearer();
    verifier.verify(bearer, SERVICE_URL);

    assertRejected(bearer).hasMessageContaining("token replayed");
  }

  @Test
  void rejectsReusedJtiInAFreshlySignedToken() throws Exception {
    var first = client.es384(NOW);
    first.claims.jwtID("same-jti");
    var second = client.rs384(NOW);
    second.claims.jwtID("same-jti");
    verifier.verify(first.bearer(), SERVICE_URL);

    assertRejected(second.bearer()).hasMessageContaining("token replayed");
  }

  @Test
  void rejectsMissingJti() {
    var token = client.es384(NOW);
    token.claims.jwtID(null);

    assertRejected(token.bearer()).hasMessageContaining("missing jti claim");
  }

  @Test
  void rejectsTamperedSignature() {
    String[] parts = client.es384(NOW).compact().split("\\.");
    // Payload swapped for one naming another subject; signature kept.
    var other = client.es384(NOW);
    other.claims.subject("someone-else");
    String otherPayload = other.compact().split("\\.")[1];
    assertRejected("Bearer " + parts[0] + "." + otherPayload + "." + parts[2])
        .hasMessage("invalid signature");

    // Signature bytes flipped.
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 0x01;
    String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    assertRejected("Bearer " + parts[0] + "." + parts[1] + "." + flipped)
        .hasMessage("invalid signature");
  }

  @Test
  void rejectsTokenSignedByAnotherKeyUnderTheSameKid() {
    TestClient impostor = TestClient.generate("ec-1", "rsa-1");

    assertRejected(impostor.es384(NOW).bearer()).hasMessage("invalid signature");
  }

  @Test
  void rejectsUnknownKid() {
    var token = client.es384(NOW);
    token.kid = "ec-99";

    assertRejected(token.bearer())
        .hasMessageContaining("unknown key")
        .hasMessageContaining("kid ec-99");
  }

  @Test
  void rejectsAlgorithmThatDoesNotFitTheKey() {
    // RS384 header naming the EC key: no RSA key with that kid.
    var token = client.rs384(NOW);
    token.kid = client.ecKey.getKeyID();

    assertRejected(token.bearer()).hasMessageContaining("unknown key");
  }

  @Test
  void rejectsForeignJku() {
    var token =
        client.es384(NOW).header(JOSEObjectType.JWT, URI.create("https://evil.example/jwks"));

    assertRejected(token.bearer()).hasMessageContaining("jku not allowed");
  }

  @Test
  void rejectsWeakRsaKey() throws Exception {
    RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak").keyUse(KeyUse.SIGNATURE).generate();
    Path jwks =
        Files.writeString(dir.resolve("weak.json"), new JWKSet(weak).toPublicJWKSet().toString());
    verifier = verifierTrusting(jwks);
    var token = client.rs384(NOW);
    token.kid = "weak";
    token.signer = new RSASSASigner(weak, true);

    assertRejected(token.bearer()).hasMessageContaining("unknown key");
  }

  @Test
  void refusesDuplicateIssuerConfiguration() {
    Path jwks = client.writeJwks(dir);
    var duplicate = CdsSecurityProperties.Issuer.withFile(TestClient.ISS, jwks);
    var properties = CdsSecurityProperties.forIssuers(List.of(duplicate, duplicate));

    assertThatThrownBy(() -> new CdsJwtVerifier(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configured twice");
  }

  @Test
  void refusesUnreadableJwksFileNamingIt() {
    Path missing = dir.resolve("nope.json");
    var properties =
        CdsSecurityProperties.forIssuers(
            List.of(CdsSecurityProperties.Issuer.withFile(TestClient.ISS, missing)));

    assertThatThrownBy(() -> new CdsJwtVerifier(properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void echoedValuesAreBoundedAndFreeOfControlCharacters() {
    var token = client.es384(NOW);
    token.claims.issuer("https://x.example/\r\nInjected: yes" + "a".repeat(500));

    assertRejected(token.bearer())
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("\r", "\n");
              assertThat(e.getMessage().length()).isLessThan(200);
            });
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
  }
}
