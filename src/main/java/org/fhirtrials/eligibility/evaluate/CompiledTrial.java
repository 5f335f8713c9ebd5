package org.fhirtrials.eligibility.evaluate;

import java.util.List;
import org.fhirtrials.model.Criterion;

/**
 * A trial's criteria precompiled for evaluation: built once per trial with {@link
 * EligibilityEvaluator#compile}, then evaluated against any number of patients. Immutable and
 * thread-safe.
 *
 * <p>Besides the criteria, the trial keeps a compact program for ranking ({@link
 * EligibilityEvaluator#rank}): per evaluated criterion its {@link CheckPool} criterion ordinal
 * shifted left by one, plus 1 for an exclusion.
 */
public final class CompiledTrial {
  private final String trialId;
  private final List<CompiledCriterion> criteria;
  final int[] program;
  private final boolean rankingOnly;

  CompiledTrial(String trialId, List<CompiledCriterion> criteria, int[] program) {
    this(trialId, List.copyOf(criteria), program, false);
  }

  private CompiledTrial(
      String trialId, List<CompiledCriterion> criteria, int[] program, boolean rankingOnly) {
    this.trialId = trialId;
    this.criteria = criteria;
    this.program = program;
    this.rankingOnly = rankingOnly;
  }

  /**
   * What {@link EligibilityEvaluator#rank} reads, without the criteria: a small fraction of the
   * memory, for keeping every trial of a registry ranked. It cannot be {@link
   * EligibilityEvaluator#evaluate(CompiledTrial, org.fhirtrials.patient.PatientFacts,
   * java.time.LocalDate) evaluated}: compile the trial again for that (compiling is deterministic,
   * so the full form ranks the same).
   */
  public CompiledTrial rankingOnly() {
    return new CompiledTrial(trialId, List.of(), program, true);
  }

  /** True for a {@link #rankingOnly} form. */
  public boolean isRankingOnly() {
    return rankingOnly;
  }

  /** e.g. {@code NCT06310590} */
  public String trialId() {
    return trialId;
  }

  /** Structured limits first, then the criteria in source order. */
  public List<CompiledCriterion> criteria() {
    return criteria;
  }

  /** Number of criteria that are evaluated (have at least one computable constraint). */
  public long evaluatedCount() {
    return criteria.stream().filter(CompiledCriterion::evaluated).count();
  }

  /** One criterion ready to evaluate: its constraints as precompiled checks. */
  public static final class CompiledCriterion {
    final Criterion criterion;
    final boolean allOf;
    final Check[] checks;

    /** per check: its {@link CheckPool} ordinal, -1 for a constraint that is not computable */
    final int[] ordinals;

    final boolean computable;
    final boolean evaluated;
    final String notComputable;

    CompiledCriterion(
        Criterion criterion,
        boolean allOf,
        Check[] checks,
        int[] ordinals,
        boolean computable,
        boolean evaluated,
        String notComputable) {
      this.criterion = criterion;
      this.allOf = allOf;
      this.checks = checks;
      this.ordinals = ordinals;
      this.computable = computable;
      this.evaluated = evaluated;
      this.notComputable = notComputable;
    }

    /** The result of a criterion that is not evaluated: unknown, saying why. */
    CriterionResult unevaluated() {
      return new CriterionResult(
          criterion, Outcome.UNKNOWN, false, false, false, List.of(), notComputable);
    }

    public Criterion criterion() {
      return criterion;
    }

    /** Every constraint computable. */
    public boolean computable() {
      return computable;
    }

    /** At least one constraint is evaluated (the criterion has a published expression). */
    public boolean evaluated() {
      return evaluated;
    }
  }
}
