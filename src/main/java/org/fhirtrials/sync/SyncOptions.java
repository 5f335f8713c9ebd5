package org.fhirtrials.sync;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to pull from the ClinicalTrials.gov API v2 and how politely.
 *
 * @param baseUrl the API root, e.g. {@code https://clinicaltrials.gov/api/v2}
 * @param pageSize studies per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param requestsPerMinute the client-side rate limit (the registry allows about 50)
 * @param burst requests allowed back to back before the rate applies
 * @param maxAttempts attempts per page before the run fails
 * @param initialBackoff the first retry wait (doubled each attempt, with jitter)
 * @param maxBackoff the longest retry wait, also the cap on a server's {@code Retry-After}
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for one whole page (headers and body)
 * @param condition {@code query.cond}, or null
 * @param term {@code query.term} (combined with the update window by {@code AND}), or null
 * @param statuses {@code filter.overallStatus} values (e.g. {@code RECRUITING}); empty for all
 * @param since the first day of the window when there is no watermark yet (first run); null for
 *     every study
 * @param full ignore the watermark (and {@code since}): pull every study matching the filters
 */
public record SyncOptions(
    URI baseUrl,
    int pageSize,
    double requestsPerMinute,
    int burst,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration connectTimeout,
    Duration requestTimeout,
    String condition,
    String term,
    List<String> statuses,
    LocalDate since,
    boolean full) {
  public static final URI DEFAULT_BASE_URL = URI.create("https://clinicaltrials.gov/api/v2");
  public static final int MAX_PAGE_SIZE = 1000;
  public static final double DEFAULT_REQUESTS_PER_MINUTE = 50;
  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  public SyncOptions {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "page size must be between 1 and " + MAX_PAGE_SIZE + ": " + pageSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
    }
    requirePositive(initialBackoff, "initial backoff");
    requirePositive(maxBackoff, "max backoff");
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(requestTimeout, "request timeout");
    condition = blankToNull(condition);
    term = blankToNull(term);
    statuses =
        statuses == null
            ? List.of()
            : statuses.stream()
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted()
                .toList();
    // Checked by the limiter and the backoff too; failing here names the option.
    new RateLimiter(requestsPerMinute, burst);
    new Backoff(initialBackoff, maxBackoff);
  }

  /** The defaults against the public registry. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The watermark key: one per source and filter set, so a filtered sync does not move the
   * watermark of a full one.
   */
  public String stateKey() {
    StringBuilder key = new StringBuilder(trimmedBase());
    if (condition != null) {
      key.append(" cond=").append(condition);
    }
    if (term != null) {
      key.append(" term=").append(term);
    }
    if (!statuses.isEmpty()) {
      key.append(" status=").append(String.join(",", statuses));
    }
    return key.toString();
  }

  /** The {@code /studies} endpoint; also the origin recorded on every synced trial. */
  public String studiesUrl() {
    return trimmedBase() + "/studies";
  }

  private String trimmedBase() {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Builds options; every setting has the default of the public registry. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private int pageSize = MAX_PAGE_SIZE;
    private double requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
    private int burst = 1;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofMinutes(2);
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration requestTimeout = Duration.ofMinutes(3);
    private String condition;
    private String term;
    private List<String> statuses = List.of();
    private LocalDate since;
    private boolean full;

    public Builder baseUrl(URI v) {
      baseUrl = v;
      return this;
    }

    public Builder pageSize(int v) {
      pageSize = v;
      return this;
    }

    public Builder requestsPerMinute(double v) {
      requestsPerMinute = v;
      return this;
    }

    public Builder burst(int v) {
      burst = v;
      return this;
    }

    public Builder maxAttempts(int v) {
      maxAttempts = v;
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      initialBackoff = initial;
      maxBackoff = max;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder condition(String v) {
      condition = v;
      return this;
    }

    public Builder term(String v) {
      term = v;
      return this;
    }

    public Builder statuses(List<String> v) {
      statuses = v;
      return this;
    }

    public Builder since(LocalDate v) {
      since = v;
      return this;
    }

    public Builder full(boolean v) {
      full = v;
      return this;
    }

    public SyncOptions build() {
      return new SyncOptions(
          baseUrl,
          pageSize,
          requestsPerMinute,
          burst,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          connectTimeout,
          requestTimeout,
          condition,
          term,
          statuses,
          since,
          full);
    }
  }
}
