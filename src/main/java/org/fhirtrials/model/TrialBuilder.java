package org.fhirtrials.model;

import java.util.ArrayList;
import java.util.List;

/** Mutable builder for {@link Trial}; list setters copy, adders append. */
public final class TrialBuilder {
  private String nctId;
  private String orgStudyId;
  private List<SecondaryId> secondaryIds = new ArrayList<>();
  private String acronym;
  private String briefTitle;
  private String officialTitle;
  private StudyStatus status;
  private Organization leadSponsor;
  private List<Organization> collaborators = new ArrayList<>();
  private ResponsibleParty responsibleParty;
  private String briefSummary;
  private String detailedDescription;
  private List<String> conditions = new ArrayList<>();
  private List<String> keywords = new ArrayList<>();
  private List<MeshTerm> conditionMeshTerms = new ArrayList<>();
  private List<MeshTerm> interventionMeshTerms = new ArrayList<>();
  private Design design;
  private List<Arm> arms = new ArrayList<>();
  private List<Intervention> interventions = new ArrayList<>();
  private List<Outcome> outcomes = new ArrayList<>();
  private Eligibility eligibility;
  private List<Contact> centralContacts = new ArrayList<>();
  private List<Official> overallOfficials = new ArrayList<>();
  private List<Site> sites = new ArrayList<>();
  private List<Reference> references = new ArrayList<>();
  private List<Link> seeAlsoLinks = new ArrayList<>();
  private Oversight oversight;
  private Source source;

  TrialBuilder(String nctId) {
    this.nctId = nctId;
  }

  static TrialBuilder from(Trial t) {
    TrialBuilder b = new TrialBuilder(t.nctId());
    b.orgStudyId(t.orgStudyId());
    b.secondaryIds(t.secondaryIds());
    b.acronym(t.acronym());
    b.briefTitle(t.briefTitle());
    b.officialTitle(t.officialTitle());
    b.status(t.status());
    b.leadSponsor(t.leadSponsor());
    b.collaborators(t.collaborators());
    b.responsibleParty(t.responsibleParty());
    b.briefSummary(t.briefSummary());
    b.detailedDescription(t.detailedDescription());
    b.conditions(t.conditions());
    b.keywords(t.keywords());
    b.conditionMeshTerms(t.conditionMeshTerms());
    b.interventionMeshTerms(t.interventionMeshTerms());
    b.design(t.design());
    b.arms(t.arms());
    b.interventions(t.interventions());
    b.outcomes(t.outcomes());
    b.eligibility(t.eligibility());
    b.centralContacts(t.centralContacts());
    b.overallOfficials(t.overallOfficials());
    b.sites(t.sites());
    b.references(t.references());
    b.seeAlsoLinks(t.seeAlsoLinks());
    b.oversight(t.oversight());
    b.source(t.source());
    return b;
  }

  public TrialBuilder nctId(String value) {
    this.nctId = value;
    return this;
  }

  public TrialBuilder orgStudyId(String value) {
    this.orgStudyId = value;
    return this;
  }

  public TrialBuilder secondaryIds(List<SecondaryId> value) {
    this.secondaryIds = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addSecondaryId(SecondaryId value) {
    this.secondaryIds.add(value);
    return this;
  }

  public TrialBuilder acronym(String value) {
    this.acronym = value;
    return this;
  }

  public TrialBuilder briefTitle(String value) {
    this.briefTitle = value;
    return this;
  }

  public TrialBuilder officialTitle(String value) {
    this.officialTitle = value;
    return this;
  }

  public TrialBuilder status(StudyStatus value) {
    this.status = value;
    return this;
  }

  public TrialBuilder leadSponsor(Organization value) {
    this.leadSponsor = value;
    return this;
  }

  public TrialBuilder collaborators(List<Organization> value) {
    this.collaborators = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addCollaborator(Organization value) {
    this.collaborators.add(value);
    return this;
  }

  public TrialBuilder responsibleParty(ResponsibleParty value) {
    this.responsibleParty = value;
    return this;
  }

  public TrialBuilder briefSummary(String value) {
    this.briefSummary = value;
    return this;
  }

  public TrialBuilder detailedDescription(String value) {
    this.detailedDescription = value;
    return this;
  }

  public TrialBuilder conditions(List<String> value) {
    this.conditions = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addCondition(String value) {
    this.conditions.add(value);
    return this;
  }

  public TrialBuilder keywords(List<String> value) {
    this.keywords = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addKeyword(String value) {
    this.keywords.add(value);
    return this;
  }

  public TrialBuilder conditionMeshTerms(List<MeshTerm> value) {
    this.conditionMeshTerms = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addConditionMeshTerm(MeshTerm value) {
    this.conditionMeshTerms.add(value);
    return this;
  }

  public TrialBuilder interventionMeshTerms(List<MeshTerm> value) {
    this.interventionMeshTerms = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addInterventionMeshTerm(MeshTerm value) {
    this.interventionMeshTerms.add(value);
    return this;
  }

  public TrialBuilder design(Design value) {
    this.design = value;
    return this;
  }

  public TrialBuilder arms(List<Arm> value) {
    this.arms = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addArm(Arm value) {
    this.arms.add(value);
    return this;
  }

  public TrialBuilder interventions(List<Intervention> value) {
    this.interventions = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addIntervention(Intervention value) {
    this.interventions.add(value);
    return this;
  }

  public TrialBuilder outcomes(List<Outcome> value) {
    this.outcomes = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addOutcome(Outcome value) {
    this.outcomes.add(value);
    return this;
  }

  public TrialBuilder eligibility(Eligibility value) {
    this.eligibility = value;
    return this;
  }

  public TrialBuilder centralContacts(List<Contact> value) {
    this.centralContacts = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addCentralContact(Contact value) {
    this.centralContacts.add(value);
    return this;
  }

  public TrialBuilder overallOfficials(List<Official> value) {
    this.overallOfficials = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addOverallOfficial(Official value) {
    this.overallOfficials.add(value);
    return this;
  }

  public TrialBuilder sites(List<Site> value) {
    this.sites = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addSite(Site value) {
    this.sites.add(value);
    return this;
  }

  public TrialBuilder references(List<Reference> value) {
    this.references = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addReference(Reference value) {
    this.references.add(value);
    return this;
  }

  public TrialBuilder seeAlsoLinks(List<Link> value) {
    this.seeAlsoLinks = value == null ? new ArrayList<>() : new ArrayList<>(value);
    return this;
  }

  public TrialBuilder addSeeAlsoLink(Link value) {
    this.seeAlsoLinks.add(value);
    return this;
  }

  public TrialBuilder oversight(Oversight value) {
    this.oversight = value;
    return this;
  }

  public TrialBuilder source(Source value) {
    this.source = value;
    return this;
  }

  public Trial build() {
    return new Trial(
        nctId,
        orgStudyId,
        secondaryIds,
        acronym,
        briefTitle,
        officialTitle,
        status,
        leadSponsor,
        collaborators,
        responsibleParty,
        briefSummary,
        detailedDescription,
        conditions,
        keywords,
        conditionMeshTerms,
        interventionMeshTerms,
        design,
        arms,
        interventions,
        outcomes,
        eligibility,
        centralContacts,
        overallOfficials,
        sites,
        references,
        seeAlsoLinks,
        oversight,
        source);
  }
}
