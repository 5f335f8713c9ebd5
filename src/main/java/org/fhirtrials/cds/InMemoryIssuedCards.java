package org.fhirtrials.cds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issued cards in this process's memory (the memory store's choice). Bounded: beyond {@code
 * capacity} the oldest cards are forgotten (and their feedback refused); a restart forgets them
 * all, and another replica never knew them.
 */
public final class InMemoryIssuedCards implements IssuedCards {
  private final Map<String, String> trialByCard;

  public InMemoryIssuedCards(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.trialByCard =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public synchronized void rememberAll(Map<String, String> cards) {
    trialByCard.putAll(cards);
  }

  @Override
  public synchronized String trialOf(String cardUuid) {
    return trialByCard.get(cardUuid);
  }
}
