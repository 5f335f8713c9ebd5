/**
 * Authentication of CDS Hooks 2.0 calls: each {@code POST /cds-services/{id}} carries {@code
 * Authorization: Bearer <JWT>}, signed by the calling EHR with an asymmetric key it publishes as a
 * JWK set (CDS Hooks 2.0, "Trusting CDS Clients"; DESIGN §4).
 *
 * <ul>
 *   <li>{@link org.fhirtrials.cds.security.CdsJwtVerifier}: the rules, plain Java over nimbus
 *       JOSE+JWT (no hand-written crypto).
 *   <li>{@link org.fhirtrials.cds.security.CdsAuthenticationFilter}: applies them to CDS service
 *       calls; discovery ({@code GET /cds-services}) stays open.
 *   <li>{@link org.fhirtrials.cds.security.CdsSecurityProperties}: {@code fhirtrials.cds.*}, the
 *       issuer allow-list with each issuer's JWKS URL or file, clock skew, replay window.
 *   <li>{@link org.fhirtrials.cds.security.CdsServiceUrl}: how the expected {@code aud} is built,
 *       and when {@code X-Forwarded-*} headers count.
 * </ul>
 *
 * A verified request carries a {@link org.fhirtrials.cds.security.VerifiedCdsClient} request
 * attribute. {@code fhirtrials.cds.verify-jwt=false} switches all of it off (WARN at startup).
 */
package org.fhirtrials.cds.security;
