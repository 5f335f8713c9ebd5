package org.fhirtrials.synth;

/**
 * An intervention that a trial of a condition may test or compare against.
 *
 * @param type registry intervention type ({@code DRUG}, {@code DEVICE}, ...)
 * @param name the intervention's name; {@code null} for a sponsor code-named compound
 * @param meshId MeSH (or supplementary concept) id when verified, else null
 * @param meshTerm the MeSH entry term for {@code meshId}, else null
 */
record Agent(String type, String name, String meshId, String meshTerm) {
  /**
   * Parses {@code "DEVICE:Name"}, {@code "Name"} (a drug) or {@code "Name=D017239"} (MeSH term =
   * the capitalised name) or {@code "Name=D000068196|Albumin-Bound Paclitaxel"}.
   */
  static Agent parse(String spec) {
    String type = "DRUG";
    String rest = spec;
    int colon = spec.indexOf(':');
    if (colon > 0
        && spec.substring(0, colon).chars().allMatch(c -> c == '_' || Character.isUpperCase(c))) {
      type = spec.substring(0, colon);
      rest = spec.substring(colon + 1);
    }
    String meshId = null;
    String meshTerm = null;
    int eq = rest.indexOf('=');
    if (eq > 0) {
      meshId = rest.substring(eq + 1);
      rest = rest.substring(0, eq);
      int bar = meshId.indexOf('|');
      if (bar > 0) {
        meshTerm = meshId.substring(bar + 1);
        meshId = meshId.substring(0, bar);
      } else {
        meshTerm = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return new Agent(type, rest, meshId, meshTerm);
  }

  /** The registry's label for the type in {@code "Drug: name"} links. */
  String typeLabel() {
    return switch (type) {
      case "DRUG" -> "Drug";
      case "BIOLOGICAL" -> "Biological";
      case "DEVICE" -> "Device";
      case "PROCEDURE" -> "Procedure";
      case "RADIATION" -> "Radiation";
      case "BEHAVIORAL" -> "Behavioral";
      case "GENETIC" -> "Genetic";
      case "DIETARY_SUPPLEMENT" -> "Dietary Supplement";
      case "DIAGNOSTIC_TEST" -> "Diagnostic Test";
      case "COMBINATION_PRODUCT" -> "Combination Product";
      default -> "Other";
    };
  }
}
