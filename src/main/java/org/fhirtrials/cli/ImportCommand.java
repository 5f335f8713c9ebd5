package org.fhirtrials.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.fhirtrials.fhir.PostgresSearchConfig;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.store.ImportReport;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.SaveCounts;
import org.fhirtrials.store.StoreConfig;
import org.fhirtrials.store.TrialImporter;
import org.fhirtrials.store.TrialStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code import [--batch-size N] [--spring.option=value...] <files|dirs|zips...>}: reads registry
 * records into the store the server is configured with ({@code fhirtrials.store}, {@code
 * spring.datasource.*} from application.yml, environment variables or {@code --options}).
 * Idempotent and resumable: see {@link TrialImporter}.
 */
public final class ImportCommand implements Command {
  /** How many rejections the summary lists before it only counts. */
  static final int REJECTIONS_LISTED = 50;

  private static final long LOG_EVERY_NANOS = 5_000_000_000L;
  private static final int BAR_WIDTH = 30;

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String summary() {
    return "[--batch-size N] [--spring.datasource.url=...] <files|dirs|zips...>"
        + "  load records into the configured store";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    int batchSize = TrialImporter.DEFAULT_BATCH_SIZE;
    List<String> springArgs = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--batch-size")) {
        if (i + 1 >= args.size()) {
          return usage(err, "missing value after --batch-size");
        }
        try {
          batchSize = Integer.parseInt(args.get(++i));
        } catch (NumberFormatException e) {
          return usage(err, "--batch-size needs a whole number, got '" + args.get(i) + "'");
        }
        if (batchSize < 1) {
          return usage(err, "--batch-size must be at least 1");
        }
      } else if (arg.startsWith("--") && arg.contains("=")) {
        springArgs.add(arg);
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option " + arg);
      } else {
        paths.add(Path.of(arg));
      }
    }
    if (paths.isEmpty()) {
      return usage(err, "no files, directories or zips to import");
    }

    try (ConfigurableApplicationContext config = configuration(springArgs)) {
      TrialStore store =
          StoreConfig.create(config.getEnvironment(), PostgresSearchConfig::searchRows);
      if (store instanceof InMemoryTrialStore) {
        err.println(
            "import: fhirtrials.store is memory, so the trials are kept only for this run"
                + " (set --fhirtrials.store=postgres and spring.datasource.url to keep them)");
      }
      try {
        long files = countFiles(paths);
        Progress progress =
            System.console() != null ? new Bar(err, files) : new LogLines(err, files);
        ImportReport report = new TrialImporter(store, batchSize, progress).importPaths(paths);
        progress.done();
        printSummary(report, store, out);
        return report.counts().total() == 0 && !report.rejections().isEmpty() ? 1 : 0;
      } finally {
        if (store instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }

  /** The server's configuration sources (application.yml, env, --options) without the server. */
  static ConfigurableApplicationContext configuration(List<String> springArgs) {
    return new SpringApplicationBuilder(NoBeans.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run(springArgs.toArray(String[]::new));
  }

  /** An empty context: only its Environment is used. */
  @Configuration(proxyBeanMethods = false)
  static class NoBeans {}

  private static void printSummary(ImportReport report, TrialStore store, PrintStream out) {
    SaveCounts c = report.counts();
    out.printf(
        Locale.ROOT,
        "import: %d studies in %.1f s (%.0f/s): %d imported, %d updated, %d unchanged,"
            + " %d rejected; the store holds %d trials%n",
        c.total(),
        report.elapsed().toNanos() / 1e9,
        report.rate(),
        c.inserted(),
        c.updated(),
        c.unchanged(),
        report.rejections().size(),
        store.size());
    List<Rejection> rejections = report.rejections();
    for (int i = 0; i < Math.min(rejections.size(), REJECTIONS_LISTED); i++) {
      out.println("  rejected " + rejections.get(i));
    }
    if (rejections.size() > REJECTIONS_LISTED) {
      out.printf("  ... and %d more rejected%n", rejections.size() - REJECTIONS_LISTED);
    }
  }

  /**
   * Input files and zip entries the reader will open: the denominator of the ETA (a file may hold a
   * page of many studies, so progress through files is what can be known in advance).
   */
  static long countFiles(List<Path> paths) {
    long n = 0;
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          n += s.filter(Files::isRegularFile).mapToLong(ImportCommand::countFile).sum();
        } catch (IOException e) {
          // the reader reports the unreadable directory
        }
      } else if (Files.isRegularFile(p)) {
        n += countFile(p);
      }
    }
    return n;
  }

  private static long countFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".zip")) {
      try (ZipFile zip = new ZipFile(p.toFile())) {
        return zip.stream().filter(e -> !e.isDirectory() && isRecordFile(e.getName())).count();
      } catch (IOException e) {
        return 0;
      }
    }
    return isRecordFile(name) ? 1 : 0;
  }

  private static boolean isRecordFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".txt");
  }

  private int usage(PrintStream err, String problem) {
    err.println("import: " + problem);
    err.println("usage: java -jar fhir-trials.jar import " + summary());
    return 2;
  }

  /** Progress shown while importing. */
  private abstract static class Progress implements TrialImporter.Progress {
    final PrintStream err;
    final long totalFiles;
    final long started = System.nanoTime();

    Progress(PrintStream err, long totalFiles) {
      this.err = err;
      this.totalFiles = totalFiles;
    }

    abstract void done();

    double seconds() {
      return (System.nanoTime() - started) / 1e9;
    }

    /** Seconds left, from the time per finished file; negative when it cannot be told yet. */
    double eta(long filesStarted) {
      long finished = filesStarted - 1; // the current file is still being read
      if (totalFiles <= 0 || finished <= 0) {
        return -1;
      }
      return seconds() / finished * Math.max(0, totalFiles - finished);
    }

    String line(long studies, long filesStarted) {
      double eta = eta(filesStarted);
      return String.format(
          Locale.ROOT,
          "%,d studies, %,.0f/s, file %d/%d%s",
          studies,
          studies / Math.max(seconds(), 1e-3),
          filesStarted,
          totalFiles,
          eta < 0 ? "" : String.format(Locale.ROOT, ", ETA %s", clock(eta)));
    }

    static String clock(double seconds) {
      long s = Math.round(seconds);
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
  }

  /** A bar redrawn in place on a terminal. */
  private static final class Bar extends Progress {
    Bar(PrintStream err, long totalFiles) {
      super(err, totalFiles);
    }

    @Override
    public void saved(long studies, long filesStarted) {
      int filled =
          totalFiles <= 0
              ? 0
              : (int) Math.min(BAR_WIDTH, BAR_WIDTH * Math.max(0, filesStarted - 1) / totalFiles);
      err.print(
          "\rimport ["
              + "#".repeat(filled)
              + ".".repeat(BAR_WIDTH - filled)
              + "] "
              + line(studies, filesStarted)
              + "   ");
      err.flush();
    }

    @Override
    void done() {
      err.println();
    }
  }

  /** Plain lines every few seconds when output goes to a file or pipe. */
  private static final class LogLines extends Progress {
    private long lastLine = System.nanoTime();

    LogLines(PrintStream err, long totalFiles) {
      super(err, totalFiles);
    }

    @Override
    public void saved(long studies, long filesStarted) {
      long now = System.nanoTime();
      if (now - lastLine >= LOG_EVERY_NANOS) {
        lastLine = now;
        err.println("import: " + line(studies, filesStarted));
      }
    }

    @Override
    void done() {}
  }
}
