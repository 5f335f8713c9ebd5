package org.fhirtrials.cds.security;

/**
 * A CDS Hooks call could not be authenticated. Carries what the caller is told: an OAuth 2.0 error
 * code (RFC 6750 §3.1) and a one-line description naming what is wrong, plus the HTTP status. Never
 * carries a stack trace to the caller.
 */
public final class CdsAuthenticationException extends Exception {

  /** RFC 6750: the Authorization header is missing or not a Bearer token. */
  public static final String INVALID_REQUEST = "invalid_request";

  /** RFC 6750: the token is malformed, expired, not trusted or otherwise invalid. */
  public static final String INVALID_TOKEN = "invalid_token";

  /** RFC 6749 §4.1.2.1: the token may be fine but cannot be checked now (JWKS unreachable). */
  public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

  static final int UNAUTHORIZED = 401;
  static final int SERVICE_UNAVAILABLE = 503;

  private final String error;
  private final int httpStatus;

  private CdsAuthenticationException(String error, String description, int httpStatus) {
    super(description, null, false, false);
    this.error = error;
    this.httpStatus = httpStatus;
  }

  static CdsAuthenticationException invalidRequest(String description) {
    return new CdsAuthenticationException(INVALID_REQUEST, description, UNAUTHORIZED);
  }

  static CdsAuthenticationException invalidToken(String description) {
    return new CdsAuthenticationException(INVALID_TOKEN, description, UNAUTHORIZED);
  }

  static CdsAuthenticationException unavailable(String description) {
    return new CdsAuthenticationException(
        TEMPORARILY_UNAVAILABLE, description, SERVICE_UNAVAILABLE);
  }

  /**
   * OAuth error code: {@code invalid_request}, {@code invalid_token} or {@code
   * temporarily_unavailable}.
   */
  public String error() {
    return error;
  }

  /** Human-readable reason, e.g. {@code "token expired"}. */
  public String description() {
    return getMessage();
  }

  /** 401 for every token or credential problem; 503 when the keys to check it cannot be fetched. */
  public int httpStatus() {
    return httpStatus;
  }
}
