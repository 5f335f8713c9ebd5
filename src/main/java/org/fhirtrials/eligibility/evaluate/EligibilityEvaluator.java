package org.fhirtrials.eligibility.evaluate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.fhirtrials.eligibility.evaluate.CompiledTrial.CompiledCriterion;
import org.fhirtrials.eligibility.extract.Comparator;
import org.fhirtrials.eligibility.extract.ConceptCodes;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.CriterionExtractor;
import org.fhirtrials.eligibility.extract.ExtractedCriterion;
import org.fhirtrials.eligibility.extract.ExtractedCriterion.Logic;
import org.fhirtrials.eligibility.extract.Sex;
import org.fhirtrials.eligibility.extract.Threshold;
import org.fhirtrials.eligibility.extract.TimeWindow;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.Trial;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.terminology.Terminology;

/**
 * The fast eligibility path (DESIGN D4): a patient fact sheet against a trial's structured
 * criteria, with three-valued logic (D5). Same answers as the published FHIRPath expressions
 * (proven by {@code FhirPathAgreementTest} against {@link FhirPathCrossCheck}).
 *
 * <p><b>Constraints.</b> Labs, vitals, scores and pregnancy status use the most recent Observation
 * inside the look-back: the criterion's own window when it states one ("obtained within 28 days"),
 * else the default look-back (90 days unless configured; the published FHIRPath bakes in {@link
 * TimeWindow#DEFAULT_LOOKBACK}). ULN/LLN multiples need the Observation's reference range, else
 * unknown. Sex-specific thresholds use the patient's sex; with sex unknown the result is unknown
 * unless both thresholds agree. Conditions: a matching Condition decides, no matching Condition is
 * unknown (absence of a record is not evidence of absence).
 *
 * <p><b>Criteria.</b> The constraints combine as the extractor says (all of / any of) with Kleene
 * logic, exactly as the criterion's published FHIRPath does, where a constraint that is not
 * computable is unknown ({@code {}}). So a partly computable criterion is decided when its
 * computable part decides it ("pregnant or lactating" is met by a pregnancy status alone); a
 * criterion without any computable constraint is unknown, "not computable: ...".
 *
 * <p><b>Verdict</b> (D5, read literally): <i>ineligible</i> when an inclusion is not met or an
 * exclusion is met; else <i>eligible</i> when every computable inclusion is met; else <i>possibly
 * eligible</i>. "Every computable inclusion is met" ignores inclusions that are unknown only
 * because a part is not computable (they cannot make a patient ineligible, and stay listed in
 * {@link TrialEvaluation#unknowns()} for review), but an inclusion unknown because computable data
 * is missing keeps the patient at possibly eligible. An exclusion that is unknown does not prevent
 * "eligible" (it is not met); it is listed for review and lowers the score.
 *
 * <p><b>Score</b> in [0,1], for ranking trials for one patient: (computable inclusions met +
 * computable exclusions not met) / (criteria evaluated, including the structured age and sex
 * limits); 0 when ineligible or when nothing could be evaluated. It grows with how much is known to
 * be favourable, so among eligible trials the one with fewer open questions ranks first.
 *
 * <p>The trial's structured limits come first, as criteria {@code structured-age} and {@code
 * structured-sex}. Healthy-volunteer acceptance is not evaluated (see {@link StructuredLimits}).
 *
 * <p>Compile each trial once ({@link #compile}); {@link #evaluate(CompiledTrial, PatientFacts,
 * LocalDate)} is thread-safe and does no regex or string work on the common path.
 */
public final class EligibilityEvaluator {
  /** Id of the criterion made from the trial's structured minimum/maximum age. */
  public static final String STRUCTURED_AGE = "structured-age";

  /** Id of the criterion made from the trial's structured sex limit. */
  public static final String STRUCTURED_SEX = "structured-sex";

  private final Observations.Window lookback;
  private final CriterionExtractor extractor = new CriterionExtractor();
  private final CheckPool pool = new CheckPool();

  /** The check of each distinct (constraint, all-of) compiled so far: see {@link #check}. */
  private final Map<List<Object>, Check> checks = new ConcurrentHashMap<>();

  /** With the default look-back ({@link TimeWindow#DEFAULT_LOOKBACK}, 90 days). */
  public EligibilityEvaluator() {
    this(TimeWindow.DEFAULT_LOOKBACK.amount());
  }

  /**
   * @param lookbackDays how far back a lab/score/pregnancy status may be when the criterion states
   *     no window; values differing from the published FHIRPath's 90 days make the two paths differ
   *     by design
   */
  public EligibilityEvaluator(int lookbackDays) {
    if (lookbackDays <= 0) {
      throw new IllegalArgumentException("look-back must be positive, got " + lookbackDays);
    }
    this.lookback = new Observations.Window(lookbackDays, ChronoUnit.DAYS, lookbackDays + " days");
  }

  // ---------------------------------------------------------------- compile

  /** Extracts and compiles a trial's criteria and structured limits. */
  public CompiledTrial compile(Trial trial) {
    Eligibility e = trial.eligibility();
    List<ExtractedCriterion> extracted = new ArrayList<>();
    if (e != null) {
      for (Criterion c : e.criteria()) {
        extracted.add(extractor.extract(c));
      }
    }
    return compile(trial.nctId(), extracted, StructuredLimits.of(e));
  }

  /** Compiles already extracted criteria and the trial's structured limits. */
  public CompiledTrial compile(
      String trialId, List<ExtractedCriterion> criteria, StructuredLimits limits) {
    Objects.requireNonNull(trialId, "trialId");
    List<CompiledCriterion> out = new ArrayList<>(criteria.size() + 2);
    CompiledCriterion age = structuredAge(limits);
    if (age != null) {
      out.add(age);
    }
    if (limits.sex() == Eligibility.Sex.FEMALE || limits.sex() == Eligibility.Sex.MALE) {
      Sex s = limits.sex() == Eligibility.Sex.FEMALE ? Sex.FEMALE : Sex.MALE;
      Check[] sexChecks = {SexChecks.limit(s)};
      out.add(
          new CompiledCriterion(
              new Criterion(STRUCTURED_SEX, false, "Sex: " + s.fhirCode(), null, false),
              true,
              sexChecks,
              ordinals(sexChecks),
              true,
              true,
              null));
    }
    for (ExtractedCriterion ec : criteria) {
      out.add(compile(ec));
    }
    int[] program = new int[(int) out.stream().filter(CompiledCriterion::evaluated).count()];
    int p = 0;
    for (CompiledCriterion cc : out) {
      if (cc.evaluated) {
        program[p++] =
            pool.internCriterion(cc.allOf, cc.ordinals) << 1 | (cc.criterion.exclusion() ? 1 : 0);
      }
    }
    return new CompiledTrial(trialId, out, program);
  }

  private CompiledCriterion compile(ExtractedCriterion ec) {
    boolean allOf = ec.logic() == Logic.ALL_OF;
    boolean evaluated = ec.fhirPath() != null;
    Check[] checks = new Check[evaluated ? ec.constraints().size() : 0];
    int[] ordinals = new int[checks.length];
    for (int i = 0; i < checks.length; i++) {
      Constraint c = ec.constraints().get(i);
      checks[i] = check(c, allOf);
      ordinals[i] = c.computable() ? pool.intern(checks[i]) : -1;
    }
    return new CompiledCriterion(
        ec.criterion(),
        allOf,
        checks,
        ordinals,
        ec.computable(),
        evaluated,
        ec.computable() ? null : ec.reason());
  }

  /**
   * The check of a constraint: one instance for equal constraints (registry trials repeat the same
   * ones, down to their wording's position), as it depends on nothing else.
   */
  private Check check(Constraint c, boolean allOf) {
    return checks.computeIfAbsent(List.of(c, allOf), k -> compile(c, allOf));
  }

  private Check compile(Constraint c, boolean allOf) {
    if (!c.computable()) {
      ConstraintResult r = new ConstraintResult(c, Outcome.UNKNOWN, null, c.reason());
      return (patient, asOf) -> r;
    }
    Check body =
        switch (c.category()) {
          case AGE -> age(c);
          case LAB, VITAL -> new LabCheck(c, loincs(c), window(c));
          case PERFORMANCE_STATUS -> new ScoreCheck(c, c.concept().code(), window(c));
          case PREGNANCY -> new PregnancyCheck(c, window(c));
          case CONDITION ->
              new ConditionCheck(
                  c,
                  ConceptCodes.of(c),
                  c.window() != null && !c.window().anyTime()
                      ? Observations.Window.of(c.window())
                      : null);
          default ->
              throw new IllegalArgumentException(
                  "no evaluator for computable " + c.category() + " constraint " + c.name());
        };
    return c.sex() == null ? body : SexChecks.restricted(c, body, allOf);
  }

  private Observations.Window window(Constraint c) {
    return c.window() != null && !c.window().anyTime()
        ? Observations.Window.of(c.window())
        : lookback;
  }

  private static String[] loincs(Constraint c) {
    return ConceptCodes.of(c).codes().stream()
        .filter(k -> Terminology.LOINC.equals(k.system()))
        .map(Terminology.Concept::code)
        .toArray(String[]::new);
  }

  private static AgeCheck age(Constraint c) {
    List<Threshold> ts = c.thresholds();
    Comparator[] cmp = new Comparator[ts.size()];
    long[] n = new long[ts.size()];
    for (int i = 0; i < ts.size(); i++) {
      cmp[i] = ts.get(i).comparator();
      n[i] = ts.get(i).value().longValueExact();
    }
    return new AgeCheck(c, cmp, n, "mo".equals(c.unit()) ? ChronoUnit.MONTHS : ChronoUnit.YEARS);
  }

  /** The structured age limits as one criterion; not computable for fractional or sub-day ages. */
  private int[] ordinals(Check[] checks) {
    int[] out = new int[checks.length];
    for (int i = 0; i < checks.length; i++) {
      out[i] = pool.intern(checks[i]);
    }
    return out;
  }

  private CompiledCriterion structuredAge(StructuredLimits limits) {
    if (limits.minimumAge() == null && limits.maximumAge() == null) {
      return null;
    }
    List<String> text = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    String problem = null;
    for (boolean min : new boolean[] {true, false}) {
      Age a = min ? limits.minimumAge() : limits.maximumAge();
      if (a == null) {
        continue;
      }
      text.add(
          (min ? "minimum age " : "maximum age ") + a.value().toPlainString() + " " + a.unit());
      ChronoUnit unit = calendarUnit(a.unit());
      BigDecimal v = a.value().stripTrailingZeros();
      if (unit == null || v.scale() > 0) {
        problem =
            "age limit "
                + a.value().toPlainString()
                + " "
                + a.unit()
                + " is not whole days,"
                + " weeks, months or years";
        continue;
      }
      checks.add(
          new AgeCheck(
              null,
              new Comparator[] {min ? Comparator.GE : Comparator.LE},
              new long[] {v.longValueExact()},
              unit));
    }
    Criterion criterion =
        new Criterion(STRUCTURED_AGE, false, String.join("; ", text), null, false);
    Check[] compiled = checks.toArray(Check[]::new);
    return new CompiledCriterion(
        criterion, true, compiled, ordinals(compiled), problem == null, !checks.isEmpty(), problem);
  }

  private static ChronoUnit calendarUnit(Age.Unit u) {
    return switch (u) {
      case YEARS -> ChronoUnit.YEARS;
      case MONTHS -> ChronoUnit.MONTHS;
      case WEEKS -> ChronoUnit.WEEKS;
      case DAYS -> ChronoUnit.DAYS;
      case HOURS, MINUTES -> null;
    };
  }

  // ---------------------------------------------------------------- evaluate

  /** Compiles and evaluates in one go (compile once instead when evaluating many patients). */
  public TrialEvaluation evaluate(
      String trialId,
      List<ExtractedCriterion> criteria,
      StructuredLimits limits,
      PatientFacts patient,
      LocalDate asOf) {
    return evaluate(compile(trialId, criteria, limits), patient, asOf);
  }

  /** One patient against one compiled trial, on {@code asOf}. */
  public TrialEvaluation evaluate(CompiledTrial trial, PatientFacts patient, LocalDate asOf) {
    if (trial.isRankingOnly()) {
      throw new IllegalArgumentException(
          trial.trialId() + " is compiled for ranking only: compile it again to evaluate it");
    }
    List<CompiledCriterion> criteria = trial.criteria();
    CriterionResult[] results = new CriterionResult[criteria.size()];
    boolean ineligible = false;
    boolean pending = false;
    int evaluated = 0;
    int favourable = 0;
    for (int i = 0; i < results.length; i++) {
      CompiledCriterion cc = criteria.get(i);
      CriterionResult r = cc.evaluated ? evaluate(cc, patient, asOf) : cc.unevaluated();
      results[i] = r;
      if (!cc.evaluated) {
        continue;
      }
      evaluated++;
      boolean exclusion = cc.criterion.exclusion();
      Outcome o = r.outcome();
      if (o == (exclusion ? Outcome.MET : Outcome.NOT_MET)) {
        ineligible = true;
      } else if (o != Outcome.UNKNOWN) {
        favourable++;
      } else if (!exclusion && r.awaitingData()) {
        pending = true;
      }
    }
    Verdict verdict =
        ineligible ? Verdict.INELIGIBLE : pending ? Verdict.POSSIBLY_ELIGIBLE : Verdict.ELIGIBLE;
    double score = ineligible || evaluated == 0 ? 0.0 : (double) favourable / evaluated;
    return new TrialEvaluation(trial.trialId(), verdict, score, List.of(results));
  }

  /**
   * A fresh matching run for one patient on {@code asOf}: each distinct check of the compiled
   * trials is evaluated at most once, on first use by {@link #rank}.
   */
  public Memo memo(PatientFacts patient, LocalDate asOf) {
    return new Memo(patient, asOf, pool);
  }

  /** How many distinct checks the compiled trials share (for diagnostics). */
  public int distinctChecks() {
    return pool.size();
  }

  /**
   * The verdict and score of {@link #evaluate(CompiledTrial, PatientFacts, LocalDate)} for the
   * memo's patient and date, computed from the memoized check outcomes without building the
   * per-criterion results: to rank many trials and build the full evaluation of the few shown.
   */
  public Standing rank(CompiledTrial trial, Memo memo) {
    int[] program = trial.program;
    boolean pending = false;
    int favourable = 0;
    for (int p : program) {
      int r = memo.criterion(p >>> 1);
      Outcome o = Memo.outcome(r);
      boolean exclusion = (p & 1) != 0;
      if (o == (exclusion ? Outcome.MET : Outcome.NOT_MET)) {
        return Standing.INELIGIBLE;
      } else if (o != Outcome.UNKNOWN) {
        favourable++;
      } else if (!exclusion && Memo.awaitingData(r)) {
        pending = true;
      }
    }
    return new Standing(
        pending ? Verdict.POSSIBLY_ELIGIBLE : Verdict.ELIGIBLE,
        program.length == 0 ? 0.0 : (double) favourable / program.length);
  }

  /** A trial's verdict and score for one patient, without the per-criterion results. */
  public record Standing(Verdict verdict, double score) {
    static final Standing INELIGIBLE = new Standing(Verdict.INELIGIBLE, 0.0);
  }

  private static CriterionResult evaluate(CompiledCriterion cc, PatientFacts p, LocalDate asOf) {
    ConstraintResult[] rs = new ConstraintResult[cc.checks.length];
    Outcome o = cc.allOf ? Outcome.MET : Outcome.NOT_MET;
    boolean computableUnknown = false;
    for (int i = 0; i < rs.length; i++) {
      ConstraintResult r = cc.checks[i].evaluate(p, asOf);
      rs[i] = r;
      o = cc.allOf ? o.and(r.outcome()) : o.or(r.outcome());
      computableUnknown |= r.outcome() == Outcome.UNKNOWN && r.computable();
    }
    return new CriterionResult(
        cc.criterion,
        o,
        cc.computable,
        true,
        o == Outcome.UNKNOWN && computableUnknown,
        List.of(rs),
        cc.notComputable);
  }

  /**
   * One constraint alone, as its published FHIRPath evaluates it ({@code allOf}: whether the
   * criterion's constraints must all hold, which decides how a sex-specific threshold reads).
   */
  public ConstraintResult evaluate(
      Constraint constraint, boolean allOf, PatientFacts patient, LocalDate asOf) {
    return compile(constraint, allOf).evaluate(patient, asOf);
  }
}
