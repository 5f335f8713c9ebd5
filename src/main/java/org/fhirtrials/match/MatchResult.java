package org.fhirtrials.match;

import java.util.List;
import org.fhirtrials.eligibility.evaluate.Outcome;
import org.fhirtrials.eligibility.evaluate.Verdict;

/**
 * The {@code match-result} extension on {@code Bundle.entry.search} of a {@code $match} answer: the
 * verdict, the nearest site and one {@code criterion} part per evaluated criterion with its
 * outcome, text and evidence (or the missing data named). Published as a StructureDefinition in
 * {@code fhir-resources/}; this class is the one source of its URL, part names and codes.
 */
public final class MatchResult {
  private MatchResult() {}

  public static final String URL = "https://fhirtrials.org/fhir/StructureDefinition/match-result";

  /** A part (sub-extension) of the extension: its name, FHIR type or child parts, cardinality. */
  public record Part(
      String name, String type, int min, String max, String description, List<Part> parts) {
    static Part simple(String name, String type, int min, String description) {
      return new Part(name, type, min, "1", description, List.of());
    }
  }

  public static final String VERDICT = "verdict";
  public static final String DISTANCE = "distance";
  public static final String NEAREST_SITE = "nearestSite";
  public static final String CRITERION = "criterion";
  public static final String ID = "id";
  public static final String EXCLUSION = "exclusion";
  public static final String OUTCOME = "outcome";
  public static final String TEXT = "text";
  public static final String MISSING = "missing";
  public static final String EVIDENCE = "evidence";
  public static final String REFERENCE = "reference";
  public static final String VALUE = "value";
  public static final String LIMIT = "limit";
  public static final String DATE = "date";
  public static final String NOTE = "note";

  /** UCUM code of the distance. */
  public static final String KM = "km";

  public static final List<Part> PARTS =
      List.of(
          Part.simple(
              VERDICT,
              "code",
              1,
              "eligible (every computable inclusion met, no exclusion met) | possibly-eligible"
                  + " (data missing) | ineligible (an inclusion not met or an exclusion met)"),
          Part.simple(
              DISTANCE,
              "Quantity",
              0,
              "Great-circle distance from the requested 'near' point to the nearest site, in km"),
          Part.simple(NEAREST_SITE, "Reference", 0, "The trial's Location nearest to 'near'"),
          new Part(
              CRITERION,
              null,
              0,
              "*",
              "One per evaluated criterion: the trial's structured age/sex limits, then the"
                  + " criteria in source order",
              List.of(
                  Part.simple(
                      ID,
                      "string",
                      1,
                      "The criterion id, as in the eligibility Group characteristic's criterion-id"
                          + " extension (e.g. inc-8.1, exc-2, structured-age)"),
                  Part.simple(EXCLUSION, "boolean", 1, "True for an exclusion criterion"),
                  Part.simple(
                      OUTCOME,
                      "code",
                      1,
                      "met | not-met | unknown, in the criterion's own terms (for an exclusion,"
                          + " met = the exclusion applies)"),
                  Part.simple(TEXT, "string", 1, "The criterion text, verbatim"),
                  Part.simple(
                      MISSING,
                      "string",
                      0,
                      "For unknown: the missing data named, and why parts are not computable"),
                  new Part(
                      EVIDENCE,
                      null,
                      0,
                      "*",
                      "The patient data the outcome rests on",
                      List.of(
                          Part.simple(
                              REFERENCE,
                              "Reference",
                              1,
                              "The resource in the submitted Bundle (e.g. Observation/plt-1)"),
                          Part.simple(
                              VALUE,
                              "Quantity",
                              0,
                              "The value used (canonical UCUM unit for catalogued labs)"),
                          Part.simple(
                              LIMIT,
                              "Quantity",
                              0,
                              "The reference-range limit used for a multiple of a limit of"
                                  + " normal"),
                          Part.simple(DATE, "dateTime", 0, "When observed, as recorded"),
                          Part.simple(
                              NOTE,
                              "string",
                              0,
                              "What the evidence is when not a number (e.g. active"
                                  + " condition)"))))));

  /** The verdict code. */
  public static String code(Verdict verdict) {
    return switch (verdict) {
      case ELIGIBLE -> "eligible";
      case POSSIBLY_ELIGIBLE -> "possibly-eligible";
      case INELIGIBLE -> "ineligible";
    };
  }

  /** The outcome code. */
  public static String code(Outcome outcome) {
    return switch (outcome) {
      case MET -> "met";
      case NOT_MET -> "not-met";
      case UNKNOWN -> "unknown";
    };
  }
}
