package org.fhirtrials.cds.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for authenticating CDS Hooks service calls ({@code fhirtrials.cds.*}).
 *
 * <pre>
 * fhirtrials:
 *   cds:
 *     verify-jwt: true                 # false = NO authentication (development only; WARN at startup)
 *     clock-skew: 60s                  # tolerance on exp / nbf / iat
 *     replay-window: 1h                # jti memory; tokens whose exp lies further ahead are refused
 *     replay-cache-size: 100000        # at most this many remembered jti (full = refuse, never forget)
 *     trust-forwarded-headers: false   # build the expected aud from X-Forwarded-* (only behind a proxy)
 *     issuers:
 *       - iss: https://ehr.example.org/
 *         jwks-url: https://ehr.example.org/.well-known/jwks.json
 *       - iss: https://other-ehr.example.org
 *         jwks-file: /etc/fhir-trials/other-ehr-jwks.json
 *     jwks:
 *       connect-timeout: 2s
 *       read-timeout: 2s
 *       cache-ttl: 5m                  # a cached JWKS is refetched after this, or on an unknown kid
 *       min-refresh-interval: 30s      # rate limit for refetches triggered by unknown kids
 * </pre>
 *
 * @param verifyJwt whether {@code POST /cds-services/**} requires a valid CDS Hooks JWT
 * @param issuers allow-list of trusted CDS clients ({@code iss}) and where their public keys are
 * @param clockSkew tolerance applied to the time claims
 * @param replayWindow how long a {@code jti} is remembered at most; bounds the accepted token life
 * @param replayCacheSize upper bound of remembered {@code jti} values
 * @param trustForwardedHeaders honour {@code X-Forwarded-Proto/-Host/-Port/-Prefix} when building
 *     the service URL the {@code aud} claim must equal
 * @param jwks fetching and caching of remote JWK sets
 */
@ConfigurationProperties(prefix = "fhirtrials.cds")
public record CdsSecurityProperties(
    @DefaultValue("true") boolean verifyJwt,
    List<Issuer> issuers,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("1h") Duration replayWindow,
    @DefaultValue("100000") int replayCacheSize,
    @DefaultValue("false") boolean trustForwardedHeaders,
    @DefaultValue Jwks jwks) {

  static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofHours(1);
  static final int DEFAULT_REPLAY_CACHE_SIZE = 100_000;

  public CdsSecurityProperties {
    issuers = issuers == null ? List.of() : List.copyOf(issuers);
    clockSkew = positiveOr(clockSkew, DEFAULT_CLOCK_SKEW, "clock-skew", true);
    replayWindow = positiveOr(replayWindow, DEFAULT_REPLAY_WINDOW, "replay-window", false);
    if (replayCacheSize <= 0) {
      throw new IllegalArgumentException(
          "fhirtrials.cds.replay-cache-size must be positive, was " + replayCacheSize);
    }
    jwks = jwks == null ? Jwks.defaults() : jwks;
  }

  /** Verification on, the given issuers, every other setting at its default. */
  public static CdsSecurityProperties forIssuers(List<Issuer> issuers) {
    return new CdsSecurityProperties(
        true,
        issuers,
        DEFAULT_CLOCK_SKEW,
        DEFAULT_REPLAY_WINDOW,
        DEFAULT_REPLAY_CACHE_SIZE,
        false,
        Jwks.defaults());
  }

  /**
   * One trusted CDS client. Exactly one of {@code jwksUrl} and {@code jwksFile} is set. A token's
   * {@code jku} header, when present, must equal {@code jwksUrl} character for character; an issuer
   * configured with a file therefore accepts only tokens without {@code jku}.
   */
  public record Issuer(String iss, URI jwksUrl, Path jwksFile) {
    public Issuer {
      if (iss == null || iss.isBlank()) {
        throw new IllegalArgumentException("fhirtrials.cds.issuers[].iss must not be blank");
      }
      if ((jwksUrl == null) == (jwksFile == null)) {
        throw new IllegalArgumentException(
            "fhirtrials.cds.issuers["
                + iss
                + "]: set exactly one of jwks-url and jwks-file (got "
                + (jwksUrl == null ? "neither" : "both")
                + ")");
      }
      if (jwksUrl != null
          && !("https".equals(jwksUrl.getScheme()) || "http".equals(jwksUrl.getScheme()))) {
        throw new IllegalArgumentException(
            "fhirtrials.cds.issuers[" + iss + "].jwks-url must be an http(s) URL: " + jwksUrl);
      }
    }

    public static Issuer withUrl(String iss, URI jwksUrl) {
      return new Issuer(iss, jwksUrl, null);
    }

    public static Issuer withFile(String iss, Path jwksFile) {
      return new Issuer(iss, null, jwksFile);
    }
  }

  /** Remote JWK set retrieval: HTTP timeouts, cache lifetime and refetch rate limit. */
  public record Jwks(
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("2s") Duration readTimeout,
      @DefaultValue("5m") Duration cacheTtl,
      @DefaultValue("30s") Duration minRefreshInterval) {

    public Jwks {
      connectTimeout =
          positiveOr(connectTimeout, Duration.ofSeconds(2), "jwks.connect-timeout", false);
      readTimeout = positiveOr(readTimeout, Duration.ofSeconds(2), "jwks.read-timeout", false);
      cacheTtl = positiveOr(cacheTtl, Duration.ofMinutes(5), "jwks.cache-ttl", false);
      minRefreshInterval =
          positiveOr(
              minRefreshInterval, Duration.ofSeconds(30), "jwks.min-refresh-interval", false);
    }

    public static Jwks defaults() {
      return new Jwks(null, null, null, null);
    }
  }

  private static Duration positiveOr(
      Duration value, Duration fallback, String name, boolean zeroAllowed) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw new IllegalArgumentException(
          "fhirtrials.cds."
              + name
              + " must be "
              + (zeroAllowed ? ">= 0" : "> 0")
              + ", was "
              + value);
    }
    return value;
  }
}
