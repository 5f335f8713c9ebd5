package org.fhirtrials.fhir;

/**
 * Server identity shown in both CapabilityStatements (search parameters: {@code
 * SearchParamRegistry}).
 */
public final class StudyParams {
  private StudyParams() {}

  public static final String SOFTWARE = "fhir-trials";

  public static final String PUBLISHER = "fhir-trials project";

  public static final String DESCRIPTION =
      "Clinical trials from ClinicalTrials.gov as ResearchStudy, PlanDefinition and eligibility"
          + " Group resources";
}
