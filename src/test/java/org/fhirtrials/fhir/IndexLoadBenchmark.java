package org.fhirtrials.fhir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.fhirtrials.search.DocumentExtractor;
import org.fhirtrials.search.IndexSource;
import org.fhirtrials.search.SearchIndexes;
import org.fhirtrials.search.SearchParamRegistry;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (no *Test / *IT suffix): the CPU a trial costs at each stage of loading the
 * embedded server, on one thread, JIT warm: reading CT.gov JSON, mapping to each base, extracting
 * the search values and adding them to the index. Rounds over the same trials; the last is
 * reported, in ms of CPU per trial.
 *
 * <pre>
 * ./mvnw -q test -Dtest=IndexLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dindexload.data=/tmp/synth10000 -Dindexload.count=3000
 * </pre>
 */
class IndexLoadBenchmark {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void stages() throws Exception {
    Path data = Path.of(System.getProperty("indexload.data", "/tmp/synth10000"));
    int count = Integer.getInteger("indexload.count", 3000);
    int rounds = Integer.getInteger("indexload.rounds", 4);
    List<Path> files;
    try (var s = Files.list(data)) {
      files = s.sorted().toList();
    }
    Map<String, Double> last = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      List<Trial> trials = new ArrayList<>();
      long t0 = cpu();
      for (Path f : files) {
        if (trials.size() >= count) {
          break;
        }
        new TrialReader().read(List.of(f), trials::add);
      }
      last.put("read CT.gov JSON", perTrial(t0, trials.size()));
      for (VersionBinding binding : List.of(new R4Binding(), new R5Binding())) {
        String b = binding.name();
        t0 = cpu();
        Map<String, List<? extends IBaseResource>> mapped = new HashMap<>();
        for (Trial t : trials) {
          mapped.put(t.nctId(), binding.map(t));
        }
        last.put(b + " map", perTrial(t0, trials.size()));
        SearchParamRegistry registry =
            new SearchParamRegistry(binding.context(), FhirServerConfig.SERVED_TYPES);
        DocumentExtractor extractor = new DocumentExtractor(binding.context(), registry);
        t0 = cpu();
        int docs = 0;
        for (Trial t : trials) {
          var byType = extractor.extract(mapped.get(t.nctId()), () -> TrialIndexSource.text(t));
          docs += byType.values().stream().mapToInt(Map::size).sum();
        }
        last.put(b + " extract", perTrial(t0, trials.size()));
        last.put(b + " documents per trial", docs / (double) trials.size());
        Map<String, Trial> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.nctId(), t));
        SearchIndexes index =
            new SearchIndexes(
                binding.context(),
                registry,
                new IndexSource() {
                  @Override
                  public Collection<String> trialIds() {
                    return byId.keySet();
                  }

                  @Override
                  public Version current(String nctId) {
                    return new Version() {
                      @Override
                      public List<? extends IBaseResource> resources() {
                        return mapped.get(nctId);
                      }

                      @Override
                      public TrialText text() {
                        return TrialIndexSource.text(byId.get(nctId));
                      }
                    };
                  }
                });
        // all cores extract and index (as at start-up): process CPU, not this thread's
        long p0 = processCpu();
        index.changedAll();
        index.search("ResearchStudy", Map.of(), true);
        last.put(b + " extract + index, all threads", (processCpu() - p0) / 1e6 / trials.size());
      }
      System.out.printf(Locale.ROOT, "round %d (%d trials):%n", round, trials.size());
      last.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-34s %8.3f%n", k, v));
    }
  }

  private static long cpu() {
    return CPU.getCurrentThreadCpuTime();
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double perTrial(long t0, int n) {
    return (cpu() - t0) / 1e6 / n;
  }
}
