package org.fhirtrials.cds.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a CDS Hooks 2.0 service call from its {@code Authorization: Bearer <JWT>} header
 * (CDS Hooks 2.0 "Trusting CDS Clients"; DESIGN §4). Plain Java: no servlet or Spring MVC types, so
 * the same check serves a filter, a controller or a test.
 *
 * <p>A token is accepted only if all of these hold, checked in this order (first failure wins):
 *
 * <ol>
 *   <li>the header is {@code Bearer <compact JWS>};
 *   <li>JOSE header: {@code alg} is an asymmetric signature algorithm ({@link #ALLOWED_ALGORITHMS};
 *       {@code none}, HMAC and JWE are refused), {@code typ} absent or {@code JWT}, {@code kid}
 *       present;
 *   <li>{@code iss} is a configured issuer, and {@code jku}, if present, equals that issuer's
 *       configured JWKS URL exactly (a token's {@code jku} is never fetched);
 *   <li>the signature verifies with the issuer's key named by {@code kid};
 *   <li>{@code exp} present and not past, at most {@code replayWindow} ahead; {@code iat} present
 *       and {@code iat}/{@code nbf} not in the future (all with {@code clockSkew});
 *   <li>{@code aud} (string or array) contains exactly the URL of the service being called;
 *   <li>{@code jti} present and not used before by the same issuer while it could still be valid.
 * </ol>
 *
 * <p>Leniency, deliberate: CDS Hooks marks {@code typ} REQUIRED, but a missing {@code typ} carries
 * no risk and some clients omit it, so only a wrong one is refused. {@code kid} and {@code iat},
 * also REQUIRED, are enforced.
 */
public final class CdsJwtVerifier {

  private static final Logger log = LoggerFactory.getLogger(CdsJwtVerifier.class);

  /**
   * Asymmetric JWS algorithms accepted (RFC 7518 §3.1). CDS Hooks recommends ES384 and RS384; it
   * forbids {@code none} and every symmetric (HMAC) algorithm.
   */
  public static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private static final String BEARER_SCHEME = "bearer";
  private static final String TENANT_CLAIM = "tenant";

  /** Longest untrusted value (issuer, kid, ...) echoed back in an error description. */
  private static final int MAX_ECHOED_CHARS = 120;

  private final Map<String, IssuerKeys> issuers;
  private final Duration clockSkew;
  private final Duration replayWindow;
  private final SpentTokenIds replayCache;
  private final Clock clock;
  private final JWSVerifierFactory verifierFactory = new DefaultJWSVerifierFactory();

  public CdsJwtVerifier(CdsSecurityProperties properties) {
    this(properties, Clock.systemUTC());
  }

  /**
   * @throws IllegalArgumentException an issuer is configured twice or a JWKS URL is malformed
   * @throws IllegalStateException a JWKS file cannot be read
   */
  public CdsJwtVerifier(CdsSecurityProperties properties, Clock clock) {
    this(properties, clock, new JtiReplayCache(properties.replayCacheSize(), clock));
  }

  /** With spent token ids kept in {@code spent} (e.g. shared by replicas over PostgreSQL). */
  CdsJwtVerifier(CdsSecurityProperties properties, Clock clock, SpentTokenIds spent) {
    this.clock = clock;
    this.clockSkew = properties.clockSkew();
    this.replayWindow = properties.replayWindow();
    this.replayCache = spent;
    Map<String, IssuerKeys> byIss = new LinkedHashMap<>();
    for (CdsSecurityProperties.Issuer issuer : properties.issuers()) {
      if (byIss.put(issuer.iss(), IssuerKeys.of(issuer, properties.jwks())) != null) {
        throw new IllegalArgumentException(
            "fhirtrials.cds.issuers: issuer " + issuer.iss() + " is configured twice");
      }
    }
    this.issuers = Map.copyOf(byIss);
    if (issuers.isEmpty()) {
      log.warn(
          "CDS JWT verification is on but fhirtrials.cds.issuers is empty: every CDS service call"
              + " will be refused with 401.");
    } else {
      log.info("CDS JWT verification on; trusted issuers: {}", byIss.keySet());
    }
  }

  /**
   * Verifies the {@code Authorization} header of a call to the CDS service at {@code serviceUrl}.
   *
   * @param authorizationHeader the raw header value, or {@code null} when absent
   * @param serviceUrl the exact URL being called ({@code scheme://host[:port]/path}); the token's
   *     {@code aud} must contain it
   * @return the authenticated client; its {@code jti} is now spent
   * @throws CdsAuthenticationException naming the first rule the request breaks
   */
  public VerifiedCdsClient verify(String authorizationHeader, String serviceUrl)
      throws CdsAuthenticationException {
    String token = bearerToken(authorizationHeader);
    JWSHeader header = checkedHeader(token);
    SignedJWT jwt = parse(token);
    JWTClaimsSet claims = claims(jwt);
    IssuerKeys issuer = trustedIssuer(claims.getIssuer());
    checkJku(header, issuer);
    checkSignature(jwt, header, issuer);
    Instant now = clock.instant();
    Instant expiresAt = checkTimes(claims, now);
    checkAudience(claims, serviceUrl);
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      throw CdsAuthenticationException.invalidToken("missing jti claim");
    }
    spend(issuer.issuer(), jti, expiresAt);
    return new VerifiedCdsClient(
        issuer.issuer(), claims.getSubject(), tenant(claims), jti, expiresAt);
  }

  private static String bearerToken(String authorizationHeader) throws CdsAuthenticationException {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw CdsAuthenticationException.invalidRequest(
          "missing Authorization header (expected: Bearer <JWT>)");
    }
    String value = authorizationHeader.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER_SCHEME)) {
      throw CdsAuthenticationException.invalidRequest(
          "Authorization header is not a Bearer token (expected: Bearer <JWT>)");
    }
    String token = value.substring(space + 1).strip();
    if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
      throw CdsAuthenticationException.invalidRequest(
          "Authorization header is not a Bearer token (expected: Bearer <JWT>)");
    }
    return token;
  }

  /** Checks alg, typ and kid before anything else is parsed or trusted. */
  private static JWSHeader checkedHeader(String token) throws CdsAuthenticationException {
    Header header;
    try {
      Base64URL[] parts = JOSEObject.split(token);
      header = Header.parse(parts[0]);
    } catch (ParseException e) {
      throw CdsAuthenticationException.invalidToken("malformed JWT: " + echo(e.getMessage()));
    }
    Algorithm alg = header.getAlgorithm();
    if (Algorithm.NONE.equals(alg)) {
      throw CdsAuthenticationException.invalidToken(
          "algorithm none not allowed: CDS Hooks JWTs must be signed");
    }
    if (!(header instanceof JWSHeader jwsHeader)) {
      throw CdsAuthenticationException.invalidToken(
          "algorithm "
              + echo(alg.getName())
              + " not allowed: encrypted JWTs (JWE) are not accepted");
    }
    if (JWSAlgorithm.Family.HMAC_SHA.contains(jwsHeader.getAlgorithm())) {
      throw CdsAuthenticationException.invalidToken(
          "algorithm "
              + jwsHeader.getAlgorithm().getName()
              + " not allowed: CDS Hooks forbids symmetric (HMAC) signatures");
    }
    if (!ALLOWED_ALGORITHMS.contains(jwsHeader.getAlgorithm())) {
      throw CdsAuthenticationException.invalidToken(
          "algorithm "
              + echo(jwsHeader.getAlgorithm().getName())
              + " not allowed (allowed: "
              + allowedAlgorithmNames()
              + ")");
    }
    JOSEObjectType typ = jwsHeader.getType();
    if (typ != null && !JOSEObjectType.JWT.getType().equalsIgnoreCase(typ.getType())) {
      throw CdsAuthenticationException.invalidToken(
          "typ " + echo(typ.getType()) + " not allowed: must be JWT");
    }
    if (jwsHeader.getKeyID() == null || jwsHeader.getKeyID().isBlank()) {
      throw CdsAuthenticationException.invalidToken("missing kid header");
    }
    return jwsHeader;
  }

  private static SignedJWT parse(String token) throws CdsAuthenticationException {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw CdsAuthenticationException.invalidToken("malformed JWT: " + echo(e.getMessage()));
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws CdsAuthenticationException {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw CdsAuthenticationException.invalidToken(
          "malformed JWT claims: " + echo(e.getMessage()));
    }
  }

  private IssuerKeys trustedIssuer(String iss) throws CdsAuthenticationException {
    if (iss == null || iss.isBlank()) {
      throw CdsAuthenticationException.invalidToken("missing iss claim");
    }
    IssuerKeys issuer = issuers.get(iss);
    if (issuer == null) {
      throw CdsAuthenticationException.invalidToken("issuer not allowed: " + echo(iss));
    }
    return issuer;
  }

  private static void checkJku(JWSHeader header, IssuerKeys issuer)
      throws CdsAuthenticationException {
    if (header.getJWKURL() == null) {
      return;
    }
    String jku = header.getJWKURL().toString();
    if (issuer.jwksUrl() == null) {
      throw CdsAuthenticationException.invalidToken(
          "jku not allowed: issuer " + echo(issuer.issuer()) + " has locally configured keys");
    }
    if (!jku.equals(issuer.jwksUrl().toString())) {
      throw CdsAuthenticationException.invalidToken(
          "jku "
              + echo(jku)
              + " not allowed: it is not the JWKS URL configured for issuer "
              + echo(issuer.issuer()));
    }
  }

  private void checkSignature(SignedJWT jwt, JWSHeader header, IssuerKeys issuer)
      throws CdsAuthenticationException {
    List<Key> keys;
    try {
      keys = issuer.verificationKeys(header);
    } catch (RateLimitReachedException e) {
      throw unknownKid(header, issuer, " (JWKS refetch rate-limited; retry later)");
    } catch (KeySourceException e) {
      log.warn("CDS issuer {}: JWKS unavailable: {}", issuer.issuer(), e.getMessage());
      throw CdsAuthenticationException.unavailable(
          "keys of issuer " + echo(issuer.issuer()) + " cannot be retrieved; retry later");
    }
    if (keys.isEmpty()) {
      throw unknownKid(header, issuer, "");
    }
    for (Key key : keys) {
      try {
        if (jwt.verify(verifierFactory.createJWSVerifier(header, key))) {
          return;
        }
      } catch (JOSEException e) {
        log.debug("CDS issuer {}: key {} unusable: {}", issuer.issuer(), header.getKeyID(), e);
      }
    }
    throw CdsAuthenticationException.invalidToken("invalid signature");
  }

  private static CdsAuthenticationException unknownKid(
      JWSHeader header, IssuerKeys issuer, String note) {
    return CdsAuthenticationException.invalidToken(
        "unknown key: issuer "
            + echo(issuer.issuer())
            + " has no "
            + header.getAlgorithm().getName()
            + " key with kid "
            + echo(header.getKeyID())
            + note);
  }

  /** Returns the expiry. */
  private Instant checkTimes(JWTClaimsSet claims, Instant now) throws CdsAuthenticationException {
    Instant exp = instant(claims.getExpirationTime());
    if (exp == null) {
      throw CdsAuthenticationException.invalidToken("missing exp claim");
    }
    if (now.isAfter(exp.plus(clockSkew))) {
      throw CdsAuthenticationException.invalidToken("token expired at " + exp);
    }
    if (exp.isAfter(now.plus(replayWindow).plus(clockSkew))) {
      throw CdsAuthenticationException.invalidToken(
          "token lifetime too long: exp "
              + exp
              + " is more than "
              + replayWindow.toSeconds()
              + " s ahead");
    }
    Instant iat = instant(claims.getIssueTime());
    if (iat == null) {
      throw CdsAuthenticationException.invalidToken("missing iat claim");
    }
    if (iat.isAfter(now.plus(clockSkew))) {
      throw CdsAuthenticationException.invalidToken("token issued in the future (iat " + iat + ")");
    }
    Instant nbf = instant(claims.getNotBeforeTime());
    if (nbf != null && nbf.isAfter(now.plus(clockSkew))) {
      throw CdsAuthenticationException.invalidToken("token not yet valid (nbf " + nbf + ")");
    }
    return exp;
  }

  private static void checkAudience(JWTClaimsSet claims, String serviceUrl)
      throws CdsAuthenticationException {
    List<String> audience = claims.getAudience();
    if (audience.isEmpty()) {
      throw CdsAuthenticationException.invalidToken("missing aud claim: expected " + serviceUrl);
    }
    if (!audience.contains(serviceUrl)) {
      throw CdsAuthenticationException.invalidToken(
          "audience mismatch: expected "
              + serviceUrl
              + ", token has "
              + echo(audience.size() == 1 ? audience.get(0) : audience.toString()));
    }
  }

  private void spend(String issuer, String jti, Instant expiresAt)
      throws CdsAuthenticationException {
    switch (replayCache.register(issuer, jti, expiresAt.plus(clockSkew))) {
      case FIRST_USE -> {}
      case REPLAYED ->
          throw CdsAuthenticationException.invalidToken(
              "token replayed: jti " + echo(jti) + " was already used");
      case FULL -> {
        log.warn(
            "CDS token ids cannot be recorded (replay cache full, or the database failed);"
                + " refusing new tokens. In memory: raise fhirtrials.cds.replay-cache-size or lower"
                + " replay-window.");
        throw CdsAuthenticationException.unavailable("too many recent tokens; retry later");
      }
    }
  }

  private static String tenant(JWTClaimsSet claims) {
    Object tenant = claims.getClaim(TENANT_CLAIM);
    return tenant instanceof String s ? s : null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String allowedAlgorithmNames() {
    return ALLOWED_ALGORITHMS.stream()
        .map(JWSAlgorithm::getName)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /**
   * An untrusted value fit to echo in an error description: control characters replaced, length
   * bounded.
   */
  static String echo(String untrusted) {
    if (untrusted == null) {
      return "null";
    }
    String clean = untrusted.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= MAX_ECHOED_CHARS
        ? clean
        : clean.substring(0, MAX_ECHOED_CHARS) + "...";
  }
}
