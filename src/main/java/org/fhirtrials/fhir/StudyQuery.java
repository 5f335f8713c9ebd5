package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;

/**
 * A ResearchStudy search: each parameter is an AND of ORs, null when absent.
 *
 * @param ids {@code _id}
 * @param identifiers {@code identifier}
 * @param titles {@code title}
 * @param statuses {@code status}
 * @param conditions {@code condition}
 * @param phases {@code phase}
 * @param recruitmentStatuses {@code recruitment-status}
 */
public record StudyQuery(
    TokenAndListParam ids,
    TokenAndListParam identifiers,
    StringAndListParam titles,
    TokenAndListParam statuses,
    TokenAndListParam conditions,
    TokenAndListParam phases,
    TokenAndListParam recruitmentStatuses) {

  public static StudyQuery all() {
    return new StudyQuery(null, null, null, null, null, null, null);
  }
}
