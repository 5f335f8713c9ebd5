package org.fhirtrials.eligibility.evaluate;

import org.fhirtrials.patient.Measure;
import org.fhirtrials.patient.Timepoint;

/**
 * The patient data a constraint result rests on.
 *
 * @param reference the resource, e.g. {@code Observation/plt-1}
 * @param value the value used (canonical UCUM unit for catalogued labs), null for conditions and
 *     coded answers
 * @param limit the reference-range limit used for a ULN/LLN multiple, else null
 * @param date when observed (Observation.effective, Condition onset, Patient.birthDate), or null
 * @param note what the value is when it is not a number (e.g. "pregnant", "active condition")
 */
public record Evidence(
    String reference, Measure value, Measure limit, Timepoint date, String note) {

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(reference);
    if (value != null) {
      s.append(' ').append(value);
    }
    if (limit != null) {
      s.append(" (limit ").append(limit).append(')');
    }
    if (note != null) {
      s.append(' ').append(note);
    }
    if (date != null) {
      s.append(" on ").append(date);
    }
    return s.toString();
  }
}
