package org.fhirtrials.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.synth.SyntheticRegistry;

/**
 * {@code generate --count N --seed S --out DIR [--page-size 1000]}: writes a deterministic
 * synthetic ClinicalTrials.gov API v2 data set for benchmarks (see {@link SyntheticRegistry}).
 */
public final class GenerateCommand implements Command {
  private static final long DEFAULT_SEED = 1L;
  private static final long PROGRESS_EVERY = 10_000L;

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String summary() {
    return "--count N --out DIR [--seed S] [--page-size 1000] [--threads T]"
        + "  write synthetic CT.gov v2 JSON";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Long count = null;
    long seed = DEFAULT_SEED;
    Path dir = null;
    int pageSize = SyntheticRegistry.DEFAULT_PAGE_SIZE;
    int threads = SyntheticRegistry.defaultThreads();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        return usage(err, "missing value after " + flag);
      }
      String value = args.get(++i);
      try {
        switch (flag) {
          case "--count" -> count = Long.parseLong(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--out" -> dir = Path.of(value);
          case "--page-size" -> pageSize = Integer.parseInt(value);
          case "--threads" -> threads = Integer.parseInt(value);
          default -> {
            return usage(err, "unknown option " + flag);
          }
        }
      } catch (NumberFormatException e) {
        return usage(err, flag + " needs a whole number, got '" + value + "'");
      }
    }
    if (count == null || dir == null) {
      return usage(err, "--count and --out are required");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return usage(err, dir + " exists and is not a directory");
    }
    long total = count;
    long started = System.nanoTime();
    long[] lastReported = {0};
    SyntheticRegistry.Summary summary;
    try {
      summary =
          new SyntheticRegistry(seed, threads)
              .generate(
                  count,
                  dir,
                  pageSize,
                  written -> {
                    if (written - lastReported[0] >= PROGRESS_EVERY || written == total) {
                      lastReported[0] = written;
                      err.printf(Locale.ROOT, "generate: %d/%d studies%n", written, total);
                    }
                  });
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf(
        Locale.ROOT,
        "generate: wrote %d files, %d studies to %s in %.2f s (seed %d)%n",
        summary.files(),
        summary.studies(),
        dir,
        seconds,
        seed);
    return 0;
  }

  private int usage(PrintStream err, String problem) {
    err.println("generate: " + problem);
    err.println("usage: java -jar fhir-trials.jar generate " + summary());
    return 2;
  }
}
