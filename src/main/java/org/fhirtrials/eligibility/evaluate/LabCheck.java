package org.fhirtrials.eligibility.evaluate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.Reference;
import org.fhirtrials.eligibility.extract.Threshold;
import org.fhirtrials.patient.LabCatalog;
import org.fhirtrials.patient.LabValue;
import org.fhirtrials.patient.Measure;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.UnitConverter;

/**
 * A lab or vital-sign threshold: absolute (in UCUM units), or a multiple of the Observation's
 * reference range (upper / lower limit of normal; no range limit → unknown).
 *
 * <p>Values come from the fact sheet, in the {@link LabCatalog} canonical unit for catalogued
 * analytes; thresholds are converted into the value's unit once per unit and cached.
 */
final class LabCheck implements Check {
  private static final BigDecimal[] NOT_CONVERTIBLE = new BigDecimal[0];

  private final Constraint constraint;
  private final String[] loincs;
  private final Observations.Window window;
  private final org.fhirtrials.eligibility.extract.Comparator[] comparators;
  private final BigDecimal[] values;
  private final Map<String, BigDecimal[]> thresholdsByUnit = new ConcurrentHashMap<>();
  private final ConstraintResult missing;

  LabCheck(Constraint c, String[] loincs, Observations.Window window) {
    this.constraint = c;
    this.loincs = loincs;
    this.window = window;
    List<Threshold> ts = c.thresholds();
    comparators = new org.fhirtrials.eligibility.extract.Comparator[ts.size()];
    values = new BigDecimal[ts.size()];
    for (int i = 0; i < ts.size(); i++) {
      comparators[i] = ts.get(i).comparator();
      values[i] = ts.get(i).value();
    }
    missing =
        new ConstraintResult(
            c,
            Outcome.UNKNOWN,
            null,
            "no "
                + c.name()
                + " (LOINC "
                + String.join(" or ", loincs)
                + ") in the last "
                + window.text());
  }

  @Override
  public Object key() {
    return Arrays.asList(
        "lab",
        List.of(loincs),
        window.key(),
        List.of(comparators),
        List.of(values),
        constraint.unit(),
        constraint.reference());
  }

  @Override
  public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
    LabValue v = Observations.latest(patient, loincs, window, asOf);
    if (v == null) {
      return missing;
    }
    Measure m = v.value().orElse(null);
    if (m == null) {
      return unknown(v.reference() + " has no quantity value");
    }
    Reference ref = constraint.reference();
    if (ref == Reference.ABSOLUTE) {
      BigDecimal[] bounds = constraint.unit() == null ? values : thresholdsIn(m.unit());
      if (bounds == NOT_CONVERTIBLE) {
        return unknown(
            v.reference() + " unit " + m.unit() + " is not comparable with " + constraint.unit());
      }
      return decided(v, m, null, holds(m.value(), bounds));
    }
    Optional<Measure> limit = ref == Reference.ULN_MULTIPLE ? v.high() : v.low();
    if (limit.isEmpty()) {
      return unknown(
          "no reference range "
              + (ref == Reference.ULN_MULTIPLE ? "upper" : "lower")
              + " limit on "
              + v.reference());
    }
    BigDecimal[] bounds = new BigDecimal[values.length];
    for (int i = 0; i < values.length; i++) {
      bounds[i] = limit.get().value().multiply(values[i], MathContext.DECIMAL64);
    }
    return decided(v, m, limit.get(), holds(m.value(), bounds));
  }

  private boolean holds(BigDecimal value, BigDecimal[] bounds) {
    for (int i = 0; i < bounds.length; i++) {
      int c = value.compareTo(bounds[i]);
      boolean ok =
          switch (comparators[i]) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private BigDecimal[] thresholdsIn(String unit) {
    if (unit == null) {
      return NOT_CONVERTIBLE;
    }
    return thresholdsByUnit.computeIfAbsent(unit, this::convert);
  }

  /** The thresholds in {@code unit}: via the lab catalogue's canonical conversion, else UCUM. */
  private BigDecimal[] convert(String unit) {
    BigDecimal[] out = new BigDecimal[values.length];
    for (String loinc : loincs) {
      Optional<LabCatalog.Analyte> a = LabCatalog.forLoinc(loinc);
      if (a.isPresent() && a.get().canonicalUnit().equals(unit)) {
        for (int i = 0; i < values.length; i++) {
          Optional<Measure> m =
              UnitConverter.toCanonical(a.get(), values[i], constraint.unit()).measure();
          if (m.isEmpty()) {
            return NOT_CONVERTIBLE;
          }
          out[i] = m.get().value();
        }
        return out;
      }
    }
    Optional<BigDecimal> f = UcumFactors.factor(constraint.unit(), unit);
    if (f.isEmpty()) {
      return NOT_CONVERTIBLE;
    }
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].multiply(f.get(), MathContext.DECIMAL64);
    }
    return out;
  }

  private ConstraintResult decided(LabValue v, Measure m, Measure limit, boolean holds) {
    return new ConstraintResult(
        constraint,
        Outcome.of(holds),
        new Evidence(v.reference(), m, limit, v.effective().orElse(null), null),
        null);
  }

  private ConstraintResult unknown(String why) {
    return new ConstraintResult(constraint, Outcome.UNKNOWN, null, why);
  }
}
