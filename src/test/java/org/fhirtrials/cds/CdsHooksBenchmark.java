package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fhirtrials.cli.GenerateCommand;
import org.fhirtrials.store.TrialStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (no *Test / *IT suffix, so never run by default): p50/p95 latency of a
 * patient-view call with full prefetch at concurrency 4 against 10,000 synthetic trials.
 *
 * <pre>
 * ./mvnw -q -o test -Dtest=CdsHooksBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fhirtrials.cds.verify-jwt=false", "fhirtrials.cds.statuses="})
class CdsHooksBenchmark {
  static final int TRIALS = Integer.getInteger("cds.bench.trials", 10_000);
  static final int CONCURRENCY = 4;
  static final int WARMUP = 20;
  static final int CALLS = Integer.getInteger("cds.bench.calls", 200);

  @LocalServerPort int port;
  @Autowired TrialStore store;

  @DynamicPropertySource
  static void trials(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("cds-bench");
    Path out = dir.resolve("trials");
    int rc =
        new GenerateCommand()
            .run(
                List.of("--count", String.valueOf(TRIALS), "--seed", "1", "--out", out.toString()),
                System.out,
                System.err);
    assertThat(rc).isZero();
    registry.add("fhirtrials.import.paths", out::toString);
    registry.add("fhirtrials.cds.feedback-dir", () -> dir.resolve("feedback").toString());
  }

  @Test
  void patientViewLatency() throws Exception {
    assertThat(store.size()).isGreaterThanOrEqualTo(TRIALS);
    String body =
        CdsHooksIT.request("p", CdsHooksIT.prefetch(CdsHooksIT.seedBundle("NCT06310590-eligible")))
            .toString();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/cds-services/trial-matching"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int i = 0; i < WARMUP; i++) {
      assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      futures.add(
          pool.submit(
              () -> {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                micros.add((System.nanoTime() - t) / 1_000);
                assertThat(r.statusCode()).isEqualTo(200);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "CDS-BENCH trials=%d calls=%d concurrency=%d p50=%.1f ms p95=%.1f ms throughput=%.1f/s"
            + " nproc=%d%n",
        store.size(),
        CALLS,
        CONCURRENCY,
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1000.0,
        CALLS / seconds,
        Runtime.getRuntime().availableProcessors());
  }
}
