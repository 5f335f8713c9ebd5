package org.fhirtrials.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The version-neutral fact sheet of one patient, the input of the fast eligibility path (DESIGN
 * D4). Immutable and thread-safe. Missing data stays missing: every accessor answers {@link
 * Optional#empty()} or an empty list rather than a default.
 *
 * <p>Lists of dated facts are ordered newest first, undated facts last.
 *
 * @param reference the Patient, e.g. {@code Patient/abc}
 * @param birthDate Patient.birthDate with its precision
 * @param sex administrative gender
 * @param deceased true/false when deceased[x] says so (a deceasedDateTime means true)
 * @param deceasedAt deceasedDateTime
 * @param observations per LOINC code, newest first
 * @param conditions Conditions
 * @param procedures Procedures
 * @param medications medication statements, requests and administrations
 * @param pregnancy pregnancy evidence, newest first
 * @param breastfeeding Breastfeeding-status observations with a boolean value, newest first
 * @param ecog ECOG scores, newest first
 * @param karnofsky Karnofsky scores, newest first
 */
public record PatientFacts(
    String reference,
    Optional<Timepoint> birthDate,
    Sex sex,
    Optional<Boolean> deceased,
    Optional<Timepoint> deceasedAt,
    Map<String, List<LabValue>> observations,
    List<ConditionFact> conditions,
    List<ProcedureFact> procedures,
    List<MedicationFact> medications,
    List<PregnancyFact> pregnancy,
    List<LabValue> breastfeeding,
    List<ScoreFact> ecog,
    List<ScoreFact> karnofsky) {

  public PatientFacts {
    Map<String, List<LabValue>> copy = new LinkedHashMap<>();
    observations.forEach((k, v) -> copy.put(k, newestFirst(v, LabValue::effective)));
    observations = java.util.Collections.unmodifiableMap(copy);
    conditions = List.copyOf(conditions);
    procedures = List.copyOf(procedures);
    medications = List.copyOf(medications);
    pregnancy = newestFirst(pregnancy, PregnancyFact::when);
    breastfeeding = newestFirst(breastfeeding, LabValue::effective);
    ecog = newestFirst(ecog, ScoreFact::effective);
    karnofsky = newestFirst(karnofsky, ScoreFact::effective);
  }

  /** Sorts newest first by the latest instant a fact may denote; undated facts go last. */
  static <T> List<T> newestFirst(List<T> facts, Function<T, Optional<Timepoint>> when) {
    Comparator<T> byDate =
        Comparator.comparing(
            (T t) -> when.apply(t).orElse(null),
            Comparator.nullsLast(Comparator.<Timepoint>reverseOrder()));
    return facts.stream().sorted(byDate).toList();
  }

  // ---------------------------------------------------------------- demographics

  /**
   * Age in whole years on {@code date}; empty when the birth date is unknown, lies after {@code
   * date}, or is too imprecise to decide (born "1960", asked on 1990-06-01: 29 or 30).
   */
  public Optional<Integer> ageInYears(LocalDate date) {
    return age(date, p -> p.getYears());
  }

  /** Age in whole months on {@code date}; empty under the same rules as {@link #ageInYears}. */
  public Optional<Integer> ageInMonths(LocalDate date) {
    return age(date, p -> (int) p.toTotalMonths());
  }

  private Optional<Integer> age(LocalDate date, Function<Period, Integer> unit) {
    return birthDate.flatMap(
        b -> {
          if (b.latestDate().isAfter(date)) {
            return Optional.empty();
          }
          int oldest = unit.apply(Period.between(b.earliestDate(), date));
          int youngest = unit.apply(Period.between(b.latestDate(), date));
          return oldest == youngest ? Optional.of(oldest) : Optional.empty();
        });
  }

  // ---------------------------------------------------------------- observations

  /** All values of one LOINC code, newest first. */
  public List<LabValue> observations(String loinc) {
    return observations.getOrDefault(loinc, List.of());
  }

  /** The most recent value of a LOINC code (undated values only when no dated value exists). */
  public Optional<LabValue> latest(String loinc) {
    return observations(loinc).stream().findFirst();
  }

  /**
   * The most recent value of a LOINC code observed certainly at or after {@code notBefore} (the
   * look-back of a criterion). Values whose date is unknown or only possibly inside the window are
   * not used, so the answer is empty (unknown) rather than a stale value.
   */
  public Optional<LabValue> latest(String loinc, Instant notBefore) {
    return observations(loinc).stream()
        .filter(v -> v.effective().map(t -> t.certainlyNotBefore(notBefore)).orElse(false))
        .findFirst();
  }

  // ---------------------------------------------------------------- conditions, procedures, meds

  public List<ConditionFact> conditions(Predicate<ConditionFact> matching) {
    return conditions.stream().filter(matching).toList();
  }

  /** Conditions carrying the coding {@code system|code}. */
  public List<ConditionFact> conditionsCoded(String system, String code) {
    return conditions(c -> c.hasCode(system, code));
  }

  public List<ProcedureFact> procedures(Predicate<ProcedureFact> matching) {
    return procedures.stream().filter(matching).toList();
  }

  public List<MedicationFact> medications(Predicate<MedicationFact> matching) {
    return medications.stream().filter(matching).toList();
  }

  // ---------------------------------------------------------------- pregnancy, performance status

  /** The most recent pregnancy evidence (status observation or pregnancy condition). */
  public Optional<PregnancyFact> latestPregnancy() {
    return pregnancy.stream().findFirst();
  }

  /** The most recent breastfeeding answer. */
  public Optional<Boolean> breastfeeding(Instant notBefore) {
    return breastfeeding.stream()
        .filter(v -> v.effective().map(t -> t.certainlyNotBefore(notBefore)).orElse(false))
        .findFirst()
        .flatMap(LabValue::flag);
  }

  public Optional<ScoreFact> latestEcog() {
    return ecog.stream().findFirst();
  }

  public Optional<ScoreFact> latestKarnofsky() {
    return karnofsky.stream().findFirst();
  }
}
