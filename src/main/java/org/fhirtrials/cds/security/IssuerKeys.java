package org.fhirtrials.cds.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys of one trusted issuer: a JWK set fetched from a URL (HTTP timeouts, response size
 * limit, cache with refetch on an unknown {@code kid}, refetches rate-limited; all by nimbus'
 * {@link JWKSourceBuilder}), or read once at startup from a local file.
 */
final class IssuerKeys {

  private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

  /** Upper bound of a fetched JWK set document; real ones are a few kB. */
  static final int MAX_JWKS_BYTES = 64 * 1024;

  /** RSA keys shorter than this are not trusted (RFC 7518 §3.3 requires 2048 bits or more). */
  static final int MIN_RSA_KEY_BITS = 2048;

  /** Time a request waits for a JWKS fetch already under way in another thread, beyond HTTP. */
  private static final Duration REFRESH_WAIT_MARGIN = Duration.ofSeconds(1);

  private final String issuer;
  private final URI jwksUrl;
  private final JWSVerificationKeySelector<SecurityContext> keySelector;

  private IssuerKeys(String issuer, URI jwksUrl, JWKSource<SecurityContext> source) {
    this.issuer = issuer;
    this.jwksUrl = jwksUrl;
    this.keySelector = new JWSVerificationKeySelector<>(CdsJwtVerifier.ALLOWED_ALGORITHMS, source);
  }

  static IssuerKeys of(CdsSecurityProperties.Issuer config, CdsSecurityProperties.Jwks jwks) {
    return config.jwksUrl() != null
        ? fromUrl(config.iss(), config.jwksUrl(), jwks)
        : fromFile(config);
  }

  private static IssuerKeys fromUrl(String issuer, URI url, CdsSecurityProperties.Jwks jwks) {
    if ("http".equals(url.getScheme())) {
      log.warn(
          "CDS issuer {}: JWKS URL {} is plain http; its keys can be forged in transit. Use https"
              + " outside local testing.",
          issuer,
          url);
    }
    var retriever =
        new DefaultResourceRetriever(
            Math.toIntExact(jwks.connectTimeout().toMillis()),
            Math.toIntExact(jwks.readTimeout().toMillis()),
            MAX_JWKS_BYTES);
    Duration refreshWait = jwks.connectTimeout().plus(jwks.readTimeout()).plus(REFRESH_WAIT_MARGIN);
    try {
      JWKSource<SecurityContext> source =
          JWKSourceBuilder.<SecurityContext>create(url.toURL(), retriever)
              .cache(jwks.cacheTtl().toMillis(), refreshWait.toMillis())
              .refreshAheadCache(false)
              .rateLimited(jwks.minRefreshInterval().toMillis())
              .retrying(false)
              .outageTolerant(false)
              .build();
      return new IssuerKeys(issuer, url, source);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fhirtrials.cds.issuers[" + issuer + "].jwks-url is not a valid URL: " + url, e);
    }
  }

  private static IssuerKeys fromFile(CdsSecurityProperties.Issuer config) {
    JWKSet set;
    try {
      set = JWKSet.load(config.jwksFile().toFile());
    } catch (IOException | ParseException e) {
      throw new IllegalStateException(
          "fhirtrials.cds.issuers["
              + config.iss()
              + "].jwks-file "
              + config.jwksFile()
              + " cannot be read as a JWK set: "
              + e.getMessage(),
          e);
    }
    if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
      log.warn(
          "CDS issuer {}: JWKS file {} contains PRIVATE key material; only the public parts are"
              + " used. Remove the private keys from this server.",
          config.iss(),
          config.jwksFile());
    }
    if (set.isEmpty()) {
      log.warn(
          "CDS issuer {}: JWKS file {} holds no keys; every token of this issuer will be refused.",
          config.iss(),
          config.jwksFile());
    }
    return new IssuerKeys(config.iss(), null, new ImmutableJWKSet<>(set.toPublicJWKSet()));
  }

  String issuer() {
    return issuer;
  }

  /** The configured JWKS URL, or {@code null} for keys from a local file. */
  URI jwksUrl() {
    return jwksUrl;
  }

  /**
   * Public keys of this issuer that match the header's {@code kid} and fit its algorithm (key type,
   * EC curve, {@code use} sig or absent, JWK {@code alg} absent or equal). Fetches the JWK set
   * again when a URL-configured set does not hold the {@code kid} (rate-limited).
   *
   * @throws KeySourceException the JWK set could not be fetched, or a refetch was rate-limited
   */
  List<Key> verificationKeys(JWSHeader header) throws KeySourceException {
    return keySelector.selectJWSKeys(header, null).stream()
        .filter(key -> !isWeakRsaKey(key))
        .toList();
  }

  private boolean isWeakRsaKey(Key key) {
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_KEY_BITS) {
      log.warn(
          "CDS issuer {}: ignoring a {}-bit RSA key (at least {} bits required)",
          issuer,
          rsa.getModulus().bitLength(),
          MIN_RSA_KEY_BITS);
      return true;
    }
    return false;
  }
}
