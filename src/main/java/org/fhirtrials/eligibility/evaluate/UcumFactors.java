package org.fhirtrials.eligibility.evaluate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhirtrials.terminology.Ucum;

/**
 * Linear UCUM conversion factors between two unit codes, as a UCUM-aware FHIRPath engine compares
 * quantities: commensurable units only (no molar-mass bridge). Resolved once per pair and cached;
 * thread-safe.
 */
final class UcumFactors {
  private static final UcumEssenceService UCUM = Ucum.shared();
  private static final Map<String, Optional<BigDecimal>> CACHE = new ConcurrentHashMap<>();

  private UcumFactors() {}

  /** The factor f with {@code x from = x*f to}, or empty when not commensurable / not UCUM. */
  static Optional<BigDecimal> factor(String from, String to) {
    if (from.equals(to)) {
      return Optional.of(BigDecimal.ONE);
    }
    return CACHE.computeIfAbsent(from + '|' + to, k -> resolve(from, to));
  }

  private static Optional<BigDecimal> resolve(String from, String to) {
    synchronized (UCUM) {
      try {
        if (UCUM.validate(from) != null || UCUM.validate(to) != null) {
          return Optional.empty();
        }
        if (!UCUM.isComparable(from, to)) {
          return Optional.empty();
        }
        return Optional.of(
            new BigDecimal(UCUM.convert(new Decimal("1", 24), from, to).asDecimal())
                .stripTrailingZeros());
      } catch (UcumException e) {
        return Optional.empty();
      }
    }
  }
}
