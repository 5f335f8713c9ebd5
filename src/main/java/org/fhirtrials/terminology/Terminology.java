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
  public static final String LOINC_ECOG = "89247-1";

  /**
   * ECOG answer list LL529-9, LA9622-7..LA9627-6 = grades 0..5 (verified: Gefyra/krrp-tumorboard
   * valuesets.fsh, ValueSet url http://loinc.org/vs/LL529-9; mCODE example uses LA9622-7 for 0).
   */
  public static final java.util.List<String> LOINC_ECOG_ANSWERS =
      java.util.List.of("LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0", "LA9626-8", "LA9627-6");

  /** LOINC 89243-0 Karnofsky Performance Status score (mCODE KarnofskyPerformanceStatus). */
  public static final String LOINC_KARNOFSKY = "89243-0";

  /** LOINC 82810-3 Pregnancy status (US Core pregnancy status observation). */
  public static final String LOINC_PREGNANCY_STATUS = "82810-3";

  /** LOINC 63895-7 Breastfeeding status (verified: ISiK and Charité profiles fix this code). */
  public static final String LOINC_BREASTFEEDING_STATUS = "63895-7";

  /**
   * Pregnancy status answers (verified: eHDSI CurrentPregnancyStatus and WHO SMART immunization
   * pregnancystatus-values value sets): SNOMED 77386006 Pregnant, 60001007 Not pregnant, 261665006
   * Unknown; LOINC LA15173-0 Pregnant, LA26683-5 Not pregnant, LA4489-6 Unknown.
   */
  public static final String SNOMED_PREGNANT = "77386006";

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
}
