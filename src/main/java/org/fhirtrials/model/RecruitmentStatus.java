package org.fhirtrials.model;

import java.util.Locale;
import java.util.Optional;

/** ClinicalTrials.gov overall / site recruitment status (API v2 enum {@code Status}). */
public enum RecruitmentStatus {
  ACTIVE_NOT_RECRUITING,
  COMPLETED,
  ENROLLING_BY_INVITATION,
  NOT_YET_RECRUITING,
  RECRUITING,
  SUSPENDED,
  TERMINATED,
  WITHDRAWN,
  AVAILABLE,
  NO_LONGER_AVAILABLE,
  TEMPORARILY_NOT_AVAILABLE,
  APPROVED_FOR_MARKETING,
  WITHHELD,
  UNKNOWN;

  /**
   * Parses the registry code ({@code ACTIVE_NOT_RECRUITING}) or a rendered label ({@code "Active,
   * not recruiting"}, {@code "Not yet recruiting"}); empty when it is neither.
   */
  public static Optional<RecruitmentStatus> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String code =
        text.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_").replaceAll("^_|_$", "");
    if (code.equals("UNKNOWN_STATUS")) {
      return Optional.of(UNKNOWN);
    }
    try {
      return Optional.of(valueOf(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
