package org.fhirtrials.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CdsAuthenticationFilterTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
  private static final String SERVICE_PATH = "/cds-services/trial-matching";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestClient client;

  @TempDir Path dir;
  private CdsSecurityProperties properties;

  @BeforeAll
  static void generateKeys() {
    client = TestClient.generate();
  }

  @BeforeEach
  void setUp() {
    properties =
        CdsSecurityProperties.forIssuers(
            List.of(CdsSecurityProperties.Issuer.withFile(TestClient.ISS, client.writeJwks(dir))));
  }

  private CdsAuthenticationFilter filter(boolean trustForwardedHeaders) {
    return CdsAuthenticationFilter.enforcing(
        new CdsJwtVerifier(properties, Clock.fixed(NOW, ZoneOffset.UTC)), trustForwardedHeaders);
  }

  /** POST https://cds.example.org/cds-services/trial-matching, as the public URL. */
  private static MockHttpServletRequest publicPost(String authorization) {
    var request = new MockHttpServletRequest("POST", SERVICE_PATH);
    request.setScheme("https");
    request.setServerName("cds.example.org");
    request.setServerPort(443);
    request.setSecure(true);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }

  private record Outcome(MockHttpServletResponse response, MockFilterChain chain) {
    boolean passed() {
      return chain.getRequest() != null;
    }

    JsonNode body() throws Exception {
      return JSON.readTree(response.getContentAsString());
    }
  }

  private static Outcome run(CdsAuthenticationFilter filter, MockHttpServletRequest request)
      throws Exception {
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    return new Outcome(response, chain);
  }

  @Test
  void passesValidTokenAndExposesTheVerifiedClient() throws Exception {
    var request = publicPost(client.es384(NOW).bearer());

    Outcome outcome = run(filter(false), request);

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.response().getStatus()).isEqualTo(200);
    assertThat(request.getAttribute(VerifiedCdsClient.ISSUER_ATTRIBUTE)).isEqualTo(TestClient.ISS);
    assertThat(request.getAttribute(VerifiedCdsClient.SUBJECT_ATTRIBUTE))
        .isEqualTo("practitioner-123");
    assertThat(request.getAttribute(VerifiedCdsClient.REQUEST_ATTRIBUTE))
        .isInstanceOf(VerifiedCdsClient.class);
  }

  @Test
  void refusesMissingTokenWith401JsonAndBareChallenge() throws Exception {
    Outcome outcome = run(filter(false), publicPost(null));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.response().getStatus()).isEqualTo(401);
    assertThat(outcome.response().getContentType()).startsWith("application/json");
    assertThat(outcome.response().getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"cds-services\"");
    assertThat(outcome.response().getHeader("Cache-Control")).isEqualTo("no-store");
    JsonNode body = outcome.body();
    assertThat(body.size()).isEqualTo(2);
    assertThat(body.get("error").asText()).isEqualTo("invalid_request");
    assertThat(body.get("error_description").asText())
        .isEqualTo("missing Authorization header (expected: Bearer <JWT>)");
  }

  @Test
  void refusesExpiredTokenWithInvalidTokenChallenge() throws Exception {
    var token = client.es384(NOW);
    token.claims.expirationTime(Date.from(NOW.minus(Duration.ofMinutes(10))));
    token.claims.issueTime(Date.from(NOW.minus(Duration.ofMinutes(15))));

    Outcome outcome = run(filter(false), publicPost(token.bearer()));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.response().getStatus()).isEqualTo(401);
    assertThat(outcome.response().getHeader("WWW-Authenticate"))
        .startsWith("Bearer realm=\"cds-services\", error=\"invalid_token\", error_description=\"")
        .contains("token expired");
    JsonNode body = outcome.body();
    assertThat(body.get("error").asText()).isEqualTo("invalid_token");
    assertThat(body.get("error_description").asText()).startsWith("token expired at ");
    assertThat(outcome.response().getContentAsString()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void audienceIsTheExactUrlCalledIncludingANonDefaultPort() throws Exception {
    var token = client.es384(NOW);
    token.claims.audience("http://cds.example.org:8080/cds-services/trial-matching");
    var request = new MockHttpServletRequest("POST", SERVICE_PATH);
    request.setServerName("cds.example.org");
    request.setServerPort(8080);
    request.addHeader("Authorization", token.bearer());

    assertThat(run(filter(false), request).passed()).isTrue();
  }

  @Test
  void refusesTokenMeantForAnotherServiceNamingTheExpectedAudience() throws Exception {
    var token = client.es384(NOW);
    token.claims.audience("https://cds.example.org/cds-services/other");

    Outcome outcome = run(filter(false), publicPost(token.bearer()));

    assertThat(outcome.body().get("error_description").asText())
        .startsWith(
            "audience mismatch: expected https://cds.example.org/cds-services/trial-matching");
  }

  /** A request as a TLS-terminating proxy forwards it to the app on its internal address. */
  private static MockHttpServletRequest proxiedPost(String authorization) {
    var request = new MockHttpServletRequest("POST", SERVICE_PATH);
    request.setServerName("10.0.0.5");
    request.setServerPort(8080);
    request.addHeader("X-Forwarded-Proto", "https");
    request.addHeader("X-Forwarded-Host", "cds.example.org");
    request.addHeader("Authorization", authorization);
    return request;
  }

  @Test
  void ignoresForwardedHeadersUnlessConfigured() throws Exception {
    Outcome outcome = run(filter(false), proxiedPost(client.es384(NOW).bearer()));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.body().get("error_description").asText())
        .startsWith("audience mismatch: expected http://10.0.0.5:8080" + SERVICE_PATH);
  }

  @Test
  void honoursForwardedHeadersWhenConfigured() throws Exception {
    assertThat(run(filter(true), proxiedPost(client.es384(NOW).bearer())).passed()).isTrue();

    var prefixed = proxiedPost(client.es384(NOW).bearer());
    prefixed.addHeader("X-Forwarded-Prefix", "/trials");
    Outcome outcome = run(filter(true), prefixed);
    assertThat(outcome.body().get("error_description").asText())
        .startsWith("audience mismatch: expected https://cds.example.org/trials" + SERVICE_PATH);
  }

  @Test
  void refusesMalformedForwardedHost() throws Exception {
    var request = proxiedPost(client.es384(NOW).bearer());
    request.removeHeader("X-Forwarded-Host");
    request.addHeader("X-Forwarded-Host", "evil.example/path@x");

    Outcome outcome = run(filter(true), request);

    assertThat(outcome.response().getStatus()).isEqualTo(401);
    assertThat(outcome.body().get("error_description").asText())
        .contains("malformed X-Forwarded-Host");
  }

  @Test
  void discoveryGetPassesUnauthenticated() throws Exception {
    var request = new MockHttpServletRequest("GET", "/cds-services");

    Outcome outcome = run(filter(false), request);

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.response().getHeader("WWW-Authenticate")).isNull();
  }

  @Test
  void corsPreflightAndOtherPathsPassUnauthenticated() throws Exception {
    assertThat(run(filter(false), new MockHttpServletRequest("OPTIONS", SERVICE_PATH)).passed())
        .isTrue();
    assertThat(run(filter(false), new MockHttpServletRequest("POST", "/fhir/r4/Patient")).passed())
        .isTrue();
    assertThat(run(filter(false), new MockHttpServletRequest("POST", "/cds-servicesX")).passed())
        .isTrue();
  }

  @Test
  void guardsFeedbackAndPathVariants() throws Exception {
    for (String path :
        List.of(
            "/cds-services/trial-matching/feedback",
            "/cds-services",
            "//cds-services/trial-matching",
            "/cds-services;x=1/trial-matching")) {
      Outcome outcome = run(filter(false), new MockHttpServletRequest("POST", path));
      assertThat(outcome.passed()).as(path).isFalse();
      assertThat(outcome.response().getStatus()).as(path).isEqualTo(401);
    }
  }

  @Test
  void disabledModePassesEverything() throws Exception {
    Outcome outcome = run(CdsAuthenticationFilter.disabled(), publicPost(null));

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.response().getStatus()).isEqualTo(200);
  }

  @Test
  void challengeCarriesNoCharactersFromTheTokenThatBreakTheHeader() throws Exception {
    var token = client.es384(NOW);
    token.claims.issuer("https://x.example/\", error=\"none");

    Outcome outcome = run(filter(false), publicPost(token.bearer()));

    String challenge = outcome.response().getHeader("WWW-Authenticate");
    String description = challenge.substring(challenge.indexOf("error_description=\"") + 19);
    assertThat(description.substring(0, description.length() - 1)).doesNotContain("\"", "\\");
    assertThat(outcome.body().get("error_description").asText())
        .isEqualTo("issuer not allowed: https://x.example/\", error=\"none");
  }
}
