package org.fhirtrials.eligibility.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.fhirtrials.terminology.Terminology;
import org.fhirtrials.terminology.Terminology.Concept;

/**
 * Builds the FHIRPath expression of a computable constraint from its structured form. The
 * expression is evaluated with a patient Bundle as focus and yields {@code true} when the
 * constraint holds, {@code false} when it does not, and empty when the data is missing (DESIGN D3,
 * D5).
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Observations: the most recent one with a matching LOINC code (by {@code effectiveDateTime})
 *       is chosen with {@code aggregate()}; its quantity (or the matching component's, for blood
 *       pressure panels) is compared with a UCUM quantity literal, so {@code 80 '10*9/L'} compares
 *       correctly with {@code 80000 '/uL'} under a UCUM-aware engine.
 *   <li>ULN/LLN multiples compare the value with {@code referenceRange.high/low.value * k} only
 *       when the reference range has the same unit; otherwise, or without a reference range, empty.
 *   <li>Conditions: a matching Condition makes the expression true (present) or false (required
 *       absent); no matching Condition gives empty, never a guessed absence.
 *   <li>Sex-restricted thresholds: {@code gender = 'male' implies (...)} when all constraints must
 *       hold, {@code gender = 'male' and (...)} when any one is enough.
 * </ul>
 */
final class FhirPathBuilder {
  static final String PATIENT = "entry.resource.ofType(Patient)";
  static final String OBSERVATIONS = "entry.resource.ofType(Observation)";
  static final String CONDITIONS = "entry.resource.ofType(Condition)";
  private static final String ICD10_CM = Terminology.ICD10_CM;

  /** The allowed value marking a condition that must be clinically active. */
  static final String ACTIVE = "active";

  private FhirPathBuilder() {}

  /** The expression for {@code c}; {@code allOf} tells how sex-restricted parts combine. */
  static String build(Constraint c, ConceptCatalog.Def def, boolean allOf) {
    String body =
        switch (def.kind()) {
          case AGE -> age(c);
          case QUANTITY -> quantity(c, def);
          case SCORE -> score(c);
          case PREGNANCY -> pregnancy(c);
          case CONDITION -> condition(c, def);
          default -> throw new IllegalArgumentException("not computable kind " + def.kind());
        };
    if (c.sex() == null) {
      return body;
    }
    // administrative gender 'other' / 'unknown' / absent says nothing about which sex-specific
    // threshold applies: the test is then empty, not false
    String sexTest =
        "("
            + PATIENT
            + ".gender.where($this = 'male' or $this = 'female') = '"
            + c.sex().fhirCode()
            + "')";
    return sexTest + (allOf ? " implies (" : " and (") + body + ")";
  }

  /** The constraints' expressions joined into one criterion expression. */
  static String join(List<String> expressions, boolean allOf) {
    if (expressions.size() == 1) {
      return expressions.get(0);
    }
    return expressions.stream()
        .map(e -> "(" + e + ")")
        .collect(Collectors.joining(allOf ? " and " : " or "));
  }

  private static String age(Constraint c) {
    String unit = "mo".equals(c.unit()) ? "months" : "years";
    List<String> parts = new ArrayList<>();
    for (Threshold t : c.thresholds()) {
      long n = t.value().longValueExact();
      // age >= n  <=> born on or before today - n; age <= n <=> born after today - (n+1)
      parts.add(
          switch (t.comparator()) {
            case GE -> "birthDate <= today() - " + n + " " + unit;
            case GT -> "birthDate < today() - " + n + " " + unit;
            case LE -> "birthDate > today() - " + (n + 1) + " " + unit;
            case LT -> "birthDate > today() - " + n + " " + unit;
            case EQ -> throw new IllegalArgumentException("age '=' is not computable");
          });
    }
    return PATIENT + ".select(" + String.join(" and ", parts) + ")";
  }

  private static String quantity(Constraint c, ConceptCatalog.Def def) {
    List<Concept> codes = new ArrayList<>();
    codes.add(def.concept());
    codes.addAll(def.alternates());
    String match = codingMatch(codes);
    String value =
        "iif(code.coding.where("
            + match
            + ").exists(), value, component.where(code.coding.where("
            + match
            + ").exists()).value).ofType(Quantity)";
    List<String> parts = new ArrayList<>();
    for (Threshold t : c.thresholds()) {
      parts.add(comparison(value, t, c));
    }
    return latest(match, window(c)) + ".select(" + String.join(" and ", parts) + ")";
  }

  /** The look-back of an observation-based constraint: its own window, else the default. */
  static TimeWindow window(Constraint c) {
    return c.window() != null && !c.window().anyTime() ? c.window() : TimeWindow.DEFAULT_LOOKBACK;
  }

  private static String comparison(String value, Threshold t, Constraint c) {
    String op = t.comparator().fhirCode();
    return switch (c.reference()) {
      case ULN_MULTIPLE -> relative(value, op, t.value(), "high");
      case LLN_MULTIPLE -> relative(value, op, t.value(), "low");
      case ABSOLUTE ->
          c.unit() == null
              ? value + ".value " + op + " " + plain(t.value())
              : value + " " + op + " " + plain(t.value()) + " '" + c.unit() + "'";
    };
  }

  private static String relative(String value, String op, BigDecimal k, String limit) {
    // a reference-range bound without a unit has the value's unit (as the fact sheet reads it)
    String ref = "referenceRange.where(" + limit + ".exists()).first()." + limit;
    return "iif("
        + ref
        + ".code.empty() or "
        + value
        + ".code = "
        + ref
        + ".code, "
        + value
        + ".value "
        + op
        + " "
        + ref
        + ".value * "
        + plain(k)
        + ")";
  }

  private static String score(Constraint c) {
    String match = codingMatch(List.of(c.concept()));
    List<String> parts = new ArrayList<>();
    for (Threshold t : c.thresholds()) {
      parts.add("value.ofType(integer) " + t.comparator().fhirCode() + " " + plain(t.value()));
    }
    return latest(match, window(c)) + ".select(" + String.join(" and ", parts) + ")";
  }

  /**
   * Pregnancy status: a "pregnant" answer (SNOMED 77386006 or LOINC LA15173-0) makes "pregnant"
   * true, a "not pregnant" answer (SNOMED 60001007 or LOINC LA26683-5) false; any other answer
   * (e.g. "unknown") is empty.
   */
  private static String pregnancy(Constraint c) {
    String answer = "value.ofType(CodeableConcept).coding.where(";
    String pregnant =
        answer
            + codingMatch(
                List.of(
                    Terminology.SNOMED_PREGNANT,
                    new Concept(Terminology.LOINC, Terminology.LOINC_ANSWER_PREGNANT, null)))
            + ").exists()";
    String notPregnant =
        answer
            + codingMatch(
                List.of(
                    new Concept(Terminology.SNOMED, Terminology.SNOMED_NOT_PREGNANT, null),
                    new Concept(Terminology.LOINC, Terminology.LOINC_ANSWER_NOT_PREGNANT, null)))
            + ").exists()";
    boolean holds = !c.absent();
    return latest(codingMatch(List.of(c.concept())), window(c))
        + ".select(iif("
        + pregnant
        + ", "
        + holds
        + ", iif("
        + notPregnant
        + ", "
        + !holds
        + ")))";
  }

  private static String condition(Constraint c, ConceptCatalog.Def def) {
    List<String> alternatives = new ArrayList<>();
    if (!def.icd10Prefixes().isEmpty()) {
      String prefixes = String.join("|", def.icd10Prefixes()).replace(".", "[.]");
      alternatives.add(
          "(system = '"
              + Terminology.ICD10
              + "' or system = '"
              + ICD10_CM
              + "') and code.matches('^("
              + prefixes
              + ")')");
    } else {
      alternatives.add(codingMatch(List.of(def.concept())));
    }
    StringBuilder filter =
        new StringBuilder("code.coding.where(")
            .append(String.join(" or ", alternatives))
            .append(").exists()")
            .append(
                " and verificationStatus.coding.where(code = 'entered-in-error' or code ="
                    + " 'refuted').empty()");
    if (c.allowedValues().contains(ACTIVE)) {
      // recurrence and relapse are active states (HL7 condition-clinical hierarchy)
      filter.append(
          " and clinicalStatus.coding.where(code = 'active' or code = 'recurrence' or code ="
              + " 'relapse').exists()");
    }
    if (c.window() != null && !c.window().anyTime()) {
      filter
          .append(
              " and (onset.ofType(dateTime) | onset.ofType(Period).start).first() >= today() - ")
          .append(c.window().amount())
          .append(' ')
          .append(c.window().unit());
    }
    String found = CONDITIONS + ".where(" + filter + ").exists()";
    return "iif(" + found + ", " + (c.absent() ? "false" : "true") + ")";
  }

  /**
   * The most recent Observation with a value for one of the codes (in code or a component code),
   * effective within the look-back window. Observations without a usable date, or whose date is not
   * certainly inside the window at day precision, are not used.
   */
  private static String latest(String match, TimeWindow window) {
    return OBSERVATIONS
        + ".where(status != 'entered-in-error' and status != 'cancelled' and ((code.coding.where("
        + match
        + ").exists() and value.exists()) or component.where(code.coding.where("
        + match
        + ").exists() and value.exists()).exists()) and "
        + EFFECTIVE
        + " >= today() - "
        + window.amount()
        + " "
        + window.unit()
        + ")"
        + ".aggregate(iif($total.empty(), $this, iif($this.select("
        + EFFECTIVE
        + ") > $total.select("
        + EFFECTIVE
        + "), $this, $total)))";
  }

  /** When an Observation was made: effectiveDateTime / effectiveInstant, or the Period start. */
  static final String EFFECTIVE =
      "(effective.ofType(dateTime) | effective.ofType(instant) | effective.ofType(Period).start).first()";

  private static String codingMatch(List<Concept> codes) {
    return codes.stream()
        .map(k -> "(system = '" + k.system() + "' and code = '" + k.code() + "')")
        .collect(Collectors.joining(" or "));
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
