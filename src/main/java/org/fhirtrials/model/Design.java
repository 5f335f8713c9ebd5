package org.fhirtrials.model;

import java.util.List;

/**
 * Design module.
 *
 * @param studyType INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS (registry code) or null
 * @param phases phases; two entries for combined phases (PHASE1 + PHASE2)
 * @param allocation RANDOMIZED, NON_RANDOMIZED, NA
 * @param interventionModel SINGLE_GROUP, PARALLEL, CROSSOVER, FACTORIAL, SEQUENTIAL
 * @param interventionModelDescription free text
 * @param primaryPurpose TREATMENT, PREVENTION, DIAGNOSTIC...
 * @param observationalModel COHORT, CASE_CONTROL... (observational studies)
 * @param timePerspective PROSPECTIVE, RETROSPECTIVE... (observational studies)
 * @param masking NONE, SINGLE, DOUBLE, TRIPLE, QUADRUPLE
 * @param maskingDescription free text
 * @param whoMasked PARTICIPANT, CARE_PROVIDER, INVESTIGATOR, OUTCOMES_ASSESSOR
 * @param enrollmentCount target (estimated) or actual enrolment
 * @param enrollmentEstimated true when the count is a target, false when actual, null if unknown
 */
public record Design(
    String studyType,
    List<Phase> phases,
    String allocation,
    String interventionModel,
    String interventionModelDescription,
    String primaryPurpose,
    String observationalModel,
    String timePerspective,
    String masking,
    String maskingDescription,
    List<String> whoMasked,
    Integer enrollmentCount,
    Boolean enrollmentEstimated) {

  public static final Design EMPTY =
      new Design(null, null, null, null, null, null, null, null, null, null, null, null, null);

  public Design {
    phases = Lists.copy(phases);
    whoMasked = Lists.copy(whoMasked);
  }
}
