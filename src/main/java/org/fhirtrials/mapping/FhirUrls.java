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

  /** Identifier system of NCT ids (DESIGN §2). */
  public static final String NCT_SYSTEM = "https://clinicaltrials.gov";

  /** Legacy spelling accepted on search. */
  public static final String NCT_SYSTEM_LEGACY = "http://clinicaltrials.gov/";

  /** Public page of a study on the registry. */
  public static String registryPage(String nctId) {
    return "https://clinicaltrials.gov/study/" + nctId;
  }
}
