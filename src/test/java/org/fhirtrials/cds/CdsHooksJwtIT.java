package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** End to end with JWT verification on: a real ES384 token from an allow-listed issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CdsHooksJwtIT {
  static final String ISS = "https://ehr.example.org/";
  static final ECKey KEY = generate();
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("cds-jwt");
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(KEY).toPublicJWKSet().toString());
    registry.add("fhirtrials.cds.verify-jwt", () -> "true");
    registry.add("fhirtrials.cds.issuers[0].iss", () -> ISS);
    registry.add("fhirtrials.cds.issuers[0].jwks-file", jwks::toString);
    registry.add("fhirtrials.cds.statuses", () -> "");
    registry.add("fhirtrials.cds.feedback-dir", () -> dir.resolve("feedback").toString());
  }

  @Test
  void signedCallFromAnAllowListedEhrGetsCards() throws Exception {
    String url = "http://localhost:" + port + "/cds-services/trial-matching";
    String body =
        CdsHooksIT.request("p", CdsHooksIT.prefetch(CdsHooksIT.seedBundle("NCT06178198-eligible")))
            .toString();
    HttpResponse<String> ok = send(url, body, token(url));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode json = JSON.readTree(ok.body());
    CdsResponseShape.assertValid(json);
    assertThat(CdsHooksIT.cardFor(json, "NCT06178198")).isNotNull();

    HttpResponse<String> wrongAudience = send(url, body, token(url + "-other"));
    assertThat(wrongAudience.statusCode()).isEqualTo(401);
    HttpResponse<String> none = send(url, body, null);
    assertThat(none.statusCode()).isEqualTo(401);
  }

  @Test
  void discoveryNeedsNoToken() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cds-services"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> send(String url, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String audience) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISS)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID(KEY.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new ECDSASigner(KEY));
    return jwt.serialize();
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_384).keyID("ehr-1").keyUse(KeyUse.SIGNATURE).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
