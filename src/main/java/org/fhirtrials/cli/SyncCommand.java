package org.fhirtrials.cli;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.store.InMemoryTrialStore;
import org.fhirtrials.store.SaveCounts;
import org.fhirtrials.store.StoreConfig;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.sync.CtgovClient;
import org.fhirtrials.sync.RegistrySync;
import org.fhirtrials.sync.SyncException;
import org.fhirtrials.sync.SyncOptions;
import org.fhirtrials.sync.SyncReport;
import org.fhirtrials.sync.SyncState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code sync [options] [--spring.option=value...]}: pulls the studies updated since the last
 * completed sync from the ClinicalTrials.gov API v2 into the configured store (see {@link
 * RegistrySync}). Every option is also a property {@code fhirtrials.sync.<option>}
 * (application.yml, environment variables such as {@code FHIRTRIALS_SYNC_BASE_URL}, or {@code
 * --options}).
 */
public final class SyncCommand implements Command {
  static final String PREFIX = "fhirtrials.sync.";

  /** Options that take a value, each the property {@code fhirtrials.sync.<name>}. */
  private static final List<String> VALUED =
      List.of(
          "base-url",
          "condition",
          "term",
          "status",
          "since",
          "page-size",
          "requests-per-minute",
          "max-attempts",
          "timeout-seconds");

  @Override
  public String name() {
    return "sync";
  }

  @Override
  public String summary() {
    return "[--condition C] [--term T] [--status S,...] [--since YYYY-MM-DD] [--full]"
        + " [--base-url URL] [--page-size N] [--requests-per-minute N] [--max-attempts N]"
        + " [--timeout-seconds N]  pull updated studies from the ClinicalTrials.gov API v2";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String option = arg.startsWith("--") ? arg.substring(2) : null;
      if (option != null && option.equals("full")) {
        springArgs.add("--" + PREFIX + "full=true");
      } else if (option != null && VALUED.contains(option)) {
        if (i + 1 >= args.size()) {
          return usage(err, "missing value after " + arg);
        }
        springArgs.add("--" + PREFIX + option + "=" + args.get(++i));
      } else if (option != null && option.contains("=")) {
        springArgs.add(arg);
      } else {
        return usage(err, "unknown argument " + arg);
      }
    }

    try (ConfigurableApplicationContext config = ImportCommand.configuration(springArgs)) {
      SyncOptions options;
      try {
        options = options(config.getEnvironment());
      } catch (IllegalArgumentException | IllegalStateException e) {
        return usage(err, e.getMessage());
      }
      TrialStore store = StoreConfig.create(config.getEnvironment());
      if (store instanceof InMemoryTrialStore) {
        err.println(
            "sync: fhirtrials.store is memory, so the trials and the watermark are kept only for"
                + " this run (set --fhirtrials.store=postgres and spring.datasource.url to keep"
                + " them)");
      }
      try {
        return sync(store, options, out, err);
      } finally {
        if (store instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }

  private static int sync(TrialStore store, SyncOptions options, PrintStream out, PrintStream err) {
    CtgovClient client =
        new CtgovClient(
            options,
            (uri, failed, max, problem, wait) ->
                err.printf(
                    Locale.ROOT,
                    "sync: attempt %d/%d failed (%s); retrying in %.1f s%n",
                    failed,
                    max,
                    problem,
                    wait.toMillis() / 1000.0));
    long started = System.nanoTime();
    RegistrySync sync =
        new RegistrySync(
            store,
            SyncState.forStore(store),
            client,
            options,
            Clock.systemUTC(),
            (pages, counts, rejected, total) ->
                err.printf(
                    Locale.ROOT,
                    "sync: page %d, %,d%s studies (%,d new, %,d updated, %,d unchanged, %,d"
                        + " rejected), %.1f s%n",
                    pages,
                    counts.total() + rejected,
                    total == null ? "" : String.format(Locale.ROOT, "/%,d", total),
                    counts.inserted(),
                    counts.updated(),
                    counts.unchanged(),
                    rejected,
                    (System.nanoTime() - started) / 1e9));
    LocalDate since = sync.since();
    err.println(
        "sync: "
            + options.studiesUrl()
            + (since == null ? ", every study" : ", studies updated since " + since)
            + filters(options));
    SyncReport report;
    try {
      report = sync.run();
    } catch (SyncException e) {
      err.println("sync: " + e.getMessage());
      err.println(
          "sync: the run did not complete; the watermark is unchanged, so the next run fetches"
              + " the same window again (studies saved so far are kept)");
      return 1;
    }
    printSummary(report, store, out);
    return 0;
  }

  /** The options from {@code fhirtrials.sync.*}, with the public registry's defaults. */
  static SyncOptions options(Environment env) {
    SyncOptions.Builder b = SyncOptions.builder();
    String base = env.getProperty(PREFIX + "base-url");
    if (base != null && !base.isBlank()) {
      b.baseUrl(URI.create(base.trim()));
    }
    b.condition(env.getProperty(PREFIX + "condition"));
    b.term(env.getProperty(PREFIX + "term"));
    String status = env.getProperty(PREFIX + "status");
    if (status != null) {
      b.statuses(Arrays.asList(status.split("[,|]")));
    }
    String since = env.getProperty(PREFIX + "since");
    if (since != null && !since.isBlank()) {
      try {
        b.since(LocalDate.parse(since.trim()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("since must be a date YYYY-MM-DD: " + since);
      }
    }
    b.full(Boolean.parseBoolean(env.getProperty(PREFIX + "full", "false")));
    b.pageSize(number(env, "page-size", SyncOptions.MAX_PAGE_SIZE));
    b.maxAttempts(number(env, "max-attempts", SyncOptions.DEFAULT_MAX_ATTEMPTS));
    String rate = env.getProperty(PREFIX + "requests-per-minute");
    if (rate != null) {
      try {
        b.requestsPerMinute(Double.parseDouble(rate.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("requests-per-minute needs a number: " + rate);
      }
    }
    String timeout = env.getProperty(PREFIX + "timeout-seconds");
    if (timeout != null) {
      b.requestTimeout(Duration.ofSeconds(number(env, "timeout-seconds", 0)));
    }
    return b.build();
  }

  private static int number(Environment env, String name, int fallback) {
    String v = env.getProperty(PREFIX + name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number: " + v);
    }
  }

  private static String filters(SyncOptions o) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> f :
        List.of(
            Map.entry("query.cond", String.valueOf(o.condition())),
            Map.entry("query.term", String.valueOf(o.term())),
            Map.entry("filter.overallStatus", String.join(",", o.statuses())))) {
      if (!f.getValue().equals("null") && !f.getValue().isEmpty()) {
        s.append(", ").append(f.getKey()).append('=').append(f.getValue());
      }
    }
    return s.toString();
  }

  private static void printSummary(SyncReport report, TrialStore store, PrintStream out) {
    SaveCounts c = report.counts();
    out.printf(
        Locale.ROOT,
        "sync: %d studies in %d pages (%d requests, %d retried) in %.1f s: %d imported,"
            + " %d updated, %d unchanged, %d rejected; watermark %s; the store holds %d trials%n",
        c.total() + report.rejections().size(),
        report.pages(),
        report.requests(),
        report.retries(),
        report.elapsed().toNanos() / 1e9,
        c.inserted(),
        c.updated(),
        c.unchanged(),
        report.rejections().size(),
        report.watermark(),
        store.size());
    List<Rejection> rejections = report.rejections();
    for (int i = 0; i < Math.min(rejections.size(), ImportCommand.REJECTIONS_LISTED); i++) {
      out.println("  rejected " + rejections.get(i));
    }
    if (rejections.size() > ImportCommand.REJECTIONS_LISTED) {
      out.printf(
          "  ... and %d more rejected%n", rejections.size() - ImportCommand.REJECTIONS_LISTED);
    }
  }

  private int usage(PrintStream err, String problem) {
    err.println("sync: " + problem);
    err.println("usage: java -jar fhir-trials.jar sync " + summary());
    return 2;
  }
}
