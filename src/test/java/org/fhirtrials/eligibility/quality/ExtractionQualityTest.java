package org.fhirtrials.eligibility.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fhirtrials.eligibility.CriteriaSplitter;
import org.fhirtrials.eligibility.extract.CriterionExtractor;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Scores {@link CriterionExtractor} on numeric and ordinal criteria (age, ECOG, Karnofsky,
 * Child-Pugh, labs, LVEF, QTc) against three annotated sets and prints, per set, a table per
 * concept (gold, TP, FP, FN, precision, recall) and the first errors of each concept.
 *
 * <p>Targets: precision ≥ 0.95, recall ≥ 0.90, asserted on all three sets so that a regression
 * fails the build (Chia's gold is derived by the rules in {@link ChiaGold}, see
 * docs/eligibility-quality.md). Run: {@code ./mvnw -q test -Dtest=ExtractionQualityTest}.
 */
class ExtractionQualityTest {
  static final double PRECISION_TARGET = 0.95;
  static final double RECALL_TARGET = 0.90;
  private static final int ERRORS_SHOWN = Integer.getInteger("quality.errors", 8);

  private final CriterionExtractor extractor = new CriterionExtractor();

  @Test
  void seedSetMeetsTargets() {
    Score score =
        score("seeds (annotated-seeds.tsv)", read("/eligibility/annotated-seeds.tsv", false));
    assertTargets(score);
  }

  @Test
  void registrySetMeetsTargets() {
    Score score =
        score(
            "registry (annotated-registry.tsv)", read("/eligibility/annotated-registry.tsv", true));
    assertThat(score.total().gold).as("annotated bounds in the registry set").isGreaterThan(100);
    assertTargets(score);
  }

  /** Each registry annotation quotes its record verbatim (white space aside). */
  @Test
  void registryQuotationsOccurInTheirRecords() {
    Map<String, String> records = RegistryCriteria.all(SharedData.require("ctgov-v2").getParent());
    List<String> missing = new ArrayList<>();
    for (AnnotatedSet.Entry e : AnnotatedSet.read("/eligibility/annotated-registry.tsv", true)) {
      String source = records.get(e.id());
      if (source == null || !squash(source).contains(squash(e.text()))) {
        missing.add(e.id() + ": " + e.text());
      }
    }
    assertThat(missing).as("quotations not found in their records").isEmpty();
  }

  @Test
  void chiaSetIsScored() {
    Path zip = SharedData.require("criteria/chia/chia_without_scope.zip");
    ChiaGold.Set chia = ChiaGold.read(zip);
    List<Scored> scored = new ArrayList<>();
    for (ChiaGold.Line l : chia.lines()) {
      scored.add(new Scored(l.id(), l.exclusion(), l.text(), l.gold()));
    }
    Score score = score("Chia (Has_value Measurement -> Value)", scored);
    System.out.printf(
        "Chia: %d mapped Has_value pairs (%d derived along OR from a linked value, %d for a"
            + " measurement joined by OR), %d with a bare '=' (ambiguous, not gold), %d not a"
            + " threshold (no number or no comparator); %d duplicate gold bounds on a line counted"
            + " once%n",
        chia.pairs(),
        chia.orValues(),
        chia.orMeasurements(),
        chia.ambiguous(),
        chia.notThreshold(),
        chia.duplicates());
    assertThat(score.total().gold).as("Chia gold bounds").isGreaterThan(300);
    assertTargets(score);
  }

  /**
   * Single-thread throughput over every criterion of the ctgov-v2 and classic XML records (split by
   * {@link CriteriaSplitter}) and every Chia criterion line. Printed, not asserted (shared
   * machine).
   */
  @Test
  void measuresThroughputOnAllCriteria() {
    Path data = SharedData.require("ctgov-v2").getParent();
    List<Criterion> all = new ArrayList<>();
    CriteriaSplitter splitter = new CriteriaSplitter();
    RegistryCriteria.all(data).values().forEach(t -> all.addAll(splitter.split(t)));
    int registry = all.size();
    Path zip = data.resolve("criteria/chia/chia_without_scope.zip");
    if (java.nio.file.Files.exists(zip)) {
      int i = 0;
      for (String line : ChiaGold.read(zip).allLines()) {
        all.add(new Criterion("chia-" + i++, false, line, null, false));
      }
    }
    all.forEach(extractor::extract); // warm-up
    int passes = 3;
    long start = System.nanoTime();
    int constraints = 0;
    for (int p = 0; p < passes; p++) {
      for (Criterion c : all) {
        constraints += extractor.extract(c).constraints().size();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "throughput: %d criteria (%d registry, %d Chia) x %d passes in %.2f s = %.0f criteria/s"
            + " (single thread, %d constraints per pass)%n",
        all.size(),
        registry,
        all.size() - registry,
        passes,
        seconds,
        all.size() * passes / seconds,
        constraints / passes);
    assertThat(all).hasSizeGreaterThan(registry);
  }

  private record Scored(String id, boolean exclusion, String text, List<Item> gold) {}

  private static List<Scored> read(String resource, boolean registry) {
    return AnnotatedSet.read(resource, registry).stream()
        .map(e -> new Scored(e.id(), e.exclusion(), e.text(), e.gold()))
        .toList();
  }

  private Score score(String name, List<Scored> set) {
    Score score = new Score(name);
    for (Scored s : set) {
      Criterion c = new Criterion(s.id(), s.exclusion(), s.text(), null, false);
      score.add(s.id(), s.text(), s.gold(), Predictions.of(extractor.extract(c)));
    }
    score.print(System.out, ERRORS_SHOWN);
    if (Boolean.getBoolean("quality.markdown")) {
      System.out.println(score.markdown());
    }
    return score;
  }

  private static void assertTargets(Score score) {
    Score.Counts all = score.total();
    assertThat(all.precision()).as("overall precision").isGreaterThanOrEqualTo(PRECISION_TARGET);
    assertThat(all.recall()).as("overall recall").isGreaterThanOrEqualTo(RECALL_TARGET);
  }

  private static String squash(String s) {
    return s.replace("\\", "").replaceAll("\\s+", " ");
  }
}
