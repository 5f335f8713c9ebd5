package org.fhirtrials.patient;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhirtrials.patient.LabCatalog.Analyte;
import org.fhirtrials.terminology.Ucum;

/**
 * Converts lab quantities to the canonical unit of their {@link LabCatalog} analyte with UCUM (the
 * {@code org.fhir:ucum} essence), after mapping common non-UCUM spellings, and across mass and
 * substance concentration with the analyte's molar mass.
 *
 * <p>All conversions here are linear, so each (analyte, unit) pair is resolved once to a factor and
 * cached; the class is thread-safe.
 */
public final class UnitConverter {

  /**
   * Non-UCUM spellings seen in real data, mapped to UCUM. Some are valid UCUM with a different,
   * absurd meaning and must be mapped first: {@code K/uL} is kelvin per microlitre in UCUM but
   * thousands per microlitre on lab reports.
   */
  private static final Map<String, String> SPELLINGS =
      Map.ofEntries(
          Map.entry("K/uL", "10*3/uL"),
          Map.entry("K/µL", "10*3/uL"),
          Map.entry("x10E3/uL", "10*3/uL"),
          Map.entry("x10E9/L", "10*9/L"),
          Map.entry("10E9/L", "10*9/L"),
          Map.entry("10^3/uL", "10*3/uL"),
          Map.entry("10^9/L", "10*9/L"),
          Map.entry("/µL", "/uL"),
          Map.entry("/μL", "/uL"),
          Map.entry("cells/uL", "/uL"),
          Map.entry("cells/mm3", "/mm3"),
          Map.entry("/mm³", "/mm3"),
          Map.entry("µmol/L", "umol/L"),
          Map.entry("μmol/L", "umol/L"),
          Map.entry("umol/l", "umol/L"),
          Map.entry("mg/dl", "mg/dL"),
          Map.entry("g/dl", "g/dL"),
          Map.entry("g/l", "g/L"),
          Map.entry("mmHg", "mm[Hg]"),
          Map.entry("mm Hg", "mm[Hg]"),
          Map.entry("msec", "ms"),
          Map.entry("mL/min/1.73m2", "mL/min/{1.73_m2}"),
          Map.entry("mL/min/1.73 m2", "mL/min/{1.73_m2}"));

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final String MASS_CONCENTRATION = "g/L";
  private static final String SUBSTANCE_CONCENTRATION = "mol/L";

  private static final UcumEssenceService UCUM = Ucum.shared();
  private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

  private UnitConverter() {}

  /** A resolved conversion: a factor, or why there is none. */
  private record Result(BigDecimal factor, String problem) {}

  /**
   * The value in the analyte's canonical unit, or the reason it cannot be converted (the unit is
   * not UCUM nor a known alias, or it measures something else).
   *
   * @param unit the unit code as recorded; null or blank when the Quantity has none
   */
  public static Conversion toCanonical(Analyte analyte, BigDecimal value, String unit) {
    String recorded = unit == null ? "" : unit.trim();
    Result r =
        CACHE.computeIfAbsent(analyte.loinc() + "|" + recorded, k -> resolve(analyte, recorded));
    return r.factor == null
        ? new Conversion(Optional.empty(), r.problem)
        : new Conversion(
            Optional.of(new Measure(value.multiply(r.factor, MC), analyte.canonicalUnit())), null);
  }

  /** Outcome of {@link #toCanonical}: a measure, or a problem description. */
  public record Conversion(Optional<Measure> measure, String problem) {}

  /** The UCUM code a recorded unit stands for (aliases applied), before validation. */
  static String normalise(Analyte analyte, String recorded) {
    String u = analyte.aliases().getOrDefault(recorded, recorded);
    return SPELLINGS.getOrDefault(u, u);
  }

  private static Result resolve(Analyte analyte, String recorded) {
    String to = analyte.canonicalUnit();
    String from = normalise(analyte, recorded);
    if (from.isEmpty()) {
      return new Result(null, "no unit given; expected a unit convertible to " + to);
    }
    synchronized (UCUM) {
      String invalid = UCUM.validate(from);
      if (invalid != null) {
        return new Result(
            null,
            "unit '" + recorded + "' is not a UCUM unit (" + analyte.name() + " needs " + to + ")");
      }
      try {
        if (UCUM.isComparable(from, to)) {
          return new Result(factor(from, to), null);
        }
        if (analyte.molarMass().isPresent()) {
          BigDecimal gramsPerMole = analyte.molarMass().get();
          if (UCUM.isComparable(from, MASS_CONCENTRATION)
              && UCUM.isComparable(to, SUBSTANCE_CONCENTRATION)) {
            BigDecimal f =
                factor(from, MASS_CONCENTRATION)
                    .divide(gramsPerMole, MC)
                    .multiply(factor(SUBSTANCE_CONCENTRATION, to), MC);
            return new Result(f, null);
          }
          if (UCUM.isComparable(from, SUBSTANCE_CONCENTRATION)
              && UCUM.isComparable(to, MASS_CONCENTRATION)) {
            BigDecimal f =
                factor(from, SUBSTANCE_CONCENTRATION)
                    .multiply(gramsPerMole, MC)
                    .multiply(factor(MASS_CONCENTRATION, to), MC);
            return new Result(f, null);
          }
        }
        return new Result(
            null,
            "unit '" + recorded + "' cannot be converted to " + to + " (" + analyte.name() + ")");
      } catch (UcumException e) {
        return new Result(
            null, "unit '" + recorded + "' cannot be converted to " + to + ": " + e.getMessage());
      }
    }
  }

  private static BigDecimal factor(String from, String to) throws UcumException {
    // Decimal("1", 24): UCUM's Decimal tracks significant digits; give the unit value room.
    return new BigDecimal(UCUM.convert(new Decimal("1", 24), from, to).asDecimal());
  }
}
