package org.fhirtrials.eligibility.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.eligibility.extract.CriterionExtractor;
import org.fhirtrials.eligibility.extract.ExtractedCriterion;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.fhirtrials.synth.SyntheticRegistry;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking phase of a match ({@link EligibilityEvaluator#rank} over a {@link Memo} shared by all
 * trials) gives exactly the verdict and score of the full evaluation, and checks are shared only
 * when they would give the same outcome for every patient.
 */
class MemoizedRankingTest {
  private static final LocalDate TODAY = SeedScenariosTest.AS_OF;
  private final EligibilityEvaluator evaluator = new EligibilityEvaluator();
  private final CriterionExtractor extractor = new CriterionExtractor();
  private final PatientFactsReader reader = new PatientFactsReader();

  @Test
  void rankingGivesTheVerdictAndScoreOfTheFullEvaluation(@TempDir Path dir) throws Exception {
    List<CompiledTrial> trials = new ArrayList<>();
    TestData.seedTrials().values().forEach(t -> trials.add(evaluator.compile(t)));
    new SyntheticRegistry(7).generate(60, dir, 60, written -> {});
    new TrialReader().read(List.of(dir), t -> trials.add(evaluator.compile(t)));
    for (Criterion c : FhirPathAgreementTest.SYNTHETIC) {
      for (boolean exclusion : new boolean[] {false, true}) {
        Criterion one = new Criterion(c.id(), exclusion, c.text(), null, false);
        trials.add(
            evaluator.compile(
                "T-" + c.id(), List.of(extractor.extract(one)), StructuredLimits.NONE));
      }
    }
    Map<String, Bundle> patients = new LinkedHashMap<>(new PatientCorpus(TODAY).build());
    SeedScenariosTest.scenarios().forEach(s -> patients.put(s, TestData.seedPatient(s)));

    List<String> disagreements = new ArrayList<>();
    Map<Verdict, Integer> tally = new LinkedHashMap<>();
    for (var p : patients.entrySet()) {
      PatientFacts facts = reader.read(p.getValue());
      Memo memo = evaluator.memo(facts, TODAY);
      for (CompiledTrial t : trials) {
        TrialEvaluation full = evaluator.evaluate(t, facts, TODAY);
        EligibilityEvaluator.Standing quick = evaluator.rank(t.rankingOnly(), memo);
        tally.merge(full.verdict(), 1, Integer::sum);
        if (quick.verdict() != full.verdict() || quick.score() != full.score()) {
          disagreements.add(p.getKey() + " / " + t.trialId() + ": " + full + " vs " + quick);
        }
      }
    }
    assertThat(disagreements).as(String.join("\n", disagreements)).isEmpty();
    assertThat(tally).containsKeys(Verdict.ELIGIBLE, Verdict.POSSIBLY_ELIGIBLE, Verdict.INELIGIBLE);
    assertThat(evaluator.distinctChecks())
        .as("synthetic trials repeat their constraints")
        .isLessThan(trials.stream().mapToInt(t -> t.criteria().size()).sum() / 2);
  }

  @Test
  void aRankingOnlyFormRefusesToBeEvaluated() {
    CompiledTrial ranking = trial("A", false, "Platelet count ≥ 100 × 10^9/L").rankingOnly();

    assertThat(ranking.criteria()).isEmpty();
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    ranking, reader.read(TestData.seedPatient("NCT06310590-eligible")), TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ranking only");
  }

  @Test
  void identicalConstraintsOfDifferentTrialsShareOneCheck() {
    CompiledTrial a = trial("A", false, "Platelet count ≥ 100 × 10^9/L");
    CompiledTrial b = trial("B", false, "Platelets ≥ 100 x 10^9/L");
    assertThat(ordinals(a)).isEqualTo(ordinals(b));
  }

  @Test
  void constraintsDifferingOnlyInTheirWindowAreNotShared() {
    // the seed patient's labs are dated 2026-10-28, four days before TODAY
    CompiledTrial recent =
        trial("A", false, "Platelets ≥ 100 × 10^9/L, laboratory tests obtained within 2 days");
    CompiledTrial week =
        trial("B", false, "Platelets ≥ 100 × 10^9/L, laboratory tests obtained within 7 days");
    assertThat(ordinals(recent)).isNotEqualTo(ordinals(week));

    Memo memo = evaluator.memo(patient("NCT06310590-eligible"), TODAY);
    assertThat(evaluator.rank(week, memo).verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(evaluator.rank(recent, memo).verdict()).isEqualTo(Verdict.POSSIBLY_ELIGIBLE);
  }

  @Test
  void constraintsDifferingOnlyInTheirSexAreNotShared() {
    CompiledTrial men = trial("A", true, "QTcF > 450 ms in men");
    CompiledTrial women = trial("B", true, "QTcF > 450 ms in women");
    assertThat(ordinals(men)).isNotEqualTo(ordinals(women));
    for (CompiledTrial t : List.of(men, women)) {
      assertThat(t.criteria().get(0).computable()).as(t.trialId()).isTrue();
    }
  }

  @Test
  void aSexSpecificThresholdIsSharedOnlyWithinTheSameKindOfCriterion() {
    // "sex implies limit" in an all-of criterion, "sex and limit" in an any-of one: a patient of
    // the other sex meets the first and not the second
    ExtractedCriterion ec =
        extractor.extract(new Criterion("c-1", true, "QTcF > 450 ms in men", null, false));
    var c = ec.constraints().get(0);
    assertThat(c.sex()).isNotNull();
    CheckPool pool = new CheckPool();
    Check body =
        new LabCheck(
            c,
            new String[] {"8636-3"},
            Observations.Window.of(
                c.window() == null
                    ? org.fhirtrials.eligibility.extract.TimeWindow.DEFAULT_LOOKBACK
                    : c.window()));
    int allOf = pool.intern(SexChecks.restricted(c, body, true));
    int anyOf = pool.intern(SexChecks.restricted(c, body, false));
    assertThat(allOf).isNotEqualTo(anyOf);
    assertThat(pool.intern(SexChecks.restricted(c, body, true))).isEqualTo(allOf);
  }

  private CompiledTrial trial(String id, boolean exclusion, String text) {
    ExtractedCriterion ec = extractor.extract(new Criterion("c-1", exclusion, text, null, false));
    assertThat(ec.fhirPath()).as(text).isNotNull();
    return evaluator.compile(id, List.of(ec), StructuredLimits.NONE);
  }

  private static List<Integer> ordinals(CompiledTrial t) {
    List<Integer> out = new ArrayList<>();
    for (CompiledTrial.CompiledCriterion cc : t.criteria()) {
      for (int o : cc.ordinals) {
        out.add(o);
      }
    }
    return out;
  }

  private PatientFacts patient(String scenario) {
    return reader.read(TestData.seedPatient(scenario));
  }
}
