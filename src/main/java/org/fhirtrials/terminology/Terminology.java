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

  // ---------------------------------------------------------------- patient data
  // Codes the patient fact sheet (org.fhirtrials.patient) reads from US Core / mCODE bundles.

  /** HL7 Condition clinical status and verification status code systems (FHIR R4 and R5). */
  public static final String CONDITION_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";

  public static final String CONDITION_VER_STATUS =
      "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  /** RxNorm, the US Core medication code system. */
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  /** LOINC 89247-1 ECOG Performance Status score (mCODE ECOGPerformanceStatus, valueInteger). */
  public static final String LOINC_ECOG_CODE = "89247-1";

  /**
   * ECOG answer list LL529-9, LA9622-7..LA9627-6 = grades 0..5 (verified: Gefyra/krrp-tumorboard
   * valuesets.fsh, ValueSet url http://loinc.org/vs/LL529-9; mCODE example uses LA9622-7 for 0).
   */
  public static final java.util.List<String> LOINC_ECOG_ANSWERS =
      java.util.List.of("LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0", "LA9626-8", "LA9627-6");

  /** LOINC 89243-0 Karnofsky Performance Status score (mCODE KarnofskyPerformanceStatus). */
  public static final String LOINC_KARNOFSKY_CODE = "89243-0";

  /** LOINC 82810-3 Pregnancy status (US Core pregnancy status observation). */
  public static final String LOINC_PREGNANCY_STATUS_CODE = "82810-3";

  /** LOINC 63895-7 Breastfeeding status (verified: ISiK and Charité profiles fix this code). */
  public static final String LOINC_BREASTFEEDING_STATUS = "63895-7";

  /**
   * Pregnancy status answers (verified: eHDSI CurrentPregnancyStatus and WHO SMART immunization
   * pregnancystatus-values value sets): SNOMED 77386006 Pregnant, 60001007 Not pregnant, 261665006
   * Unknown; LOINC LA15173-0 Pregnant, LA26683-5 Not pregnant, LA4489-6 Unknown.
   */
  public static final String SNOMED_PREGNANT_CODE = "77386006";

  public static final String SNOMED_NOT_PREGNANT = "60001007";
  public static final String SNOMED_UNKNOWN = "261665006";
  public static final String LOINC_ANSWER_PREGNANT = "LA15173-0";
  public static final String LOINC_ANSWER_NOT_PREGNANT = "LA26683-5";
  public static final String LOINC_ANSWER_UNKNOWN = "LA4489-6";

  /**
   * SNOMED 72892002 Normal pregnancy (finding): the Condition code Synthea records (verified:
   * Synthea condition tables and CQL value sets in public repositories).
   */
  public static final String SNOMED_NORMAL_PREGNANCY = "72892002";

  /** ICD-10(-CM) Z33.1 Pregnant state, incidental (verified: ICD-10-CM code tables). */
  public static final String ICD10_PREGNANT_STATE = "Z33.1";

  // ================================================================ eligibility (extract)
  // Section owned by org.fhirtrials.eligibility.extract. Only codes verified against a published
  // source are listed; a concept without a verified code stays uncoded and its criterion is not
  // computable (never a guessed code).

  /** A coded concept: code system URI, code, display. Plain strings, no HAPI types. */
  public record Concept(String system, String code, String display) {}

  // ---------------------------------------------------------------- eligibility: labs (LOINC)
  // LOINC 777-3 Platelets [#/volume] in Blood by Automated count; DESIGN.md section 3
  public static final Concept LOINC_PLATELETS =
      new Concept(LOINC, "777-3", "Platelets [#/volume] in Blood by Automated count");
  // LOINC 751-8 Neutrophils [#/volume] in Blood by Automated count; DESIGN.md section 3
  public static final Concept LOINC_NEUTROPHILS =
      new Concept(LOINC, "751-8", "Neutrophils [#/volume] in Blood by Automated count");
  // LOINC 6690-2 Leukocytes [#/volume] in Blood by Automated count; DESIGN.md section 3
  public static final Concept LOINC_LEUKOCYTES =
      new Concept(LOINC, "6690-2", "Leukocytes [#/volume] in Blood by Automated count");
  // LOINC 718-7 Hemoglobin [Mass/volume] in Blood; DESIGN.md section 3
  public static final Concept LOINC_HEMOGLOBIN =
      new Concept(LOINC, "718-7", "Hemoglobin [Mass/volume] in Blood");
  // LOINC 1975-2 Bilirubin.total [Mass/volume] in Serum or Plasma; DESIGN.md section 3
  public static final Concept LOINC_BILIRUBIN_TOTAL =
      new Concept(LOINC, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma");
  // LOINC 1742-6 Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma; DESIGN 3
  public static final Concept LOINC_ALT =
      new Concept(
          LOINC,
          "1742-6",
          "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma");
  // LOINC 1920-8 Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma; DESIGN
  // 3
  public static final Concept LOINC_AST =
      new Concept(
          LOINC,
          "1920-8",
          "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma");
  // LOINC 6768-6 Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma; DESIGN 3
  public static final Concept LOINC_ALP =
      new Concept(
          LOINC, "6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma");
  // LOINC 1751-7 Albumin [Mass/volume] in Serum or Plasma; DESIGN.md section 3
  public static final Concept LOINC_ALBUMIN =
      new Concept(LOINC, "1751-7", "Albumin [Mass/volume] in Serum or Plasma");
  // LOINC 2160-0 Creatinine [Mass/volume] in Serum or Plasma; DESIGN.md section 3, and
  // hl7.org/fhir/uv/pddi/ValueSet-valueset-renal-LOINC.html
  public static final Concept LOINC_CREATININE =
      new Concept(LOINC, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma");
  // LOINC 38483-4 Creatinine [Mass/volume] in Blood: the code Synthea R4 sample data
  // (smart-on-fhir generated-sample-data) records for creatinine
  public static final Concept LOINC_CREATININE_BLOOD =
      new Concept(LOINC, "38483-4", "Creatinine [Mass/volume] in Blood");
  // LOINC 2164-2 Creatinine renal clearance in 24 hour Urine and Serum or Plasma (German LOINC
  // display in a published ValueSet): a measured clearance; the extractor accepts it for a
  // "creatinine clearance" criterion next to the Cockcroft-Gault estimate 35591-7)
  public static final Concept LOINC_CREATININE_CLEARANCE =
      new Concept(
          LOINC, "2164-2", "Creatinine renal clearance in 24 hour Urine and Serum or Plasma");
  // LOINC 35591-7 Creatinine renal clearance predicted by Cockcroft-Gault formula (short name
  // "Creat Cl predicted SerPl C-G-vRate", class CHEM, unit mL/min): a public LOINC table extract
  // (code, long name, short name, class) and a public FHIR code list give the same long name. The
  // estimate trial criteria mean by "creatinine clearance (Cockcroft-Gault)".
  public static final Concept LOINC_CREATININE_CLEARANCE_CG =
      new Concept(
          LOINC, "35591-7", "Creatinine renal clearance predicted by Cockcroft-Gault formula");
  // LOINC 33914-3 Glomerular filtration rate/1.73 sq M.predicted by Creatinine-based formula
  // (MDRD); hl7.org/fhir/stu3/observation-example-f205-egfr.json.html and the PDDI renal value set
  public static final Concept LOINC_EGFR_MDRD =
      new Concept(
          LOINC,
          "33914-3",
          "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by"
              + " Creatinine-based formula (MDRD)");
  // LOINC 6301-6 INR in Platelet poor plasma by Coagulation assay; DESIGN.md section 3
  public static final Concept LOINC_INR =
      new Concept(LOINC, "6301-6", "INR in Platelet poor plasma by Coagulation assay");
  // LOINC 42595-9 Hepatitis B virus DNA [Units/volume] (viral load) in Serum or Plasma, reported in
  // IU/mL; test catalogues wardelab.com (HBVQN "Hepatitis B DNA, Quantitative 42595-9") and
  // theohiostatelabs.testcatalog.org/show/IMM160-1. (The brief's "42595-4" is not a LOINC code.)
  public static final Concept LOINC_HBV_DNA =
      new Concept(
          LOINC, "42595-9", "Hepatitis B virus DNA [Units/volume] (viral load) in Serum or Plasma");
  // LOINC 10230-1 Left ventricular Ejection fraction; loinc.org/10230-1
  public static final Concept LOINC_LVEF =
      new Concept(LOINC, "10230-1", "Left ventricular Ejection fraction");
  // LOINC 76634-5 Q-T interval corrected based on Fridericia formula; cismef.org LNC_CT_76634-5
  public static final Concept LOINC_QTCF =
      new Concept(LOINC, "76634-5", "Q-T interval corrected based on Fridericia formula");
  // LOINC 8636-3 Q-T interval corrected (method unspecified); autoicdapi.com/loinc/8636-3
  public static final Concept LOINC_QTC = new Concept(LOINC, "8636-3", "Q-T interval corrected");
  // LOINC 8480-6 Systolic blood pressure (component of 85354-9); US Core Observation-blood-pressure
  public static final Concept LOINC_SYSTOLIC_BP =
      new Concept(LOINC, "8480-6", "Systolic blood pressure");
  // LOINC 8462-4 Diastolic blood pressure (component of 85354-9); US Core
  // Observation-blood-pressure
  public static final Concept LOINC_DIASTOLIC_BP =
      new Concept(LOINC, "8462-4", "Diastolic blood pressure");
  // LOINC 85354-9 Blood pressure panel with all children optional: the code of US Core's
  // Observation-blood-pressure profile, which carries 8480-6 and 8462-4 as components
  public static final Concept LOINC_BLOOD_PRESSURE_PANEL =
      new Concept(LOINC, "85354-9", "Blood pressure panel with all children optional");
  // Not coded (no code verified against a published source within this task): prothrombin time,
  // APTT, Child-Pugh score/class, ALBI grade,
  // breastfeeding status. Criteria on them stay structured but not computable.

  // ---------------------------------------------------------------- eligibility: scores (LOINC)
  // LOINC 89247-1 ECOG Performance Status score (integer value, as in mCODE); DESIGN.md section 3
  public static final Concept LOINC_ECOG =
      new Concept(LOINC, LOINC_ECOG_CODE, "ECOG Performance Status score");
  // LOINC 89243-0 Karnofsky Performance Status score (integer 0-100); mCODE
  // StructureDefinition-mcode-karnofsky-performance-status
  public static final Concept LOINC_KARNOFSKY =
      new Concept(LOINC, LOINC_KARNOFSKY_CODE, "Karnofsky Performance Status score");

  // ---------------------------------------------------------------- eligibility: pregnancy
  // LOINC 82810-3 Pregnancy status; DESIGN.md section 3 (US Core)
  public static final Concept LOINC_PREGNANCY_STATUS =
      new Concept(LOINC, LOINC_PREGNANCY_STATUS_CODE, "Pregnancy status");
  // SNOMED CT 77386006 Pregnant; DESIGN.md section 3 (US Core pregnancy status answer)
  public static final Concept SNOMED_PREGNANT =
      new Concept(SNOMED, SNOMED_PREGNANT_CODE, "Pregnant");

  // ---------------------------------------------------------------- eligibility: conditions
  // SNOMED CT 109841003 Liver cell carcinoma (disorder); tx.fhir.org expansion in
  // build.fhir.org/ig/ahdis/ch-ekm/ValueSet-ChEkmHepatitisCCourseOfDisease.html
  public static final Concept SNOMED_LIVER_CELL_CARCINOMA =
      new Concept(SNOMED, "109841003", "Liver cell carcinoma");
  // SNOMED CT 363346000 Malignant tumor; hl7.org/fhir/us/mcode/STU2/
  // ValueSet-mcode-primary-malignant-neoplasm-disorder-vs.html ("is-a 363346000 (Malignant tumor)")
  public static final Concept SNOMED_MALIGNANT_TUMOR =
      new Concept(SNOMED, "363346000", "Malignant tumor");
  // ICD-10 (WHO) B20-B24 Human immunodeficiency virus [HIV] disease;
  // icd.who.int/browse10/2019/en/GetConcept?ConceptId=B20-B24
  public static final Concept ICD10_HIV_DISEASE =
      new Concept(ICD10, "B20-B24", "Human immunodeficiency virus [HIV] disease");
  // ICD-10 (WHO) B16 Acute hepatitis B, B18.0-B18.1 chronic viral hepatitis B, B17.1 acute
  // hepatitis C, B18.2 chronic viral hepatitis C;
  // icd.who.int/browse10/2019/en/GetConcept?ConceptId=
  // B15-B19 (block "Viral hepatitis")
  public static final Concept ICD10_CHRONIC_HEPATITIS_B =
      new Concept(ICD10, "B18.1", "Chronic viral hepatitis B without delta-agent");
  public static final Concept ICD10_CHRONIC_HEPATITIS_C =
      new Concept(ICD10, "B18.2", "Chronic viral hepatitis C");
  // ICD-10 J84 Other interstitial pulmonary diseases; rdrr.io codeBuildr disease_codes/ipd.R
  // ("Interstitial Pulmonary Diseases", ICD-10 children of J84) and WHO ICD-10 chapter X
  public static final Concept ICD10_INTERSTITIAL_LUNG_DISEASE =
      new Concept(ICD10, "J84", "Other interstitial pulmonary diseases");
  // ICD-10 A15 Respiratory tuberculosis, bacteriologically and histologically confirmed;
  // hl7.org/fhir valueset-icd-10 expansion (tx.fhir.org, ICD-10 2019)
  public static final Concept ICD10_RESPIRATORY_TUBERCULOSIS =
      new Concept(
          ICD10, "A15", "Respiratory tuberculosis, bacteriologically and histologically confirmed");

  // Not coded (no code verified): extrahepatic metastasis, CNS metastasis, autoimmune disease,
  // decompensated cirrhosis, ascites, hepatic encephalopathy, and every prior therapy (TACE,
  // HAIC, radiotherapy, systemic therapy, immunotherapy, liver transplantation, regorafenib).

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
