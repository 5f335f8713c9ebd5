package org.fhirtrials.mapping;

/**
 * Canonical URLs owned by this project and the external systems the mappers use. Code values live
 * in {@link org.fhirtrials.terminology.Terminology}.
 */
public final class FhirUrls {
  private FhirUrls() {}

  /** Canonical base of this project's conformance resources. */
  public static final String CANONICAL_BASE = "https://fhirtrials.org/fhir";

  public static final String STRUCTURE_DEFINITION = CANONICAL_BASE + "/StructureDefinition/";
  public static final String SEARCH_PARAMETER = CANONICAL_BASE + "/SearchParameter/";

  public static final String CODE_SYSTEM = CANONICAL_BASE + "/CodeSystem/";

  // ---------------------------------------------------------------- extensions (fhir-resources/)
  /** Exact registry recruitment status (Coding in {@link #CS_RECRUITMENT_STATUS}). */
  public static final String EXT_RECRUITMENT_STATUS = STRUCTURE_DEFINITION + "recruitment-status";

  /** R4 only: the brief title (R5 uses {@code ResearchStudy.label}). */
  public static final String EXT_BRIEF_TITLE = STRUCTURE_DEFINITION + "brief-title";

  /** R4 only: the study acronym (R5 uses {@code ResearchStudy.label}). */
  public static final String EXT_ACRONYM = STRUCTURE_DEFINITION + "acronym";

  /** The value of the element is anticipated (registry "ESTIMATED"), not actual. */
  public static final String EXT_ESTIMATED = STRUCTURE_DEFINITION + "estimated";

  /** Primary completion date (no standard element in R4 or R5). */
  public static final String EXT_PRIMARY_COMPLETION = STRUCTURE_DEFINITION + "primary-completion";

  /** The free-text time frame of an outcome measure. */
  public static final String EXT_TIME_FRAME = STRUCTURE_DEFINITION + "outcome-time-frame";

  /** Oversight facts (FDA regulated drug/device, data monitoring committee). */
  public static final String EXT_OVERSIGHT = STRUCTURE_DEFINITION + "oversight";

  /** Responsible party (type, investigator name, title, affiliation). */
  public static final String EXT_RESPONSIBLE_PARTY = STRUCTURE_DEFINITION + "responsible-party";

  /**
   * R4 only: a party associated with the study other than the lead sponsor and principal
   * investigator (collaborator, study chair, contact...), as R5 {@code associatedParty}: sub
   * extensions {@code role} (CodeableConcept) and {@code party} (Reference).
   */
  public static final String EXT_ASSOCIATED_PARTY = STRUCTURE_DEFINITION + "associated-party";

  /** Whether the registry accepts healthy volunteers (the registry flag verbatim). */
  public static final String EXT_HEALTHY_VOLUNTEERS = STRUCTURE_DEFINITION + "healthy-volunteers";

  /** The stable id of the criterion within the trial ({@code inc-8.3}). */
  public static final String EXT_CRITERION_ID = STRUCTURE_DEFINITION + "criterion-id";

  /** The lead-in text of the list item a criterion belongs to. */
  public static final String EXT_CRITERION_LEAD_IN = STRUCTURE_DEFINITION + "criterion-lead-in";

  /** Flags a characteristic that carries no executable expression (text only). */
  public static final String EXT_NOT_COMPUTABLE = STRUCTURE_DEFINITION + "not-computable";

  /**
   * FHIRPath expression over a Patient that is true when the criterion is met, false when not,
   * empty when data is missing (DESIGN D3). Project-owned; modelled on the EBM IG draft extension
   * {@code characteristic-determined-by-expression}.
   */
  public static final String EXT_CHARACTERISTIC_EXPRESSION =
      STRUCTURE_DEFINITION + "characteristic-expression";

  // ---------------------------------------------------------------- profiles
  public static final String PROFILE_RESEARCH_STUDY = STRUCTURE_DEFINITION + "trial-research-study";
  public static final String PROFILE_ELIGIBILITY_GROUP =
      STRUCTURE_DEFINITION + "trial-eligibility-group";

  // ---------------------------------------------------------------- project code systems
  /** Registry code systems: codes are the ClinicalTrials.gov API v2 enum values, verbatim. */
  public static final String CS_RECRUITMENT_STATUS = CODE_SYSTEM + "ctgov-recruitment-status";

  public static final String CS_STUDY_TYPE = CODE_SYSTEM + "ctgov-study-type";
  public static final String CS_ALLOCATION = CODE_SYSTEM + "ctgov-allocation";
  public static final String CS_INTERVENTION_MODEL = CODE_SYSTEM + "ctgov-intervention-model";
  public static final String CS_MASKING = CODE_SYSTEM + "ctgov-masking";
  public static final String CS_OBSERVATIONAL_MODEL = CODE_SYSTEM + "ctgov-observational-model";
  public static final String CS_TIME_PERSPECTIVE = CODE_SYSTEM + "ctgov-time-perspective";
  public static final String CS_ARM_TYPE = CODE_SYSTEM + "ctgov-arm-type";
  public static final String CS_INTERVENTION_TYPE = CODE_SYSTEM + "ctgov-intervention-type";
  public static final String CS_AGENCY_CLASS = CODE_SYSTEM + "ctgov-agency-class";
  public static final String CS_ROLE = CODE_SYSTEM + "ctgov-role";
  public static final String CS_SECONDARY_ID_TYPE = CODE_SYSTEM + "ctgov-secondary-id-type";

  /** Identifier system for the sponsor's own (org) study id, qualified by nothing better. */
  public static final String ORG_STUDY_ID_SYSTEM = CANONICAL_BASE + "/sid/org-study-id";

  /** Identifier system for secondary ids the registry gives without a resolvable system. */
  public static final String SECONDARY_ID_SYSTEM = CANONICAL_BASE + "/sid/secondary-id";

  /** Absolute URL of one of our resources on the server ({@code version} "r4" or "r5"). */
  public static String resourceUrl(String version, String type, String id) {
    return CANONICAL_BASE + "/" + version + "/" + type + "/" + id;
  }

  /** PubMed article page. */
  public static String pubmed(String pmid) {
    return "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
  }

  /** Identifier system of NCT ids (DESIGN §2). */
  public static final String NCT_SYSTEM = "https://clinicaltrials.gov";

  /** Legacy spelling accepted on search. */
  public static final String NCT_SYSTEM_LEGACY = "http://clinicaltrials.gov/";

  /** Public page of a study on the registry. */
  public static String registryPage(String nctId) {
    return "https://clinicaltrials.gov/study/" + nctId;
  }
}
