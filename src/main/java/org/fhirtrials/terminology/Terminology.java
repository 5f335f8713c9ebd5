package org.fhirtrials.terminology;

/**
 * The one terminology table of the project: every code system URI and code used anywhere (LOINC,
 * SNOMED CT, UCUM, ICD-10, HL7 code systems). Each code carries a comment naming the source it was
 * verified against. Plain strings, no HAPI types, so every package may use it.
 *
 * <p>Sections: code systems; HL7 FHIR code systems (mapping); demographics; labs; performance
 * status and scores; conditions; procedures and therapies.
 */
public final class Terminology {
  private Terminology() {}

  // ---------------------------------------------------------------- code systems
  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  public static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String MESH = "urn:oid:2.16.840.1.113883.6.177";

  // ---------------------------------------------------------------- mapping (R4/R5 mappers)
  // Code system URIs of HL7 code systems the mappers use. Each is checked by the validation tests
  // (MappingValidationTest) against the R4 4.0.1 and R5 5.0.0 core packages HAPI ships.

  /**
   * MeSH, canonical URI of the HL7 Terminology (THO) CodeSystem "MeSH" (build.fhir.org/ig/HL7/UTG
   * CodeSystem-MeSH: url https://www.nlm.nih.gov/mesh, identifier urn:oid:2.16.840.1.113883.6.177 =
   * {@link #MESH}). The mappers use this URI; the OID form is an alias.
   */
  public static final String MESH_URI = "https://www.nlm.nih.gov/mesh";

  /** ISO 3166-1 alpha-2 country codes (FHIR terminologies-systems). */
  public static final String ISO_3166 = "urn:iso:std:iso:3166";

  /** R4 and R5 ResearchStudy.phase (research-study-phase). */
  public static final String RESEARCH_STUDY_PHASE =
      "http://terminology.hl7.org/CodeSystem/research-study-phase";

  /** R4 and R5 ResearchStudy.primaryPurposeType. */
  public static final String RESEARCH_STUDY_PRIMARY_PURPOSE =
      "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";

  /** R4 ResearchStudy.objective.type, R5 outcomeMeasure.type (primary, secondary, exploratory). */
  public static final String RESEARCH_STUDY_OBJECTIVE_TYPE =
      "http://terminology.hl7.org/CodeSystem/research-study-objective-type";

  /** R5 ResearchStudy.progressStatus.state (research-study-status). */
  public static final String R5_RESEARCH_STUDY_STATUS = "http://hl7.org/fhir/research-study-status";

  /** R5 ResearchStudy.label.type (title-type). */
  public static final String R5_TITLE_TYPE = "http://hl7.org/fhir/title-type";

  /** R5 ResearchStudy.associatedParty.role (research-study-party-role). */
  public static final String R5_PARTY_ROLE = "http://hl7.org/fhir/research-study-party-role";

  /** R5 ResearchStudy.comparisonGroup.type (research-study-arm-type). */
  public static final String R5_ARM_TYPE = "http://hl7.org/fhir/research-study-arm-type";

  /** Organization.type (organization-type). */
  public static final String ORGANIZATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/organization-type";

  public static final String ORGANIZATION_TYPE_GOVERNMENT = "govt";
  public static final String ORGANIZATION_TYPE_BUSINESS = "bus";
  public static final String ORGANIZATION_TYPE_CLINICAL_RESEARCH_SPONSOR = "crs";
  public static final String ORGANIZATION_TYPE_EDUCATIONAL = "edu";
  public static final String ORGANIZATION_TYPE_OTHER = "other";

  /** PractitionerRole.code (practitioner-role); "researcher" for investigators. */
  public static final String PRACTITIONER_ROLE =
      "http://terminology.hl7.org/CodeSystem/practitioner-role";

  public static final String PRACTITIONER_ROLE_RESEARCHER = "researcher";

  /** PlanDefinition.type (plan-definition-type). */
  public static final String PLAN_DEFINITION_TYPE =
      "http://terminology.hl7.org/CodeSystem/plan-definition-type";

  public static final String PLAN_DEFINITION_TYPE_CLINICAL_PROTOCOL = "clinical-protocol";

  /** Patient.gender (administrative-gender). */
  public static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";

  /**
   * SNOMED CT 397669002 "Age" (qualifier value): the characteristic code for age limits, as used in
   * the HL7 EBM IG eligibility Group examples and SNOMED browser.
   */
  public static final String SNOMED_AGE = "397669002";

  /** LOINC 46098-0 "Sex" (loinc.org/46098-0; used as the sex characteristic code). */
  public static final String LOINC_SEX = "46098-0";
}
