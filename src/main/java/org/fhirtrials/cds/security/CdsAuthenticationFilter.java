package org.fhirtrials.cds.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Requires a valid CDS Hooks JWT ({@link CdsJwtVerifier}) on calls to CDS services: every request
 * under {@code /cds-services/} except CORS preflights ({@code OPTIONS}), and every request to
 * {@code /cds-services} itself except discovery ({@code GET}/{@code HEAD}), which stays open. So
 * {@code POST /cds-services/{id}} and {@code .../feedback} are guarded, and so is any method a
 * later endpoint might add (fail closed). Other paths pass untouched.
 *
 * <p>Refusal: status 401 (503 when the issuer's keys cannot be fetched), JSON body {@code {"error":
 * ..., "error_description": ...}}, {@code WWW-Authenticate: Bearer realm="cds-services",
 * error="invalid_token", error_description="..."} (RFC 6750 §3; no error code when the request had
 * no Authorization header at all, §3.1). Success: the {@link VerifiedCdsClient} and its issuer and
 * subject as request attributes.
 */
public final class CdsAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CdsAuthenticationFilter.class);

  static final String CDS_SERVICES_PATH = "/cds-services";
  static final String REALM = "cds-services";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

  private final CdsJwtVerifier verifier;
  private final boolean trustForwardedHeaders;

  private CdsAuthenticationFilter(CdsJwtVerifier verifier, boolean trustForwardedHeaders) {
    this.verifier = verifier;
    this.trustForwardedHeaders = trustForwardedHeaders;
  }

  /** A filter that refuses CDS service calls without a valid token. */
  public static CdsAuthenticationFilter enforcing(
      CdsJwtVerifier verifier, boolean trustForwardedHeaders) {
    if (verifier == null) {
      throw new IllegalArgumentException("verifier is required; use disabled() to turn checks off");
    }
    return new CdsAuthenticationFilter(verifier, trustForwardedHeaders);
  }

  /** A filter that lets everything through ({@code fhirtrials.cds.verify-jwt=false}). */
  public static CdsAuthenticationFilter disabled() {
    log.warn(
        "!!! CDS Hooks JWT verification is DISABLED (fhirtrials.cds.verify-jwt=false): ANY caller"
            + " can invoke the CDS services and read what they return. Never run like this with"
            + " real patient data. !!!");
    return new CdsAuthenticationFilter(null, false);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isGuarded(request.getMethod(), PATHS.getPathWithinApplication(request));
  }

  static boolean isGuarded(String method, String path) {
    if ("OPTIONS".equals(method)) {
      return false;
    }
    if (path.equals(CDS_SERVICES_PATH) || path.equals(CDS_SERVICES_PATH + "/")) {
      return !("GET".equals(method) || "HEAD".equals(method));
    }
    return path.startsWith(CDS_SERVICES_PATH + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (verifier == null) {
      log.debug(
          "CDS JWT verification disabled: {} {} passes unauthenticated",
          request.getMethod(),
          request.getRequestURI());
      chain.doFilter(request, response);
      return;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    VerifiedCdsClient client;
    try {
      String serviceUrl = CdsServiceUrl.of(request, trustForwardedHeaders);
      client = verifier.verify(authorization, serviceUrl);
    } catch (CdsAuthenticationException e) {
      log.info(
          "CDS call refused ({}): {} {}: {}",
          e.httpStatus(),
          request.getMethod(),
          CdsJwtVerifier.echo(request.getRequestURI()),
          e.description());
      refuse(response, e, authorization != null);
      return;
    }
    request.setAttribute(VerifiedCdsClient.REQUEST_ATTRIBUTE, client);
    request.setAttribute(VerifiedCdsClient.ISSUER_ATTRIBUTE, client.issuer());
    if (client.subject() != null) {
      request.setAttribute(VerifiedCdsClient.SUBJECT_ATTRIBUTE, client.subject());
    }
    chain.doFilter(request, response);
  }

  private static void refuse(
      HttpServletResponse response, CdsAuthenticationException e, boolean hadCredentials)
      throws IOException {
    response.setStatus(e.httpStatus());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (e.httpStatus() == CdsAuthenticationException.UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(e, hadCredentials));
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", e.error());
    body.put("error_description", e.description());
    JSON.writeValue(response.getOutputStream(), body);
  }

  /** RFC 6750 §3 challenge; the description reduced to the characters a quoted-string allows. */
  static String wwwAuthenticate(CdsAuthenticationException e, boolean hadCredentials) {
    String challenge = "Bearer realm=\"" + REALM + "\"";
    if (!hadCredentials) {
      return challenge;
    }
    return challenge
        + ", error=\""
        + e.error()
        + "\", error_description=\""
        + e.description().replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "?")
        + "\"";
  }
}
