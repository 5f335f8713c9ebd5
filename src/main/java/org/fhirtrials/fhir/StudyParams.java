package org.fhirtrials.fhir;

import org.fhirtrials.mapping.FhirUrls;

/** Names of the ResearchStudy search parameters and includes served on both bases. */
public final class StudyParams {
  private StudyParams() {}

  public static final String IDENTIFIER = "identifier";
  public static final String TITLE = "title";
  public static final String STATUS = "status";
  public static final String CONDITION = "condition";
  public static final String PHASE = "phase";

  /**
   * Exact ClinicalTrials.gov recruitment status (e.g. {@code RECRUITING}), from the recruitment
   * status extension; a project SearchParameter on both bases.
   */
  public static final String RECRUITMENT_STATUS = "recruitment-status";

  /** The extension carrying the registry's recruitment status as a Coding. */
  public static final String EXT_RECRUITMENT_STATUS =
      FhirUrls.STRUCTURE_DEFINITION + RECRUITMENT_STATUS;

  /** Canonical URL of a project SearchParameter on ResearchStudy. */
  public static String definition(String code) {
    return FhirUrls.SEARCH_PARAMETER + "ResearchStudy-" + code;
  }

  public static final String INCLUDE_PROTOCOL = "ResearchStudy:protocol";
  public static final String INCLUDE_SITE = "ResearchStudy:site";
  public static final String INCLUDE_SPONSOR = "ResearchStudy:sponsor";

  /** R4: the eligibility Group is {@code ResearchStudy.enrollment}. */
  public static final String INCLUDE_ENROLLMENT = "ResearchStudy:enrollment";

  /** R5: the eligibility Group is {@code ResearchStudy.recruitment.eligibility}. */
  public static final String INCLUDE_ELIGIBILITY = "ResearchStudy:eligibility";

  /** Server identity shown in both CapabilityStatements. */
  public static final String SOFTWARE = "fhir-trials";

  public static final String PUBLISHER = "fhir-trials project";

  public static final String DESCRIPTION =
      "Clinical trials from ClinicalTrials.gov as ResearchStudy, PlanDefinition and eligibility"
          + " Group resources";
}
