package org.fhirtrials.match;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.eligibility.evaluate.EligibilityEvaluator;
import org.fhirtrials.eligibility.evaluate.Verdict;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.TrialStore;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Measures one patient against every trial of a data set through {@link TrialMatchService}: the
 * one-off compile time of all trials, then p50/p95 of {@link TrialMatchService#match} over {@value
 * #REPETITIONS} repetitions after {@value #WARM_UP} warm-up runs. Not a test; see {@code
 * docs/benchmarks.md}.
 *
 * <p>Usage: {@code MatchBenchmark TRIALS_DIR PATIENT_BUNDLE.json [as-of YYYY-MM-DD]}
 */
public final class MatchBenchmark {
  private static final int WARM_UP = 20;
  private static final int REPETITIONS = 200;
  private static final double NANOS_PER_MS = 1e6;

  private MatchBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: MatchBenchmark TRIALS_DIR PATIENT_BUNDLE.json [as-of YYYY-MM-DD]");
      System.exit(2);
    }
    LocalDate asOf = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.now();
    TrialStore store = new InMemoryTrialStore();
    long t0 = System.nanoTime();
    List<Trial> trials = new ArrayList<>();
    new TrialReader().read(List.of(Path.of(args[0])), trials::add);
    trials.forEach(store::save);
    long loaded = System.nanoTime();
    Bundle bundle =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Bundle.class, Files.readString(Path.of(args[1])));
    PatientFacts patient = new PatientFactsReader().read(bundle);

    EligibilityEvaluator evaluator = new EligibilityEvaluator();
    TrialMatchService service = new TrialMatchService(store, evaluator);
    long c0 = System.nanoTime();
    service.compileAll();
    long compiled = System.nanoTime();

    // what $match answers by default: the best page of eligible / possibly eligible trials
    long[] page =
        time(
            () ->
                service.match(
                    patient,
                    MatchFilter.ANY,
                    t -> true,
                    asOf,
                    MatchOperation.DEFAULT_COUNT,
                    false));
    // every trial ranked and evaluated in full (what every match cost before the two phases)
    long[] full = time(() -> service.match(patient, MatchFilter.ANY, asOf));
    List<TrialMatch> result = service.match(patient, MatchFilter.ANY, asOf);
    long eligible =
        result.stream().filter(m -> m.evaluation().verdict() == Verdict.ELIGIBLE).count();
    long possibly =
        result.stream().filter(m -> m.evaluation().verdict() == Verdict.POSSIBLY_ELIGIBLE).count();
    System.out.printf(
        Locale.ROOT,
        "trials %d (read+store %.1f s), cpus %d, distinct checks %d%n"
            + "compile all trials once (parallel): %.0f ms%n"
            + "match, best %d (as $match by default): p50 %.2f ms, p95 %.2f ms, cpu p50 %.2f ms%n"
            + "match, every trial evaluated in full: p50 %.1f ms, p95 %.1f ms, cpu p50 %.1f ms%n"
            + "(%d runs each after %d warm-up)%n"
            + "verdicts: %d eligible, %d possibly eligible, %d ineligible%n",
        store.size(),
        (loaded - t0) / 1e9,
        Runtime.getRuntime().availableProcessors(),
        evaluator.distinctChecks(),
        (compiled - c0) / NANOS_PER_MS,
        MatchOperation.DEFAULT_COUNT,
        page[REPETITIONS / 2] / NANOS_PER_MS,
        page[(int) Math.ceil(REPETITIONS * 0.95) - 1] / NANOS_PER_MS,
        page[REPETITIONS] / NANOS_PER_MS,
        full[REPETITIONS / 2] / NANOS_PER_MS,
        full[(int) Math.ceil(REPETITIONS * 0.95) - 1] / NANOS_PER_MS,
        full[REPETITIONS] / NANOS_PER_MS,
        REPETITIONS,
        WARM_UP,
        eligible,
        possibly,
        result.size() - eligible - possibly);
  }

  /**
   * Sorted wall-clock times in ns of {@value #REPETITIONS} runs after {@value #WARM_UP} warm-up
   * runs, then (at index {@value #REPETITIONS}) the median CPU time of this thread per run: on a
   * shared machine the wall clock measures the load as much as the code.
   */
  private static long[] time(Runnable run) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < WARM_UP; i++) {
      run.run();
    }
    long[] nanos = new long[REPETITIONS + 1];
    long[] cpu = new long[REPETITIONS];
    for (int i = 0; i < REPETITIONS; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      run.run();
      nanos[i] = System.nanoTime() - s;
      cpu[i] = threads.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(cpu);
    nanos[REPETITIONS] = cpu[REPETITIONS / 2];
    Arrays.sort(nanos, 0, REPETITIONS);
    return nanos;
  }
}
