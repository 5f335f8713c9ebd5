package org.fhirtrials.fhir;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.RegistryCodes;
import org.fhirtrials.match.MatchOperation;
import org.fhirtrials.match.TrialTraits;
import org.fhirtrials.model.RecruitmentStatus;
import org.fhirtrials.terminology.Terminology;

/**
 * The token parameters of {@code $match} read in the terms of the base's served ResearchStudy: a
 * phase matches the served research-study-phase code exactly; a status is the base's status code
 * (R4 {@code ResearchStudy.status}, R5 {@code progressStatus} state), which stands for every
 * registry status it is mapped from, or an exact registry status.
 */
final class MatchCodes {
  private static final String STATUS_SYSTEM = Terminology.R5_RESEARCH_STUDY_STATUS;

  private MatchCodes() {}

  /** The trials whose served phase code is one of the tokens; null when no token was given. */
  static Predicate<TrialTraits> phases(List<String> tokens) {
    if (tokens.isEmpty()) {
      return null;
    }
    Set<String> codes = new HashSet<>();
    for (String token : tokens) {
      String code = code(MatchOperation.PHASE, token, Terminology.RESEARCH_STUDY_PHASE);
      if (!PHASE_CODES.contains(code)) {
        throw new IllegalArgumentException(
            MatchOperation.PHASE
                + ": unknown research-study-phase code '"
                + code
                + "'; expected one of "
                + String.join(", ", PHASE_CODES));
      }
      codes.add(code);
    }
    return trial ->
        RegistryCodes.phase(trial.phases()).map(c -> codes.contains(c.code())).orElse(false);
  }

  private static final List<String> PHASE_CODES =
      List.of(
          "n-a",
          "early-phase-1",
          "phase-1",
          "phase-1-phase-2",
          "phase-2",
          "phase-2-phase-3",
          "phase-3",
          "phase-4");

  /** The registry statuses the tokens stand for on this base (empty: any). */
  static Set<RecruitmentStatus> statuses(List<String> tokens, String base) {
    Map<RecruitmentStatus, String> baseCodes =
        base.equals("R4") ? RegistryCodes.R4_STATUS : RegistryCodes.R5_PROGRESS_STATE;
    Set<RecruitmentStatus> out = EnumSet.noneOf(RecruitmentStatus.class);
    for (String token : tokens) {
      int bar = token.indexOf('|');
      String system = bar < 0 ? null : token.substring(0, bar);
      String code = token.substring(bar + 1).trim();
      boolean registry = system == null || system.equals(FhirUrls.CS_RECRUITMENT_STATUS);
      boolean hl7 = system == null || system.equals(STATUS_SYSTEM);
      if (!registry && !hl7) {
        throw new IllegalArgumentException(
            MatchOperation.RECRUITMENT_STATUS
                + ": unknown system '"
                + system
                + "'; use "
                + STATUS_SYSTEM
                + " or "
                + FhirUrls.CS_RECRUITMENT_STATUS);
      }
      Set<RecruitmentStatus> matched = EnumSet.noneOf(RecruitmentStatus.class);
      if (hl7) {
        baseCodes.forEach(
            (status, c) -> {
              if (c.equals(code)) {
                matched.add(status);
              }
            });
      }
      if (registry) {
        for (RecruitmentStatus s : RecruitmentStatus.values()) {
          if (s.name().equals(code)) {
            matched.add(s);
          }
        }
      }
      if (matched.isEmpty()) {
        throw new IllegalArgumentException(
            MatchOperation.RECRUITMENT_STATUS
                + ": unknown status '"
                + code
                + "'; expected a "
                + base
                + " code ("
                + String.join(", ", new TreeSet<>(baseCodes.values()))
                + ") or a ClinicalTrials.gov status such as RECRUITING");
      }
      out.addAll(matched);
    }
    return out;
  }

  private static String code(String param, String token, String expectedSystem) {
    int bar = token.indexOf('|');
    if (bar >= 0) {
      String system = token.substring(0, bar);
      if (!system.isEmpty() && !system.equals(expectedSystem)) {
        throw new IllegalArgumentException(
            param + ": unknown system '" + system + "'; use " + expectedSystem);
      }
    }
    return token.substring(bar + 1).trim();
  }
}
