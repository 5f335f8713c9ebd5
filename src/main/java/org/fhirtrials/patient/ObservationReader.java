package org.fhirtrials.patient;

import static org.fhirtrials.terminology.Terminology.LOINC;
import static org.fhirtrials.terminology.Terminology.LOINC_ANSWER_NOT_PREGNANT;
import static org.fhirtrials.terminology.Terminology.LOINC_ANSWER_PREGNANT;
import static org.fhirtrials.terminology.Terminology.LOINC_ANSWER_UNKNOWN;
import static org.fhirtrials.terminology.Terminology.LOINC_BREASTFEEDING_STATUS;
import static org.fhirtrials.terminology.Terminology.LOINC_ECOG_ANSWERS;
import static org.fhirtrials.terminology.Terminology.LOINC_ECOG_CODE;
import static org.fhirtrials.terminology.Terminology.LOINC_KARNOFSKY_CODE;
import static org.fhirtrials.terminology.Terminology.LOINC_PREGNANCY_STATUS_CODE;
import static org.fhirtrials.terminology.Terminology.SNOMED;
import static org.fhirtrials.terminology.Terminology.SNOMED_NOT_PREGNANT;
import static org.fhirtrials.terminology.Terminology.SNOMED_PREGNANT_CODE;
import static org.fhirtrials.terminology.Terminology.SNOMED_UNKNOWN;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fhirtrials.patient.PregnancyFact.Status;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads one R4 Observation into lab values (one per LOINC coding, and one per coded component such
 * as systolic/diastolic pressure), performance status, pregnancy and breastfeeding status.
 */
final class ObservationReader {
  private ObservationReader() {}

  /** Statuses whose values must not be used: the result was withdrawn or never produced. */
  private static final Set<String> VOID = Set.of("entered-in-error", "cancelled");

  private static final int ECOG_MAX = 5;
  private static final int KARNOFSKY_MAX = 100;
  private static final String UNITY = "1";

  private static final Map<String, Status> PREGNANCY_ANSWERS =
      Map.of(
          SNOMED + "|" + SNOMED_PREGNANT_CODE, Status.PREGNANT,
          SNOMED + "|" + SNOMED_NOT_PREGNANT, Status.NOT_PREGNANT,
          SNOMED + "|" + SNOMED_UNKNOWN, Status.UNKNOWN,
          LOINC + "|" + LOINC_ANSWER_PREGNANT, Status.PREGNANT,
          LOINC + "|" + LOINC_ANSWER_NOT_PREGNANT, Status.NOT_PREGNANT,
          LOINC + "|" + LOINC_ANSWER_UNKNOWN, Status.UNKNOWN);

  static void read(Observation o, String ref, FactsBuilder facts) {
    String status = o.hasStatus() ? o.getStatus().toCode() : "unknown";
    if (VOID.contains(status)) {
      return;
    }
    Optional<Timepoint> effective = R4Values.start(o.getEffective(), ref, "effective");
    for (String loinc : loincs(o.getCode())) {
      Optional<LabValue> v =
          value(
              loinc,
              o.getValue(),
              o.getReferenceRange(),
              o.getInterpretation(),
              ref,
              "",
              status,
              effective);
      if (v.isPresent()) {
        facts.observation(loinc, v.get());
        special(loinc, v.get(), o.getValue(), ref, facts);
      }
    }
    for (int i = 0; i < o.getComponent().size(); i++) {
      ObservationComponentComponent c = o.getComponent().get(i);
      for (String loinc : loincs(c.getCode())) {
        value(
                loinc,
                c.getValue(),
                c.getReferenceRange(),
                c.getInterpretation(),
                ref,
                "component[" + i + "].",
                status,
                effective)
            .ifPresent(v -> facts.observation(loinc, v));
      }
    }
  }

  private static List<String> loincs(CodeableConcept code) {
    return code.getCoding().stream()
        .filter(c -> LOINC.equals(c.getSystem()) && c.hasCode())
        .map(Coding::getCode)
        .distinct()
        .toList();
  }

  /** A lab value, or empty when the element carries no usable value (e.g. dataAbsentReason). */
  private static Optional<LabValue> value(
      String loinc,
      Type value,
      List<ObservationReferenceRangeComponent> ranges,
      List<CodeableConcept> interpretation,
      String ref,
      String path,
      String status,
      Optional<Timepoint> effective) {
    Optional<Measure> canonical = Optional.empty();
    Optional<Measure> original = Optional.empty();
    Optional<String> comparator = Optional.empty();
    Optional<Measure> low = Optional.empty();
    Optional<Measure> high = Optional.empty();
    List<Code> coded = List.of();
    Optional<Boolean> flag = Optional.empty();
    boolean isCanonical = false;
    Optional<LabCatalog.Analyte> analyte = LabCatalog.forLoinc(loinc);

    if (value instanceof Quantity q && q.hasValue()) {
      String unit = unitOf(q);
      original = Optional.of(new Measure(q.getValue(), unit));
      comparator = q.hasComparator() ? Optional.of(q.getComparator().toCode()) : Optional.empty();
      if (analyte.isPresent()) {
        canonical =
            Optional.of(
                convert(analyte.get(), q.getValue(), unit, ref, path + "valueQuantity.code"));
        isCanonical = true;
      } else {
        canonical = original;
      }
      if (!ranges.isEmpty()) {
        ObservationReferenceRangeComponent range = ranges.get(0);
        String rangePath = path + "referenceRange[0].";
        low = bound(range.getLow(), unit, analyte, ref, rangePath + "low");
        high = bound(range.getHigh(), unit, analyte, ref, rangePath + "high");
      }
    } else if (value instanceof IntegerType i && i.hasValue()) {
      canonical = Optional.of(new Measure(BigDecimal.valueOf(i.getValue()), UNITY));
      original = canonical;
    } else if (value instanceof CodeableConcept cc && cc.hasCoding()) {
      coded = R4Values.codes(cc);
    } else if (value instanceof BooleanType b && b.hasValue()) {
      flag = Optional.of(b.booleanValue());
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new LabValue(
            ref,
            status,
            effective,
            canonical,
            original,
            comparator,
            low,
            high,
            R4Values.codes(interpretation),
            coded,
            flag,
            isCanonical));
  }

  /** The UCUM code of a Quantity, else its human-readable unit, else null. */
  private static String unitOf(Quantity q) {
    if (q.hasCode()) {
      return q.getCode();
    }
    return q.hasUnit() ? q.getUnit() : null;
  }

  private static Measure convert(
      LabCatalog.Analyte analyte, BigDecimal value, String unit, String ref, String field) {
    UnitConverter.Conversion c = UnitConverter.toCanonical(analyte, value, unit);
    return c.measure().orElseThrow(() -> new PatientDataException(ref, field, c.problem()));
  }

  /**
   * A reference-range bound, in the value's canonical unit; a bound without a unit has the value's.
   */
  private static Optional<Measure> bound(
      Quantity q,
      String valueUnit,
      Optional<LabCatalog.Analyte> analyte,
      String ref,
      String field) {
    if (q == null || !q.hasValue()) {
      return Optional.empty();
    }
    String unit = q.hasCode() || q.hasUnit() ? unitOf(q) : valueUnit;
    if (analyte.isEmpty()) {
      return Optional.of(new Measure(q.getValue(), unit));
    }
    return Optional.of(convert(analyte.get(), q.getValue(), unit, ref, field + ".code"));
  }

  /** Performance status, pregnancy and breastfeeding facts from their dedicated LOINC codes. */
  private static void special(String loinc, LabValue v, Type raw, String ref, FactsBuilder facts) {
    switch (loinc) {
      case LOINC_ECOG_CODE ->
          score(v, raw, ref, ECOG_MAX, "ECOG", true).ifPresent(s -> facts.ecog.add(s));
      case LOINC_KARNOFSKY_CODE ->
          score(v, raw, ref, KARNOFSKY_MAX, "Karnofsky", false)
              .ifPresent(s -> facts.karnofsky.add(s));
      case LOINC_PREGNANCY_STATUS_CODE ->
          v.coded().stream()
              .map(c -> PREGNANCY_ANSWERS.get(c.system() + "|" + c.code()))
              .filter(s -> s != null)
              .findFirst()
              .ifPresent(s -> facts.pregnancy.add(new PregnancyFact(s, v.effective(), ref)));
      case LOINC_BREASTFEEDING_STATUS -> {
        if (v.flag().isPresent()) {
          facts.breastfeeding.add(v);
        }
      }
      default -> {}
    }
  }

  /**
   * A score from valueInteger (mCODE), or an ECOG LA answer code. An integer outside the scale is
   * invalid data and rejected; an unrecognised answer code stays unknown.
   */
  private static Optional<ScoreFact> score(
      LabValue v, Type raw, String ref, int max, String scale, boolean codedEcog) {
    if (v.value().isPresent()) {
      BigDecimal n = v.value().get().value();
      String field = raw instanceof IntegerType ? "valueInteger" : "valueQuantity";
      if (n.stripTrailingZeros().scale() > 0 || n.signum() < 0 || n.intValue() > max) {
        throw new PatientDataException(
            ref, field, scale + " score " + n.toPlainString() + " is outside 0.." + max);
      }
      return Optional.of(new ScoreFact(n.intValue(), v.effective(), ref));
    }
    if (codedEcog) {
      for (Code c : v.coded()) {
        int grade = LOINC.equals(c.system()) ? LOINC_ECOG_ANSWERS.indexOf(c.code()) : -1;
        if (grade >= 0) {
          return Optional.of(new ScoreFact(grade, v.effective(), ref));
        }
      }
    }
    return Optional.empty();
  }
}
