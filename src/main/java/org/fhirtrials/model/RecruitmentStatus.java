package org.fhirtrials.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  private static final Pattern NON_LETTERS = Pattern.compile("[^A-Z]+");
  private static final Pattern EDGE_UNDERSCORE = Pattern.compile("^_|_$");

  /** The codes by name: the registry's JSON spells them exactly so (a fast path of parse). */
  private static final Map<String, RecruitmentStatus> BY_CODE =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(RecruitmentStatus::name, s -> s));

  /**
   * Parses the registry code ({@code ACTIVE_NOT_RECRUITING}) or a rendered label ({@code "Active,
   * not recruiting"}, {@code "Not yet recruiting"}); empty when it is neither.
   */
  public static Optional<RecruitmentStatus> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    RecruitmentStatus exact = BY_CODE.get(text);
    if (exact != null) {
      return Optional.of(exact);
    }
    String code =
        EDGE_UNDERSCORE
            .matcher(NON_LETTERS.matcher(text.trim().toUpperCase(Locale.ROOT)).replaceAll("_"))
            .replaceAll("");
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
