package org.fhirtrials.model;

/**
 * Status module.
 *
 * @param overallStatus recruitment status (null when the record does not say)
 * @param whyStopped reason for stopping
 * @param statusVerifiedDate month the status was last verified
 * @param startDate study start
 * @param primaryCompletionDate primary completion
 * @param completionDate study completion
 * @param firstSubmitDate first submitted to the registry
 * @param firstPostDate first posted
 * @param lastUpdateSubmitDate last update submitted
 * @param lastUpdatePostDate last update posted
 */
public record StudyStatus(
    RecruitmentStatus overallStatus,
    String whyStopped,
    PartialDate statusVerifiedDate,
    PartialDate startDate,
    PartialDate primaryCompletionDate,
    PartialDate completionDate,
    PartialDate firstSubmitDate,
    PartialDate firstPostDate,
    PartialDate lastUpdateSubmitDate,
    PartialDate lastUpdatePostDate) {

  public static final StudyStatus EMPTY =
      new StudyStatus(null, null, null, null, null, null, null, null, null, null);
}
