package org.fhirtrials.mapping.r4;

import java.util.List;
import java.util.Map;
import org.fhirtrials.eligibility.extract.Category;
import org.fhirtrials.eligibility.extract.Comparator;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.Reference;
import org.fhirtrials.eligibility.extract.Threshold;
import org.fhirtrials.eligibility.extract.TimeWindow;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.terminology.Terminology;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Quantity.QuantityComparator;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Type;

/**
 * The {@code code} and {@code value[x]} of one constraint characteristic (docs/eligibility-model.md
 * "Constraint characteristics"):
 *
 * <ul>
 *   <li>one threshold: {@code Quantity} with {@code comparator} and a UCUM unit;
 *   <li>a lower and an upper bound: {@code Range} (FHIR bounds are inclusive; a strict bound
 *       carries the exclusive-bound extension);
 *   <li>a multiple of the upper / lower limit of normal: the same, with unit text "× ULN" / "×
 *       LLN", no UCUM code, and the threshold-reference extension;
 *   <li>pregnancy: {@code CodeableConcept} SNOMED Pregnant / Not pregnant;
 *   <li>a condition that must be active: {@code CodeableConcept} condition-clinical {@code active};
 *   <li>other allowed values (Child-Pugh class, stage; uncoded): {@code CodeableConcept} text;
 *   <li>presence: {@code boolean} true when the text requires the concept to be present, false when
 *       it requires it to be absent ({@code exclude} keeps meaning "exclusion criterion").
 * </ul>
 *
 * A threshold written with a bare or lost comparator is never turned into a Quantity (that would
 * state "exactly"): its value is the source words as text.
 */
final class R4ConstraintValues {
  private static final String ULN_UNIT = "× ULN";
  private static final String LLN_UNIT = "× LLN";
  private static final String ACTIVE = "active";

  /** Human unit names for the UCUM time codes; other units show their UCUM code. */
  private static final Map<String, String> UNIT_NAMES =
      Map.of("a", "years", "mo", "months", "wk", "weeks", "d", "days");

  /** FHIRPath calendar keywords (TimeWindow units) to UCUM. */
  private static final Map<String, String> CALENDAR_UCUM =
      Map.of("days", "d", "weeks", "wk", "months", "mo", "years", "a");

  private R4ConstraintValues() {}

  /** The concept coding (when the extractor has a verified code) plus the concept's name. */
  static CodeableConcept code(Constraint c) {
    CodeableConcept cc = new CodeableConcept().setText(c.name());
    if (c.concept() != null) {
      cc.addCoding(new Coding(c.concept().system(), c.concept().code(), c.concept().display()));
    } else if (c.category() == Category.AGE) {
      cc.addCoding(new Coding(Terminology.SNOMED, Terminology.SNOMED_AGE, "Age"));
    }
    return cc;
  }

  /** The value[x]; {@code sourceWords} is used when the thresholds cannot be stated exactly. */
  static Type value(Constraint c, String sourceWords) {
    List<Threshold> t = c.thresholds();
    if (!t.isEmpty()) {
      if (t.stream().anyMatch(x -> x.comparator() == Comparator.EQ)) {
        return new CodeableConcept().setText(sourceWords);
      }
      if (t.size() == 1) {
        return quantity(c, t.get(0), true);
      }
      Threshold low =
          t.stream().filter(x -> x.comparator().isLowerBound()).findFirst().orElse(null);
      Threshold high =
          t.stream().filter(x -> !x.comparator().isLowerBound()).findFirst().orElse(null);
      if (t.size() != 2 || low == null || high == null) {
        return new CodeableConcept().setText(sourceWords);
      }
      return range(c, low, high);
    }
    if (c.category() == Category.PREGNANCY) {
      return new CodeableConcept()
          .addCoding(
              c.absent()
                  ? new Coding(Terminology.SNOMED, Terminology.SNOMED_NOT_PREGNANT, "Not pregnant")
                  : new Coding(Terminology.SNOMED, Terminology.SNOMED_PREGNANT_CODE, "Pregnant"));
    }
    if (!c.allowedValues().isEmpty() && !c.absent()) {
      if (c.allowedValues().equals(List.of(ACTIVE))) {
        return new CodeableConcept()
            .addCoding(new Coding(Terminology.CONDITION_CLINICAL, ACTIVE, "Active"));
      }
      // uncoded ordinal values (Child-Pugh class, CNLC stage): "A or B"
      return new CodeableConcept().setText(String.join(" or ", c.allowedValues()));
    }
    return new BooleanType(!c.absent());
  }

  /** The look-back of a time window as a UCUM Duration; null for "at any time". */
  static Duration within(TimeWindow w) {
    String ucum = w.unit() == null ? null : CALENDAR_UCUM.get(w.unit());
    if (w.anyTime() || ucum == null) {
      return null;
    }
    Duration d = new Duration();
    d.setValue(w.amount()).setUnit(UNIT_NAMES.get(ucum)).setSystem(Terminology.UCUM).setCode(ucum);
    return d;
  }

  private static Quantity quantity(Constraint c, Threshold t, boolean withComparator) {
    Quantity q = new Quantity().setValue(t.value());
    if (withComparator) {
      q.setComparator(comparator(t.comparator()));
    }
    if (c.reference() != Reference.ABSOLUTE) {
      q.setUnit(c.reference() == Reference.ULN_MULTIPLE ? ULN_UNIT : LLN_UNIT);
      if (withComparator) {
        q.addExtension(FhirUrls.EXT_THRESHOLD_REFERENCE, referenceCode(c));
      }
    } else if (c.unit() != null) {
      q.setUnit(UNIT_NAMES.getOrDefault(c.unit(), c.unit()))
          .setSystem(Terminology.UCUM)
          .setCode(c.unit());
    }
    return q;
  }

  private static Range range(Constraint c, Threshold low, Threshold high) {
    Range r = new Range();
    Quantity lo = quantity(c, low, false);
    Quantity hi = quantity(c, high, false);
    if (low.comparator() == Comparator.GT) {
      lo.addExtension(FhirUrls.EXT_EXCLUSIVE_BOUND, new BooleanType(true));
    }
    if (high.comparator() == Comparator.LT) {
      hi.addExtension(FhirUrls.EXT_EXCLUSIVE_BOUND, new BooleanType(true));
    }
    r.setLow(lo).setHigh(hi);
    if (c.reference() != Reference.ABSOLUTE) {
      r.addExtension(FhirUrls.EXT_THRESHOLD_REFERENCE, referenceCode(c));
    }
    return r;
  }

  private static CodeType referenceCode(Constraint c) {
    return new CodeType(
        c.reference() == Reference.ULN_MULTIPLE
            ? FhirUrls.UPPER_LIMIT_OF_NORMAL
            : FhirUrls.LOWER_LIMIT_OF_NORMAL);
  }

  private static QuantityComparator comparator(Comparator c) {
    return switch (c) {
      case LT -> QuantityComparator.LESS_THAN;
      case LE -> QuantityComparator.LESS_OR_EQUAL;
      case GT -> QuantityComparator.GREATER_THAN;
      case GE -> QuantityComparator.GREATER_OR_EQUAL;
      case EQ -> throw new IllegalArgumentException("'=' has no Quantity comparator");
    };
  }
}
