package org.fhirtrials.cds;

import java.util.Map;

/**
 * The cards this service issued, so feedback can be tied to a trial and unknown card uuids refused.
 * In memory ({@link InMemoryIssuedCards}) with the memory store; in PostgreSQL ({@link
 * PostgresCdsStore}) with the PostgreSQL store, so a card issued by one replica is known to all.
 */
public interface IssuedCards {
  /** Remembers the cards of one response (card uuid to NCT id) before the response is sent. */
  void rememberAll(Map<String, String> trialByCard);

  /** The trial of an issued card, or null when unknown (never issued, or forgotten). */
  String trialOf(String cardUuid);
}
