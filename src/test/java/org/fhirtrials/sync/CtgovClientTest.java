package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.sync.CtgovStandIn.Fault;
import org.junit.jupiter.api.Test;

class CtgovClientTest {
  private static SyncOptions.Builder options(URI base) {
    return SyncOptions.builder()
        .baseUrl(base)
        .pageSize(10)
        .requestsPerMinute(60_000)
        .maxAttempts(3)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(20));
  }

  @Test
  void asksForTheUpdateWindowAndTheFiltersWithTheApiV2Parameters() throws Exception {
    try (CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      SyncOptions o =
          options(standIn.baseUrl())
              .condition("breast cancer")
              .term("HER2")
              .statuses(List.of("recruiting", "NOT_YET_RECRUITING"))
              .build();
      CtgovClient client = new CtgovClient(o, (u, f, m, p, w) -> {});

      client.fetch(client.pageUri(LocalDate.of(2024, 5, 1), null));

      assertThat(standIn.requests().get(0).params())
          .containsEntry("format", "json")
          .containsEntry("pageSize", "10")
          .containsEntry("countTotal", "true")
          .containsEntry("query.cond", "breast cancer")
          .containsEntry("query.term", "(HER2) AND AREA[LastUpdatePostDate]RANGE[2024-05-01,MAX]")
          .containsEntry("filter.overallStatus", "NOT_YET_RECRUITING,RECRUITING")
          .doesNotContainKey("pageToken");
    }
  }

  @Test
  void theStatusFilterOnlyBringsStudiesWithThatStatus() throws Exception {
    try (CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      SyncOptions o =
          options(standIn.baseUrl()).pageSize(1000).statuses(List.of("RECRUITING")).build();
      CtgovClient client = new CtgovClient(o, (u, f, m, p, w) -> {});

      CtgovClient.Page page = client.fetch(client.pageUri(null, null));

      long recruiting =
          standIn.studies().stream()
              .filter(
                  s ->
                      s.path("protocolSection")
                          .path("statusModule")
                          .path("overallStatus")
                          .asText()
                          .equals("RECRUITING"))
              .count();
      assertThat(recruiting).isPositive().isLessThan(40);
      assertThat(page.trials()).hasSize((int) recruiting);
      assertThat(page.totalCount()).isEqualTo(recruiting);
      assertThat(page.nextPageToken()).isNull();
    }
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    try (CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      standIn.failRequest(1, Fault.BAD_REQUEST);
      CtgovClient client =
          new CtgovClient(options(standIn.baseUrl()).build(), (u, f, m, p, w) -> {});

      assertThatThrownBy(() -> client.fetch(client.pageUri(null, null)))
          .isInstanceOf(SyncException.class)
          .hasMessageContaining("HTTP 400")
          .hasMessageContaining("invalid query")
          .hasMessageContaining("not retried");
      assertThat(standIn.requests()).hasSize(1);
    }
  }

  @Test
  void givesUpWithTheLastErrorAfterTheConfiguredAttempts() throws Exception {
    try (CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      standIn.failAfter(0, Fault.TRUNCATED_BODY);
      CtgovClient client =
          new CtgovClient(options(standIn.baseUrl()).build(), (u, f, m, p, w) -> {});

      assertThatThrownBy(() -> client.fetch(client.pageUri(null, null)))
          .isInstanceOf(SyncException.class)
          .hasMessageContaining("failed after 3 attempts")
          .hasMessageContaining("JSON ends too early");
      assertThat(standIn.requests()).hasSize(3);
      assertThat(client.retries()).isEqualTo(2);
    }
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    URI nobody;
    try (CtgovStandIn standIn = CtgovStandIn.start(List.of())) {
      nobody = standIn.baseUrl(); // closed below: nothing listens there any more
    }
    CtgovClient client = new CtgovClient(options(nobody).build(), (u, f, m, p, w) -> {});

    assertThatThrownBy(() -> client.fetch(client.pageUri(null, null)))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("failed after 3 attempts")
        .hasMessageContaining("ConnectException: cannot connect to 127.0.0.1:");
  }
}
