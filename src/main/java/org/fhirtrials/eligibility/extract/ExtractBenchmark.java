package org.fhirtrials.eligibility.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Criterion;

/**
 * Extraction throughput over a whole data set (issue 4): every study is read (CT.gov JSON parsed,
 * criteria text split) and each criterion extracted (structured constraints, codes, FHIRPath), one
 * study at a time on one thread, so memory stays flat for any size. Prints studies/s and criteria/s
 * of extraction alone and end to end, by wall clock and by this thread's CPU time (the machine may
 * be shared). Not a test; see {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code ExtractBenchmark DIR_OR_FILE...}
 */
public final class ExtractBenchmark {
  private ExtractBenchmark() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: ExtractBenchmark DIR_OR_FILE...");
      System.exit(2);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CriterionExtractor extractor = new CriterionExtractor();
    long[] n = new long[4]; // studies, criteria, computable, extraction ns
    long[] cpu = new long[1];
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    new TrialReader()
        .read(
            List.of(args).stream().map(Path::of).toList(),
            trial -> {
              long c = threads.getCurrentThreadCpuTime();
              long t = System.nanoTime();
              n[0]++;
              if (trial.eligibility() != null) {
                for (Criterion criterion : trial.eligibility().criteria()) {
                  n[1]++;
                  if (extractor.extractFresh(criterion).computable()) {
                    n[2]++;
                  }
                }
              }
              n[3] += System.nanoTime() - t;
              cpu[0] += threads.getCurrentThreadCpuTime() - c;
            });
    double wall = (System.nanoTime() - start) / 1e9;
    double cpuAll = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double extractWall = n[3] / 1e9;
    double extractCpu = cpu[0] / 1e9;
    System.out.printf(
        Locale.ROOT,
        "studies %d, criteria %d (%d computable), cpus %d%n"
            + "extraction alone: %.1f s wall, %.1f s cpu: %.0f studies/s, %.0f criteria/s"
            + " (cpu: %.0f studies/s, %.0f criteria/s)%n"
            + "read + split + extract: %.1f s wall, %.1f s cpu: %.0f studies/s (cpu: %.0f"
            + " studies/s)%n",
        n[0],
        n[1],
        n[2],
        Runtime.getRuntime().availableProcessors(),
        extractWall,
        extractCpu,
        n[0] / extractWall,
        n[1] / extractWall,
        n[0] / extractCpu,
        n[1] / extractCpu,
        wall,
        cpuAll,
        n[0] / wall,
        n[0] / cpuAll);
  }
}
