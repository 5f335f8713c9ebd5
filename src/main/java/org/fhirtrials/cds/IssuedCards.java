package org.fhirtrials.cds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cards this service issued, so feedback can be tied to a trial and unknown card uuids refused.
 * Bounded: beyond {@code capacity} the oldest cards are forgotten (and their feedback refused). In
 * memory: a restart forgets them.
 */
final class IssuedCards {
  private final Map<String, String> trialByCard;

  IssuedCards(int capacity) {
    this.trialByCard =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void remember(String cardUuid, String trialId) {
    trialByCard.put(cardUuid, trialId);
  }

  /** The trial of an issued card, or null when unknown (never issued, or forgotten). */
  synchronized String trialOf(String cardUuid) {
    return trialByCard.get(cardUuid);
  }
}
