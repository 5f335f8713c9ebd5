package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fhirtrials.match.TrialMatchService;
import org.fhirtrials.store.TrialStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (no *Test / *IT suffix): latency of typical FHIR searches over HTTP on a
 * server whose store is PostgreSQL (search in SQL), at concurrency 8. The database must already
 * hold the trials (import {@code /tmp/synth100000} with the {@code import} command first; see
 * docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -q -o test -Dtest=PostgresSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dpgsearch.bench.url='jdbc:postgresql://127.0.0.1:5432/h_pgsearch?user=postgres'
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresSearchBenchmark {
  static final int CONCURRENCY = 8;
  static final int WARMUP = Integer.getInteger("pgsearch.bench.warmup", 200);
  static final int CALLS = Integer.getInteger("pgsearch.bench.calls", 1600);

  /** The searches of {@code benchmarks/pg-search-queries.txt} (shared with the load script). */
  static final List<String> QUERIES = queries();

  private static List<String> queries() {
    try (InputStream in =
        PostgresSearchBenchmark.class.getResourceAsStream("/benchmarks/pg-search-queries.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired TrialStore store;
  @Autowired TrialMatchService matches;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("fhirtrials.store", () -> "postgres");
    registry.add(
        "spring.datasource.url",
        () ->
            System.getProperty(
                "pgsearch.bench.url", "jdbc:postgresql://127.0.0.1:5432/h_pgsearch?user=postgres"));
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "16");
  }

  @Test
  void typicalSearchesAtConcurrency8() throws Exception {
    int trials = store.size();
    Map<String, Integer> hits = new TreeMap<>();
    for (String q : QUERIES) {
      HttpResponse<String> r = get(q);
      assertThat(r.statusCode()).as(q + " " + r.body()).isEqualTo(200);
      hits.put(q, r.body().split("\"fullUrl\"").length - 1);
    }
    // the server compiles every trial's criteria for $match in the background once started (101 s
    // at 100k trials, which overlapped the whole run): wait for it, so searches are measured alone
    matches.compileAll();
    run(WARMUP);
    long start = System.nanoTime();
    Map<String, List<Long>> byQuery = run(CALLS);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> all = new ArrayList<>();
    byQuery.values().forEach(all::addAll);
    System.out.printf(
        Locale.ROOT,
        "%n%,d trials, concurrency %d, %d calls in %.1f s (%.0f/s), nproc %d, load %s%n",
        trials,
        CONCURRENCY,
        CALLS,
        seconds,
        CALLS / seconds,
        Runtime.getRuntime().availableProcessors(),
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    System.out.println("| search | entries (page 1) | p50 ms | p95 ms | p99 ms |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String q : QUERIES) {
      List<Long> t = byQuery.get(q);
      System.out.printf(
          Locale.ROOT,
          "| `%s` | %d | %.1f | %.1f | %.1f |%n",
          q,
          hits.get(q),
          pct(t, 50),
          pct(t, 95),
          pct(t, 99));
    }
    System.out.printf(
        Locale.ROOT,
        "| **all** | | %.1f | %.1f | **%.1f** |%n",
        pct(all, 50),
        pct(all, 95),
        pct(all, 99));
  }

  private Map<String, List<Long>> run(int calls) throws Exception {
    Map<String, List<Long>> times = new TreeMap<>();
    QUERIES.forEach(q -> times.put(q, Collections.synchronizedList(new ArrayList<>())));
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String q = QUERIES.get(i % QUERIES.size());
        done.add(
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = get(q);
                  long t = System.nanoTime() - t0;
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(q + " -> " + r.statusCode());
                  }
                  times.get(q).add(t);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return times;
  }

  private static double pct(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  private HttpResponse<String> get(String query) throws Exception {
    int q = query.indexOf('?');
    StringBuilder sb =
        new StringBuilder("http://localhost:" + port + "/fhir/").append(query, 0, q).append('?');
    for (String pair : query.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      sb.append(pair, 0, eq + 1)
          .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8))
          .append('&');
    }
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sb.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
