package org.fhirtrials.cds.security;

import java.time.Instant;

/**
 * The CDS client a request was authenticated as, from a verified CDS Hooks JWT.
 *
 * @param issuer the {@code iss} claim, one of the configured issuers
 * @param subject the {@code sub} claim, or {@code null} (CDS Hooks does not require it)
 * @param tenant the CDS Hooks {@code tenant} claim, or {@code null}
 * @param tokenId the {@code jti} claim
 * @param expiresAt the {@code exp} claim
 */
public record VerifiedCdsClient(
    String issuer, String subject, String tenant, String tokenId, Instant expiresAt) {

  /** Request attribute holding the {@link VerifiedCdsClient} of an authenticated request. */
  public static final String REQUEST_ATTRIBUTE = VerifiedCdsClient.class.getName();

  /** Request attribute holding the verified issuer ({@code iss}) as a String. */
  public static final String ISSUER_ATTRIBUTE = "org.fhirtrials.cds.security.issuer";

  /** Request attribute holding the verified subject ({@code sub}) as a String, when present. */
  public static final String SUBJECT_ATTRIBUTE = "org.fhirtrials.cds.security.subject";
}
