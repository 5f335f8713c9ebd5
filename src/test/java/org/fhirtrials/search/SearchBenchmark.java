package org.fhirtrials.search;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * FHIR search benchmark on the embedded store (not a test): starts the real server (the fat jar, in
 * its own JVM) with N synthetic trials ({@code fhirtrials.import.paths}), waits until all of them
 * are searchable (the load time), then drives it over HTTP on loopback with a fixed number of
 * client threads and reports requests/s, p50 and p99 latency per query kind, and heap used after a
 * full GC. Query values are taken from the loaded data (ids, conditions, site positions), so every
 * query hits. Run with {@code scripts/search-bench.sh N}.
 *
 * <p>Arguments: {@code dataDir expectedTrials [seconds] [concurrency] [heap]}.
 */
public final class SearchBenchmark {
  private static final Pattern NCT = Pattern.compile("\"nctId\"\\s*:\\s*\"(NCT\\d{8})\"");
  private static final Pattern CONDITION =
      Pattern.compile("\"conditions\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
  private static final Pattern GEO =
      Pattern.compile(
          "\"geoPoint\"\\s*:\\s*\\{\\s*\"lat\"\\s*:\\s*(-?[\\d.]+)\\s*,\\s*\"lon\"\\s*:\\s*(-?[\\d.]+)");
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private record Sample(String nctId, String condition, String word, double lat, double lon) {}

  private record Result(
      String name, long requests, long errors, double seconds, long[] nanos, double cpuSeconds) {
    /** Server CPU time per request: what the answer costs, whatever else runs on the machine. */
    double cpuMsPerRequest() {
      return requests == 0 ? Double.NaN : cpuSeconds * 1000 / requests;
    }

    double rps() {
      return requests / seconds;
    }

    double percentileMs(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int at = (int) Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1);
      return nanos[Math.max(0, at)] / 1e6;
    }
  }

  private static long serverPid;

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    long expected = Long.parseLong(args[1]);
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    String heap = args.length > 4 ? args[4] : "2g";
    List<Sample> samples = samples(data, 400);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Path.of("target", "search-bench-server-" + expected + ".log");
    long started = System.nanoTime();
    List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap));
    // e.g. SEARCH_BENCH_SERVER_OPTS=-XX:StartFlightRecording=filename=/tmp/search.jfr to profile
    String serverOpts = System.getenv().getOrDefault("SEARCH_BENCH_SERVER_OPTS", "").trim();
    if (!serverOpts.isEmpty()) {
      command.addAll(List.of(serverOpts.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            System.getenv().getOrDefault("SEARCH_BENCH_JAR", "target/fhir-trials.jar"),
            "--server.port=" + port,
            "--fhirtrials.import.paths=" + data.toAbsolutePath()));
    Process server =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    serverPid = server.pid();
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = "http://127.0.0.1:" + port + "/fhir/r4/";
      double loadR4 = awaitLoaded(client, base, expected, started, server);
      double load = awaitLoaded(client, base.replace("/r4/", "/r5/"), expected, started, server);
      System.out.printf(
          Locale.ROOT,
          "load: %d trials searchable on R4 after %.1f s, on both bases after %.1f s"
              + " (server CPU time so far %.1f s)%n",
          expected,
          loadR4,
          load,
          serverCpuSeconds());
      // the index gives back its spare room once nothing has been queued for a second
      Thread.sleep(5_000);
      System.out.printf(Locale.ROOT, "heap after load (after GC): %d MB%n", heapUsedMb(server));
      // after the load the server still compiles every trial's criteria for $match (17 s of one
      // core at 100k) and collects the load's garbage: measured then, the first query kinds
      // shared the cores with it and showed a fraction of their steady rate
      System.out.printf(Locale.ROOT, "server quiet after %.1f s more%n", awaitQuiet(120));
      Map<String, List<String>> kinds = new LinkedHashMap<>();
      kinds.put("read by id", reads(samples));
      kinds.put("identifier", identifiers(samples));
      kinds.put("condition+status", conditions(samples));
      kinds.put("_text", texts(samples));
      kinds.put("near 100 km, by distance", near(samples));
      kinds.put("_include protocol+enrollment", includes(samples));
      // a first round through every kind, so that no kind is measured while the server's request
      // path (and this client) is still being compiled: the first kind measured otherwise showed
      // half its steady rate
      for (List<String> queries : kinds.values()) {
        drive(client, base, queries, Math.max(2, seconds / 3), concurrency);
      }
      List<Result> results = new ArrayList<>();
      for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
        results.add(run(client, kind.getKey(), base, kind.getValue(), seconds, concurrency));
      }
      long heapMb = heapUsedMb(server);
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "N=%d, concurrency %d, %d s per query kind, server -Xmx%s, nproc %d, load average %s%n",
          expected,
          concurrency,
          seconds,
          heap,
          Runtime.getRuntime().availableProcessors(),
          loadAverage());
      System.out.println(
          "| query | requests/s | p50 ms | p99 ms | server CPU ms/request | errors |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      for (Result r : results) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %.0f | %.2f | %.2f | %.2f | %d |%n",
            r.name(),
            r.rps(),
            r.percentileMs(0.50),
            r.percentileMs(0.99),
            r.cpuMsPerRequest(),
            r.errors());
      }
      System.out.printf(Locale.ROOT, "| load time, R4 searchable | %.1f s | | | | |%n", loadR4);
      System.out.printf(
          Locale.ROOT, "| load time, R4 and R5 searchable | %.1f s | | | | |%n", load);
      System.out.printf(Locale.ROOT, "| heap used after GC | %d MB | | | | |%n", heapMb);
    } finally {
      server.destroy();
      if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Seconds from process start until a search counts at least {@code expected} trials. */
  private static double awaitLoaded(
      HttpClient client, String base, long expected, long started, Process server)
      throws Exception {
    URI uri = URI.create(base + "ResearchStudy?_summary=count");
    while (true) {
      if (!server.isAlive()) {
        throw new IllegalStateException("server exited; see target/search-bench-server-*.log");
      }
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOTAL.matcher(r.body());
        if (r.statusCode() == 200 && m.find() && Long.parseLong(m.group(1)) >= expected) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
  }

  private static Result run(
      HttpClient client, String name, String base, List<String> queries, int seconds, int threads)
      throws InterruptedException {
    // warm-up, then the measured run
    drive(client, base, queries, Math.max(2, seconds / 3), threads);
    Result r = drive(client, base, queries, seconds, threads);
    return new Result(name, r.requests(), r.errors(), r.seconds(), r.nanos(), r.cpuSeconds());
  }

  private static Result drive(
      HttpClient client, String base, List<String> queries, int seconds, int threads)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    Thread[] workers = new Thread[threads];
    long[][] buffers = new long[threads][];
    int[] sizes = new int[threads];
    long t0 = System.nanoTime();
    double cpu0 = serverCpuSeconds();
    for (int t = 0; t < threads; t++) {
      int me = t;
      workers[t] =
          new Thread(
              () -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                int i = me * 7919;
                while (System.nanoTime() < end) {
                  String q = queries.get(Math.floorMod(i++, queries.size()));
                  HttpRequest req =
                      HttpRequest.newBuilder(URI.create(base + q))
                          .header("Accept", "application/fhir+json")
                          .timeout(Duration.ofSeconds(30))
                          .build();
                  long s = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  if (n == lat.length) {
                    lat = Arrays.copyOf(lat, n * 2);
                  }
                  lat[n++] = System.nanoTime() - s;
                }
                buffers[me] = lat;
                sizes[me] = n;
              });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double cpu = serverCpuSeconds() - cpu0;
    int total = 0;
    for (int t = 0; t < threads; t++) {
      perThread.add(Arrays.copyOf(buffers[t], sizes[t]));
      counts.add(sizes[t]);
      total += sizes[t];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] p : perThread) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    Arrays.sort(all);
    return new Result("", total, errors.get(), elapsed, all, cpu);
  }

  /**
   * Waits until the server has used under a tenth of a core for three seconds in a row (at most
   * {@code maxSeconds}); the seconds waited.
   */
  private static double awaitQuiet(int maxSeconds) throws InterruptedException {
    long t0 = System.nanoTime();
    int quiet = 0;
    double cpu = serverCpuSeconds();
    while (quiet < 3 && System.nanoTime() - t0 < maxSeconds * 1_000_000_000L) {
      Thread.sleep(1_000);
      double now = serverCpuSeconds();
      quiet = now - cpu < 0.1 ? quiet + 1 : 0;
      cpu = now;
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** User + system CPU seconds of the server process so far (Linux /proc; 0 elsewhere). */
  private static double serverCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime), in clock ticks of 1/100 s
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static List<String> reads(List<Sample> samples) {
    List<String> out = new ArrayList<>();
    for (Sample s : samples) {
      out.add("ResearchStudy/" + s.nctId());
      out.add("Group/" + s.nctId() + "-eligibility");
    }
    return out;
  }

  private static List<String> identifiers(List<Sample> samples) {
    return samples.stream()
        .map(s -> "ResearchStudy?identifier=" + enc("https://clinicaltrials.gov|" + s.nctId()))
        .toList();
  }

  private static List<String> conditions(List<Sample> samples) {
    return samples.stream()
        .filter(s -> s.condition() != null)
        .map(s -> "ResearchStudy?condition:text=" + enc(s.condition()) + "&status=active")
        .toList();
  }

  private static List<String> texts(List<Sample> samples) {
    return samples.stream()
        .filter(s -> s.word() != null)
        .map(s -> "ResearchStudy?_text=" + enc(s.word()))
        .toList();
  }

  private static List<String> near(List<Sample> samples) {
    return samples.stream()
        .filter(s -> !Double.isNaN(s.lat()))
        .map(
            s ->
                String.format(
                    Locale.ROOT,
                    "ResearchStudy?near=%s&_sort=near",
                    enc(String.format(Locale.ROOT, "%.4f|%.4f|100|km", s.lat(), s.lon()))))
        .toList();
  }

  private static List<String> includes(List<Sample> samples) {
    return samples.stream()
        .map(
            s ->
                "ResearchStudy?_id="
                    + s.nctId()
                    + "&_include=ResearchStudy:protocol&_include=ResearchStudy:enrollment")
        .toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Query values from the first studies of the first files of the data set. Plain JDK on purpose
   * (the benchmark runs with the source launcher): the values are found with patterns, per study.
   */
  private static List<Sample> samples(Path dir, int max) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<Sample> out = new ArrayList<>();
    int perFile = Math.max(1, max / Math.min(files.size(), 8));
    for (Path f : files.subList(0, Math.min(files.size(), 8))) {
      String[] studies = Files.readString(f).split("\"protocolSection\"");
      for (int i = 1; i < studies.length && i <= perFile; i++) {
        String study = studies[i];
        Matcher nct = NCT.matcher(study);
        if (!nct.find()) {
          continue;
        }
        Matcher c = CONDITION.matcher(study);
        String condition = c.find() ? c.group(1) : null;
        String word = null;
        if (condition != null) {
          for (String w : condition.split("[^A-Za-z]+")) {
            if (w.length() > 4) {
              word = w.toLowerCase(Locale.ROOT);
              break;
            }
          }
        }
        Matcher g = GEO.matcher(study);
        boolean geo = g.find();
        out.add(
            new Sample(
                nct.group(1),
                condition,
                word,
                geo ? Double.parseDouble(g.group(1)) : Double.NaN,
                geo ? Double.parseDouble(g.group(2)) : Double.NaN));
      }
    }
    return out;
  }

  private static long heapUsedMb(Process server) throws IOException, InterruptedException {
    String pid = Long.toString(server.pid());
    exec("jcmd", pid, "GC.run");
    String info = exec("jcmd", pid, "GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static String loadAverage() {
    try {
      return Files.readString(new File("/proc/loadavg").toPath()).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }
}
