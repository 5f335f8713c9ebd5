package org.fhirtrials.cds.security;

import java.time.Instant;

/**
 * Where spent token ids ({@code jti}) are remembered: in this process ({@link JtiReplayCache}) with
 * the memory store, in PostgreSQL ({@link PostgresSpentTokenIds}) with the PostgreSQL store, so a
 * token replayed to another replica is refused too.
 */
interface SpentTokenIds {
  /**
   * Records {@code jti} of {@code issuer} as used until {@code forgetAfter}, unless it was already
   * used and is still remembered.
   */
  JtiReplayCache.Outcome register(String issuer, String jti, Instant forgetAfter);
}
