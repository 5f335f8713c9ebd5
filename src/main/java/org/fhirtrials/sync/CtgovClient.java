package org.fhirtrials.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fhirtrials.ingest.CtgovJsonReader;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.model.Trial;

/**
 * Fetches {@code /studies} pages of the ClinicalTrials.gov API v2 with {@link HttpClient}: every
 * request waits for the {@link RateLimiter}; a 429 (honouring {@code Retry-After}), a 5xx, a
 * timeout, a dropped connection or a page that is not whole JSON is retried with {@link Backoff} up
 * to {@link SyncOptions#maxAttempts()} times; any other status fails at once. A page is read whole
 * (bytes, then {@link CtgovJsonReader#readPage}) before its studies are handed on, so a page cut
 * off mid-way is fetched again rather than half-saved.
 */
public final class CtgovClient {
  private static final int BODY_SNIPPET_CHARS = 300;

  /** Told about each retry, for progress lines. */
  public interface Listener {
    void retrying(URI uri, int failedAttempt, int maxAttempts, String problem, Duration wait);
  }

  /**
   * One page.
   *
   * @param trials the studies that mapped, in page order
   * @param rejections the studies that did not, with reasons
   * @param nextPageToken the next page's token; null on the last page
   * @param totalCount the number of studies the search matches, when asked for; else null
   */
  public record Page(
      List<Trial> trials, List<Rejection> rejections, String nextPageToken, Long totalCount) {}

  private final SyncOptions options;
  private final HttpClient http;
  private final RateLimiter limiter;
  private final Backoff backoff;
  private final Listener listener;
  private final CtgovJsonReader reader = new CtgovJsonReader();
  private long requests;
  private long retries;

  public CtgovClient(SyncOptions options, Listener listener) {
    this(
        options,
        HttpClient.newBuilder()
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build(),
        listener);
  }

  CtgovClient(SyncOptions options, HttpClient http, Listener listener) {
    this.options = Objects.requireNonNull(options, "options");
    this.http = Objects.requireNonNull(http, "http");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.limiter = new RateLimiter(options.requestsPerMinute(), options.burst());
    this.backoff = new Backoff(options.initialBackoff(), options.maxBackoff());
  }

  /** HTTP requests sent so far, retries included. */
  public long requests() {
    return requests;
  }

  /** Requests that failed and were retried. */
  public long retries() {
    return retries;
  }

  /**
   * The {@code /studies} request for one page.
   *
   * @param since the first day of the update window ({@code LastUpdatePostDate}), or null
   * @param pageToken the token from the previous page, or null for the first
   */
  public URI pageUri(LocalDate since, String pageToken) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("format", "json");
    params.put("pageSize", Integer.toString(options.pageSize()));
    if (options.condition() != null) {
      params.put("query.cond", options.condition());
    }
    String term = queryTerm(options.term(), since);
    if (term != null) {
      params.put("query.term", term);
    }
    if (!options.statuses().isEmpty()) {
      params.put("filter.overallStatus", String.join(",", options.statuses()));
    }
    if (pageToken == null) {
      params.put("countTotal", "true");
    } else {
      params.put("pageToken", pageToken);
    }
    StringBuilder uri = new StringBuilder(options.studiesUrl());
    char sep = '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      uri.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
      sep = '&';
    }
    return URI.create(uri.toString());
  }

  /** The user's term and the update window, both required. */
  static String queryTerm(String term, LocalDate since) {
    String window =
        since == null
            ? null
            : "AREA[LastUpdatePostDate]RANGE["
                + DateTimeFormatter.ISO_LOCAL_DATE.format(since)
                + ",MAX]";
    if (term == null) {
      return window;
    }
    return window == null ? term : "(" + term + ") AND " + window;
  }

  /**
   * Fetches and reads one page, retrying what can be retried.
   *
   * @throws SyncException when the page cannot be had
   */
  public Page fetch(URI uri) {
    String lastProblem = null;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      Duration retryAfter = null;
      try {
        limiter.acquire();
        requests++;
        HttpResponse<byte[]> response = send(uri);
        int status = response.statusCode();
        if (status == 200) {
          return read(response.body());
        }
        String problem = "HTTP " + status + snippet(response.body());
        if (status != 429 && status < 500) {
          throw new SyncException("GET " + uri + " failed: " + problem + " (not retried)");
        }
        lastProblem = problem;
        retryAfter = retryAfter(response);
      } catch (HttpTimeoutException e) {
        lastProblem = "timed out: " + e.getMessage();
      } catch (IOException e) {
        lastProblem = describe(e, uri);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncException("interrupted while fetching " + uri, e);
      }
      if (attempt == options.maxAttempts()) {
        break;
      }
      Duration wait = backoff.delay(attempt, retryAfter);
      listener.retrying(uri, attempt, options.maxAttempts(), lastProblem, wait);
      retries++;
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncException("interrupted while waiting to retry " + uri, e);
      }
    }
    throw new SyncException(
        "GET "
            + uri
            + " failed after "
            + options.maxAttempts()
            + " attempts; last error: "
            + lastProblem);
  }

  /** Sends the request; the timeout covers the whole page, not only its headers. */
  private HttpResponse<byte[]> send(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .GET()
            .header("Accept", "application/json")
            .header("User-Agent", "fhir-trials-sync")
            .timeout(options.requestTimeout())
            .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return pending.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException(
          "no whole page within " + options.requestTimeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  private Page read(byte[] body) throws IOException {
    List<Trial> trials = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    CtgovJsonReader.PageInfo info =
        reader.readPage(
            new ByteArrayInputStream(body), options.studiesUrl(), trials::add, rejections::add);
    return new Page(trials, rejections, info.nextPageToken(), info.totalCount());
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(CtgovClient::parseRetryAfter)
        .orElse(null);
  }

  static Duration parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      // not seconds: an HTTP date
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(Instant.now(), at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The exception and the first message along its causes (a refused connection has none). */
  static String describe(IOException e, URI uri) {
    if (e instanceof ConnectException) {
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return "ConnectException: cannot connect to " + uri.getHost() + port;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        String name = e.getClass().getSimpleName();
        return t == e ? name + ": " + t.getMessage() : name + " (" + t + ")";
      }
    }
    return e.getClass().getSimpleName();
  }

  private static String snippet(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text =
        new String(body, 0, Math.min(body.length, BODY_SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
    text = text.replaceAll("\\s+", " ").trim();
    if (text.length() > BODY_SNIPPET_CHARS) {
      text = text.substring(0, BODY_SNIPPET_CHARS) + "...";
    }
    return text.isEmpty() ? "" : ": " + text;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
