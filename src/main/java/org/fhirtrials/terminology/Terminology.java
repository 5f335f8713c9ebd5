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
}
