package org.fhirtrials.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import java.util.Set;
import org.hl7.fhir.r5.model.ResearchStudy;

/** R5 ResearchStudy: read plus search; the search logic is in {@link StudySearchService}. */
public final class R5ResearchStudyProvider extends ReadProvider {
  private final StudySearchService search;

  public R5ResearchStudyProvider(TrialResources resources) {
    super(ResearchStudy.class, resources);
    this.search = new StudySearchService(resources);
  }

  /** Unknown parameters reach the service, which rejects them with a clear message. */
  @Search(allowUnknownParams = true)
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @Description(shortDefinition = "NCT id; system https://clinicaltrials.gov")
          @OptionalParam(name = StudyParams.IDENTIFIER)
          TokenAndListParam identifier,
      @Description(shortDefinition = "Title: starts with, case and accent insensitive")
          @OptionalParam(name = StudyParams.TITLE)
          StringAndListParam title,
      @Description(shortDefinition = "ResearchStudy.progressStatus.state (research-study-status)")
          @OptionalParam(name = StudyParams.STATUS)
          TokenAndListParam status,
      @Description(shortDefinition = "ResearchStudy.condition: code, or text (also :text)")
          @OptionalParam(name = StudyParams.CONDITION)
          TokenAndListParam condition,
      @Description(shortDefinition = "ResearchStudy.phase (research-study-phase)")
          @OptionalParam(name = StudyParams.PHASE)
          TokenAndListParam phase,
      @Description(shortDefinition = "Exact ClinicalTrials.gov recruitment status, e.g. RECRUITING")
          @OptionalParam(name = StudyParams.RECRUITMENT_STATUS)
          TokenAndListParam recruitmentStatus,
      @IncludeParam(
              allow = {
                StudyParams.INCLUDE_PROTOCOL,
                StudyParams.INCLUDE_ELIGIBILITY,
                StudyParams.INCLUDE_SITE,
                StudyParams.INCLUDE_SPONSOR
              })
          Set<Include> includes,
      RequestDetails request) {
    return search.search(
        new StudyQuery(id, identifier, title, status, condition, phase, recruitmentStatus),
        includes,
        request.getParameters());
  }
}
