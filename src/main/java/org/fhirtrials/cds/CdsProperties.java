package org.fhirtrials.cds;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CDS Hooks trial-matching service ({@code fhirtrials.cds.*}; the JWT settings
 * under the same prefix are bound by {@code CdsSecurityProperties}).
 *
 * @param maxCards at most this many cards per call, best first
 * @param publicBaseUrl this server's public base URL for absolute links (e.g. {@code
 *     https://trials.example.org}); empty = taken from the incoming request
 * @param smartAppUrl launch URL of a SMART app to link from each card; empty = no SMART link
 * @param smartAppLabel label of the SMART link
 * @param statuses recruitment statuses a trial must have to be shown (empty = any)
 * @param phases phases a trial must have one of (empty = any)
 * @param conditions words one of which a trial's condition list must contain (empty = any)
 * @param feedbackDir memory store: directory of the file-backed feedback store (JSON lines)
 * @param issuedCardsCapacity memory store: how many issued cards are remembered for feedback
 *     (oldest forgotten)
 * @param issuedCardsRetention PostgreSQL store: how long an issued card accepts feedback
 * @param fetch how data missing from prefetch is fetched from the CDS client's FHIR server
 */
@ConfigurationProperties(prefix = "fhirtrials.cds")
public record CdsProperties(
    @DefaultValue("5") int maxCards,
    URI publicBaseUrl,
    URI smartAppUrl,
    @DefaultValue("Open in trial screening app") String smartAppLabel,
    @DefaultValue({"RECRUITING", "NOT_YET_RECRUITING"}) Set<RecruitmentStatus> statuses,
    Set<Phase> phases,
    List<String> conditions,
    @DefaultValue("./data/cds-feedback") Path feedbackDir,
    @DefaultValue("10000") int issuedCardsCapacity,
    @DefaultValue("30d") Duration issuedCardsRetention,
    @DefaultValue Fetch fetch) {

  public CdsProperties {
    if (maxCards < 1) {
      throw new IllegalArgumentException("fhirtrials.cds.max-cards must be >= 1, was " + maxCards);
    }
    if (issuedCardsCapacity < 1) {
      throw new IllegalArgumentException(
          "fhirtrials.cds.issued-cards-capacity must be >= 1, was " + issuedCardsCapacity);
    }
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    phases = phases == null ? Set.of() : Set.copyOf(phases);
    conditions =
        conditions == null
            ? List.of()
            : conditions.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    fetch = fetch == null ? Fetch.defaults() : fetch;
    issuedCardsRetention =
        issuedCardsRetention == null ? Duration.ofDays(30) : issuedCardsRetention;
    if (issuedCardsRetention.isNegative() || issuedCardsRetention.isZero()) {
      throw new IllegalArgumentException(
          "fhirtrials.cds.issued-cards-retention must be > 0, was " + issuedCardsRetention);
    }
    if (publicBaseUrl != null && publicBaseUrl.toString().isBlank()) {
      publicBaseUrl = null;
    }
    if (smartAppUrl != null && smartAppUrl.toString().isBlank()) {
      smartAppUrl = null;
    }
  }

  /**
   * Fetching from {@code fhirServer}.
   *
   * @param connectTimeout TCP connect timeout
   * @param readTimeout socket read timeout per request
   * @param maxPages at most this many pages per search (first page included)
   * @param allowedServers FHIR base URLs the service may send the client's bearer token to (a
   *     {@code fhirServer} equal to one, or below one at a path-segment boundary); empty = none:
   *     data missing from prefetch is then never fetched (412). See {@link FhirServerAllowList}.
   */
  public record Fetch(
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout,
      @DefaultValue("10") int maxPages,
      List<String> allowedServers) {
    public Fetch {
      allowedServers =
          allowedServers == null
              ? List.of()
              : allowedServers.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
      if (maxPages < 1) {
        throw new IllegalArgumentException(
            "fhirtrials.cds.fetch.max-pages must be >= 1, was " + maxPages);
      }
    }

    static Fetch defaults() {
      return new Fetch(null, null, 10, null);
    }
  }
}
