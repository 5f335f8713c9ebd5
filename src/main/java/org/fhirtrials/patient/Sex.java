package org.fhirtrials.patient;

/** FHIR administrative gender. {@link #UNKNOWN} covers both "unknown" and an absent gender. */
public enum Sex {
  MALE,
  FEMALE,
  OTHER,
  UNKNOWN;

  static Sex fromCode(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return switch (code) {
      case "male" -> MALE;
      case "female" -> FEMALE;
      case "other" -> OTHER;
      default -> UNKNOWN;
    };
  }
}
