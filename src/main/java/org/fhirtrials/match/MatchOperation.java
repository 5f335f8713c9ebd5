package org.fhirtrials.match;

/**
 * {@code ResearchStudy/$match}: names, canonical URL and documentation of the operation and its
 * parameters, shared by the server's provider and the published OperationDefinition. Parameter
 * names follow the CodeX trial-matching OperationDefinition ({@code
 * http://mcodeinitiative.org/codex/us/patient.clinical.trial.matching/OperationDefinition/ClinicalTrialMatchService});
 * types are stricter than its strings (tokens, a decimal radius) and {@code near} replaces its
 * {@code zipCode}, which this server cannot geocode offline and therefore rejects.
 */
public final class MatchOperation {
  private MatchOperation() {}

  public static final String NAME = "$match";
  public static final String CODE = "match";
  public static final String ID = "ResearchStudy-match";
  public static final String CANONICAL = "https://fhirtrials.org/fhir/OperationDefinition/" + ID;
  public static final String CODEX_CANONICAL =
      "http://mcodeinitiative.org/codex/us/patient.clinical.trial.matching/OperationDefinition/"
          + "ClinicalTrialMatchService";

  public static final String CLINICAL_DATA = "trialMatchClinicalData";
  public static final String PHASE = "phase";
  public static final String RECRUITMENT_STATUS = "recruitmentStatus";
  public static final String NEAR = "near";
  public static final String TRAVEL_RADIUS = "travelRadius";
  public static final String ZIP_CODE = "zipCode";
  public static final String COUNT = "_count";
  public static final String INCLUDE_INELIGIBLE = "includeIneligible";
  public static final String RETURN = "return";

  public static final int DEFAULT_COUNT = 10;
  public static final int MAX_COUNT = 100;

  public static final String DESCRIPTION =
      "Ranks the server's trials for one patient. The patient's data (a Bundle with one Patient"
          + " and any Condition, Observation, Procedure and medication resources, shaped as US Core"
          + " / mCODE) is evaluated against each trial's eligibility criteria with three-valued"
          + " logic: missing data makes a criterion unknown and the trial possibly eligible, never"
          + " ineligible. The answer is a searchset Bundle of ResearchStudy (as a read returns"
          + " them), best first (eligible, then possibly eligible, then by score and distance),"
          + " each entry with search.mode = match, search.score = the share of evaluated criteria"
          + " known to be favourable, and the match-result extension on entry.search with the"
          + " verdict, the nearest site and every criterion's outcome, text and evidence or"
          + " missing data. Parameter names follow the CodeX trial-matching operation ("
          + CODEX_CANONICAL
          + "); zipCode is rejected (no offline geocoding): send near instead.";

  public static final String DOC_CLINICAL_DATA =
      "The patient's data: a Bundle of this server's FHIR version holding exactly one Patient.";
  public static final String DOC_PHASE =
      "research-study-phase code (system http://terminology.hl7.org/CodeSystem/research-study-phase optional), e.g."
          + " phase-2; exact, like the phase search parameter. Repeat for any of several.";
  public static final String DOC_RECRUITMENT_STATUS =
      "On R4 a ResearchStudy.status code (active, approved, closed-to-accrual...), on R5 a"
          + " research-study-status progress code (recruiting, not-yet-recruiting...), or an exact"
          + " ClinicalTrials.gov status (RECRUITING, NOT_YET_RECRUITING..., system "
          + "https://fhirtrials.org/fhir/CodeSystem/ctgov-recruitment-status optional)."
          + " Repeat for any of several.";
  public static final String DOC_NEAR =
      "The patient's location as lat|lon in decimal degrees (WGS84), e.g. 42.36|-71.06. The"
          + " nearest site and its distance are reported for each trial.";
  public static final String DOC_TRAVEL_RADIUS =
      "With near: only trials with a site within this distance: a decimal in km, or"
          + " number|unit with unit km or mi (e.g. 50|mi). Trials without site coordinates are left"
          + " out.";
  public static final String DOC_ZIP_CODE =
      "Not supported: always answered with 400 (this server cannot geocode postal codes"
          + " offline); send near instead.";
  public static final String DOC_COUNT =
      "How many trials to return, best first: default "
          + DEFAULT_COUNT
          + ", at most "
          + MAX_COUNT
          + ".";
  public static final String DOC_INCLUDE_INELIGIBLE =
      "true to also return trials the patient is ineligible for (ranked last, with the criteria"
          + " that exclude them); default false.";
  public static final String DOC_RETURN =
      "searchset Bundle of ResearchStudy, best first, with search.score and the match-result"
          + " extension on each entry's search.";
}
