package org.fhirtrials.model;

import java.util.List;
import java.util.Objects;

/**
 * One registry record. Field groups follow the ClinicalTrials.gov API v2 modules.
 *
 * @param nctId registry id, e.g. {@code NCT06310590}; never null
 * @param orgStudyId the sponsor's own study id
 * @param secondaryIds other registry and grant ids
 * @param acronym study acronym
 * @param briefTitle brief title (never null; the only title for some seed layouts)
 * @param officialTitle official title
 * @param status recruitment status and dates
 * @param leadSponsor lead sponsor
 * @param collaborators collaborators
 * @param responsibleParty responsible party
 * @param briefSummary brief summary (plain text, markdown escapes removed)
 * @param detailedDescription detailed description
 * @param conditions conditions as the registry lists them (free text)
 * @param keywords keywords
 * @param conditionMeshTerms MeSH terms the registry derived for the conditions
 * @param interventionMeshTerms MeSH terms the registry derived for the interventions
 * @param design study type, phases, allocation, enrolment...
 * @param arms arm groups
 * @param interventions interventions, each with the arms that use it
 * @param outcomes primary, secondary and other outcome measures
 * @param eligibility eligibility (criteria text and items, sex, ages)
 * @param centralContacts study-wide contacts
 * @param overallOfficials overall officials (PI, chair, director)
 * @param sites trial locations
 * @param references publications
 * @param seeAlsoLinks web links
 * @param oversight oversight facts (FDA regulated, DMC)
 * @param source where the record came from
 */
public record Trial(
    String nctId,
    String orgStudyId,
    List<SecondaryId> secondaryIds,
    String acronym,
    String briefTitle,
    String officialTitle,
    StudyStatus status,
    Organization leadSponsor,
    List<Organization> collaborators,
    ResponsibleParty responsibleParty,
    String briefSummary,
    String detailedDescription,
    List<String> conditions,
    List<String> keywords,
    List<MeshTerm> conditionMeshTerms,
    List<MeshTerm> interventionMeshTerms,
    Design design,
    List<Arm> arms,
    List<Intervention> interventions,
    List<Outcome> outcomes,
    Eligibility eligibility,
    List<Contact> centralContacts,
    List<Official> overallOfficials,
    List<Site> sites,
    List<Reference> references,
    List<Link> seeAlsoLinks,
    Oversight oversight,
    Source source) {

  public Trial {
    Objects.requireNonNull(nctId, "nctId");
    secondaryIds = Lists.copy(secondaryIds);
    collaborators = Lists.copy(collaborators);
    conditions = Lists.copy(conditions);
    keywords = Lists.copy(keywords);
    conditionMeshTerms = Lists.copy(conditionMeshTerms);
    interventionMeshTerms = Lists.copy(interventionMeshTerms);
    arms = Lists.copy(arms);
    interventions = Lists.copy(interventions);
    outcomes = Lists.copy(outcomes);
    centralContacts = Lists.copy(centralContacts);
    overallOfficials = Lists.copy(overallOfficials);
    sites = Lists.copy(sites);
    references = Lists.copy(references);
    seeAlsoLinks = Lists.copy(seeAlsoLinks);
    if (status == null) {
      status = StudyStatus.EMPTY;
    }
    if (design == null) {
      design = Design.EMPTY;
    }
    if (eligibility == null) {
      eligibility = Eligibility.EMPTY;
    }
  }

  /** The best title the record has: official, else brief. */
  public String title() {
    return officialTitle != null ? officialTitle : briefTitle;
  }

  public static TrialBuilder builder(String nctId) {
    return new TrialBuilder(nctId);
  }

  /** A builder seeded with this trial's values. */
  public TrialBuilder toBuilder() {
    return TrialBuilder.from(this);
  }
}
