package org.fhirtrials.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS fetched over real HTTP from an in-test server on a random loopback port. */
class CdsJwtVerifierJwksUrlTest {

  private static final String SERVICE_URL = TestClient.SERVICE_URL;

  private final TestClient client = TestClient.generate("ec-1", "rsa-1");
  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile Duration responseDelay = Duration.ZERO;
  private HttpServer server;
  private URI jwksUrl;

  @BeforeEach
  void startServer() throws IOException {
    published.set(client.publicJwks());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          try {
            Thread.sleep(responseDelay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    jwksUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private CdsJwtVerifier verifier(Duration readTimeout) {
    var properties =
        new CdsSecurityProperties(
            true,
            List.of(CdsSecurityProperties.Issuer.withUrl(TestClient.ISS, jwksUrl)),
            Duration.ofSeconds(60),
            Duration.ofHours(1),
            1000,
            false,
            new CdsSecurityProperties.Jwks(
                Duration.ofSeconds(1), readTimeout, Duration.ofMinutes(5), Duration.ofSeconds(30)));
    return new CdsJwtVerifier(properties);
  }

  @Test
  void fetchesJwksOnceAndServesFurtherTokensFromCache() throws Exception {
    var verifier = verifier(Duration.ofSeconds(2));

    verifier.verify(client.es384(Instant.now()).bearer(), SERVICE_URL);
    verifier.verify(client.rs384(Instant.now()).bearer(), SERVICE_URL);
    verifier.verify(client.es384(Instant.now()).bearer(), SERVICE_URL);

    assertThat(fetches).hasValue(1);
  }

  @Test
  void refetchesOnceWhenTheClientRotatesToANewKid() throws Exception {
    var verifier = verifier(Duration.ofSeconds(2));
    verifier.verify(client.es384(Instant.now()).bearer(), SERVICE_URL);
    assertThat(fetches).hasValue(1);

    TestClient rotated = TestClient.generate("ec-2", "rsa-2");
    List<JWK> keys = new ArrayList<>(client.publicJwks().getKeys());
    keys.addAll(rotated.publicJwks().getKeys());
    published.set(new JWKSet(keys));

    verifier.verify(rotated.es384(Instant.now()).bearer(), SERVICE_URL);
    assertThat(fetches).hasValue(2);
    verifier.verify(rotated.rs384(Instant.now()).bearer(), SERVICE_URL);
    verifier.verify(client.es384(Instant.now()).bearer(), SERVICE_URL);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void unknownKidsCannotDriveUnboundedFetches() throws Exception {
    var verifier = verifier(Duration.ofSeconds(2));
    verifier.verify(client.es384(Instant.now()).bearer(), SERVICE_URL);

    for (int i = 0; i < 10; i++) {
      var token = client.es384(Instant.now());
      token.kid = "bogus-" + i;
      assertThatThrownBy(() -> verifier.verify(token.bearer(), SERVICE_URL))
          .isInstanceOf(CdsAuthenticationException.class)
          .hasMessageContaining("unknown key");
    }

    // Rate limit: nimbus lets a couple of refetches through per interval (for rotations), no more.
    assertThat(fetches.get()).isLessThanOrEqualTo(3);
  }

  @Test
  void rejectsForeignJkuWithoutFetchingIt() {
    var verifier = verifier(Duration.ofSeconds(2));
    URI foreign = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/other.json");
    var token = client.es384(Instant.now()).header(JOSEObjectType.JWT, foreign);

    assertThatThrownBy(() -> verifier.verify(token.bearer(), SERVICE_URL))
        .isInstanceOf(CdsAuthenticationException.class)
        .hasMessageContaining("jku " + foreign + " not allowed");
    assertThat(fetches).hasValue(0);
  }

  @Test
  void acceptsJkuEqualToTheConfiguredUrl() throws Exception {
    var verifier = verifier(Duration.ofSeconds(2));
    var token = client.es384(Instant.now()).header(JOSEObjectType.JWT, jwksUrl);

    assertThat(verifier.verify(token.bearer(), SERVICE_URL).issuer()).isEqualTo(TestClient.ISS);
  }

  @Test
  void slowJwksEndpointAnswersServiceUnavailableWithinTheTimeout() {
    var verifier = verifier(Duration.ofMillis(200));
    responseDelay = Duration.ofMillis(1500);

    long started = System.nanoTime();
    assertThatThrownBy(() -> verifier.verify(client.es384(Instant.now()).bearer(), SERVICE_URL))
        .isInstanceOf(CdsAuthenticationException.class)
        .hasFieldOrPropertyWithValue("httpStatus", 503)
        .hasFieldOrPropertyWithValue("error", "temporarily_unavailable")
        .hasMessageContaining("cannot be retrieved");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));
  }
}
