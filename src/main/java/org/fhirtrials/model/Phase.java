package org.fhirtrials.model;

import java.util.Locale;
import java.util.Optional;

/** ClinicalTrials.gov phase codes (API v2 enum {@code Phase}). */
public enum Phase {
  NA,
  EARLY_PHASE1,
  PHASE1,
  PHASE2,
  PHASE3,
  PHASE4;

  /**
   * Parses the registry code ({@code PHASE2}) or a rendered label ({@code "Phase 2"}, {@code "Early
   * Phase 1"}, {@code "Not Applicable"}, {@code "N/A"}); empty when it is neither.
   */
  public static Optional<Phase> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "");
    return switch (t) {
      case "NA", "N/A", "NOTAPPLICABLE" -> Optional.of(NA);
      case "EARLYPHASE1", "PHASE0", "EARLYPHASEI" -> Optional.of(EARLY_PHASE1);
      case "PHASE1", "PHASEI" -> Optional.of(PHASE1);
      case "PHASE2", "PHASEII" -> Optional.of(PHASE2);
      case "PHASE3", "PHASEIII" -> Optional.of(PHASE3);
      case "PHASE4", "PHASEIV" -> Optional.of(PHASE4);
      default -> Optional.empty();
    };
  }
}
