package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fhirtrials.eligibility.extract.TimeWindow;
import org.fhirtrials.patient.LabValue;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.Timepoint;

/**
 * Picks the observation a constraint is judged on, as the published FHIRPath does: among values of
 * any of the codes, those effective on or after {@code asOf - window} (FHIRPath date precision:
 * undated or not certainly inside the window are not used), the most recent.
 */
final class Observations {
  private Observations() {}

  /** A look-back resolved to a number and a calendar unit. */
  record Window(long amount, ChronoUnit unit, String text) {
    static Window of(TimeWindow w) {
      return new Window(w.amount(), FhirDates.unit(w.unit()), w.amount() + " " + w.unit());
    }

    LocalDate start(LocalDate asOf) {
      return asOf.minus(amount, unit);
    }

    /** What the window's outcome depends on (not its wording). */
    List<Object> key() {
      return List.of(amount, unit);
    }
  }

  /** The most recent value inside the window, or null. */
  static LabValue latest(PatientFacts patient, String[] loincs, Window window, LocalDate asOf) {
    LocalDate start = window.start(asOf);
    LabValue best = null;
    Timepoint bestWhen = null;
    for (String loinc : loincs) {
      List<LabValue> values = patient.observations(loinc);
      for (int i = 0; i < values.size(); i++) {
        LabValue v = values.get(i);
        Timepoint when = v.effective().orElse(null);
        if (when != null && FhirDates.notBefore(when, start)) {
          if (best == null || when.compareTo(bestWhen) > 0) {
            best = v;
            bestWhen = when;
          }
          break; // newest first: the first inside the window is this code's latest
        }
      }
    }
    return best;
  }
}
