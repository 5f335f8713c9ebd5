package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fhirtrials.ingest.CtgovJsonReader;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.sync.CtgovStandIn.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code sync} does against a local stand-in of the ClinicalTrials.gov API, on every store: a
 * store passes by extending this class; each test starts from an empty store and no watermark.
 */
abstract class RegistrySyncContract {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int STUDIES = 120;
  private static final int PAGE_SIZE = 25;
  private static final Instant FIRST_RUN = Instant.parse("2025-12-01T12:00:00Z");

  private TrialStore store;
  private SyncState state;
  private CtgovStandIn standIn;
  private final List<String> retryLines = new ArrayList<>();

  /** An empty store. */
  protected abstract TrialStore emptyStore() throws Exception;

  /** The watermark kept with that store, with no watermark yet. */
  protected abstract SyncState emptyState(TrialStore store) throws Exception;

  @BeforeEach
  void start() throws Exception {
    store = emptyStore();
    state = emptyState(store);
    standIn = CtgovStandIn.start(RecordedStudies.synthetic(STUDIES, 7));
  }

  @AfterEach
  void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void pagesThroughEveryStudyAndTheStoreEqualsTheSource() throws Exception {
    SyncReport report = sync(fast().build(), FIRST_RUN);

    int pages = (STUDIES + PAGE_SIZE - 1) / PAGE_SIZE;
    assertThat(report.pages()).isEqualTo(pages);
    assertThat(report.requests()).isEqualTo(pages);
    assertThat(report.since()).isNull();
    assertThat(report.counts().inserted() + report.rejections().size()).isEqualTo(STUDIES);
    assertThat(report.counts().updated()).isZero();
    assertStoreEqualsSource();

    List<CtgovStandIn.Request> requests = standIn.requests();
    assertThat(requests).allSatisfy(r -> assertThat(r.params()).containsEntry("format", "json"));
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.params()).containsEntry("pageSize", "" + PAGE_SIZE));
    assertThat(requests.get(0).params()).doesNotContainKey("pageToken");
    assertThat(requests.subList(1, requests.size()))
        .allSatisfy(r -> assertThat(r.params()).containsKey("pageToken"));
    assertThat(state.watermark(fast().build().stateKey())).contains(FIRST_RUN);
  }

  @Test
  void spacesRequestsAtTheConfiguredRate() throws Exception {
    long intervalMillis = 120;
    SyncOptions options = fast().requestsPerMinute(60_000.0 / intervalMillis).build();
    SendTimes http =
        new SendTimes(HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build());

    sync(
        new CtgovClient(options, http, (uri, failed, max, problem, wait) -> {}),
        options,
        FIRST_RUN);

    List<Long> sends = http.nanos();
    assertThat(sends).hasSize(5);
    assertThat(standIn.requests()).hasSize(5);
    // measured where the limiter releases each request (not on arrival at the stand-in, which adds
    // the loopback's and the server's scheduling delays); a sleep may still end late
    for (int i = 1; i < sends.size(); i++) {
      long gapMillis = (sends.get(i) - sends.get(i - 1)) / 1_000_000;
      assertThat(gapMillis)
          .as("gap before request %d", i + 1)
          .isGreaterThanOrEqualTo(intervalMillis / 2);
    }
    long spanMillis = (sends.get(sends.size() - 1) - sends.get(0)) / 1_000_000;
    assertThat(spanMillis).isGreaterThanOrEqualTo((sends.size() - 1) * intervalMillis - 50);
  }

  @Test
  void recoversFromRateLimitingOutagesDroppedConnectionsAndTimeouts() throws Exception {
    standIn.stallFor(Duration.ofSeconds(5));
    standIn.failRequest(2, Fault.TOO_MANY_REQUESTS); // page 2, first try
    standIn.failRequest(4, Fault.UNAVAILABLE); // page 3
    standIn.failRequest(6, Fault.DROP_MID_BODY); // page 4
    standIn.failRequest(8, Fault.TRUNCATED_BODY); // page 5
    standIn.failRequest(9, Fault.STALL); // page 5 again
    SyncOptions options =
        fast()
            .backoff(Duration.ofMillis(10), Duration.ofSeconds(5))
            .requestTimeout(Duration.ofMillis(1500))
            .build();

    SyncReport report = sync(options, FIRST_RUN);

    assertThat(report.pages()).isEqualTo(5);
    assertThat(report.retries()).isEqualTo(5);
    assertThat(report.requests()).isEqualTo(10);
    assertThat(retryLines).hasSize(5);
    assertThat(retryLines.get(0)).contains("HTTP 429");
    assertThat(retryLines.get(1)).contains("HTTP 503");
    assertThat(retryLines.get(2)).contains("IOException"); // the connection dropped mid-page
    assertThat(retryLines.get(3)).contains("JSON ends too early");
    assertThat(retryLines.get(4)).contains("timed out");
    List<CtgovStandIn.Request> requests = standIn.requests();
    long afterRateLimit = (requests.get(2).nanos() - requests.get(1).nanos()) / 1_000_000;
    assertThat(afterRateLimit)
        .as("Retry-After is honoured")
        .isGreaterThanOrEqualTo(CtgovStandIn.RETRY_AFTER_SECONDS * 1000L - 20);
    assertThat(report.counts().inserted() + report.rejections().size()).isEqualTo(STUDIES);
    assertStoreEqualsSource();
  }

  @Test
  void aRunThatFailsForGoodKeepsTheWatermarkAndTheNextRunCompletes() throws Exception {
    SyncOptions options = fast().maxAttempts(3).build();
    String key = options.stateKey();
    standIn.failAfter(2, Fault.UNAVAILABLE);

    assertThatThrownBy(() -> sync(options, FIRST_RUN))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("failed after 3 attempts")
        .hasMessageContaining("HTTP 503");
    assertThat(state.watermark(key)).isEmpty();
    assertThat(store.size()).isEqualTo(2 * PAGE_SIZE); // the pages read whole are kept

    standIn.heal();
    SyncReport second = sync(options, FIRST_RUN.plus(Duration.ofHours(1)));
    assertThat(second.since()).isNull();
    assertThat(second.counts().inserted()).isEqualTo(STUDIES - 2 * PAGE_SIZE);
    assertThat(second.counts().unchanged()).isEqualTo(2 * PAGE_SIZE);
    assertStoreEqualsSource();
    assertThat(state.watermark(key)).contains(FIRST_RUN.plus(Duration.ofHours(1)));

    // With a watermark, a failed run leaves it where it was.
    standIn.failAfter(0, Fault.UNAVAILABLE);
    assertThatThrownBy(() -> sync(options, FIRST_RUN.plus(Duration.ofDays(1))))
        .isInstanceOf(SyncException.class);
    assertThat(state.watermark(key)).contains(FIRST_RUN.plus(Duration.ofHours(1)));
  }

  @Test
  void aSecondSyncWithNoChangesLeavesEveryStudyUnchanged() throws Exception {
    SyncOptions options = fast().build();
    Instant first = noonOf(percentileUpdateDate(0.8));
    sync(options, first);
    Map<String, StoredTrial> before = stored();

    SyncReport second = sync(options, first.plus(Duration.ofDays(3)));

    LocalDate since = LocalDate.ofInstant(first, ZoneOffset.UTC).minusDays(1);
    assertThat(second.since()).isEqualTo(since);
    long inWindow =
        standIn.studies().stream()
            .map(CtgovStandIn::lastUpdatePosted)
            .filter(d -> d != null && !d.isBefore(since))
            .count();
    assertThat(inWindow).isBetween(1L, (long) STUDIES - 1);
    assertThat(second.counts().inserted()).isZero();
    assertThat(second.counts().updated()).isZero();
    assertThat(second.counts().unchanged() + second.rejections().size()).isEqualTo(inWindow);
    assertThat(stored()).isEqualTo(before);
    String window = "AREA[LastUpdatePostDate]RANGE[" + since + ",MAX]";
    assertThat(standIn.requests().get(standIn.requests().size() - 1).params())
        .containsEntry("query.term", window);
  }

  @Test
  void anUpdatedStudyGetsANewVersionAndANewStudyIsAdded() throws Exception {
    SyncOptions options = fast().build();
    Instant first = noonOf(percentileUpdateDate(0.8));
    sync(options, first);
    Map<String, StoredTrial> before = stored();
    LocalDate posted = LocalDate.ofInstant(first, ZoneOffset.UTC).plusDays(1);
    JsonNode changed = withUpdate(standIn.studies().get(17), null, "Amended title", posted);
    JsonNode added = withUpdate(standIn.studies().get(3), "NCT99999901", "A new study", posted);
    standIn.put(changed);
    standIn.put(added);

    SyncReport second = sync(options, first.plus(Duration.ofDays(2)));

    assertThat(second.counts().updated()).isEqualTo(1);
    assertThat(second.counts().inserted()).isEqualTo(1);
    Map<String, StoredTrial> after = stored();
    String changedId = CtgovStandIn.nctId(changed);
    assertThat(after.get(changedId).versionId()).isEqualTo(2);
    assertThat(after.get(changedId).trial().briefTitle()).isEqualTo("Amended title");
    assertThat(after.get("NCT99999901").versionId()).isEqualTo(1);
    before.forEach(
        (id, was) -> {
          if (!id.equals(changedId)) {
            assertThat(after.get(id)).as(id).isEqualTo(was);
          }
        });
    assertStoreEqualsSource();
  }

  @Test
  void recordedRegistryStudiesSyncIntoAnEqualStore() throws Exception {
    List<JsonNode> recorded = RecordedStudies.shared();
    standIn.close();
    standIn = CtgovStandIn.start(recorded);

    SyncReport report = sync(fast().pageSize(4).build(), FIRST_RUN);

    assertThat(report.pages()).isEqualTo((recorded.size() + 3) / 4);
    assertThat(report.counts().inserted() + report.rejections().size()).isEqualTo(recorded.size());
    assertStoreEqualsSource();
  }

  // --- helpers ---

  private SyncOptions.Builder fast() {
    return SyncOptions.builder()
        .baseUrl(standIn.baseUrl())
        .pageSize(PAGE_SIZE)
        .requestsPerMinute(60_000)
        .maxAttempts(4)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(10));
  }

  private SyncReport sync(SyncOptions options, Instant now) {
    return sync(
        new CtgovClient(
            options,
            (uri, failed, max, problem, wait) ->
                retryLines.add(failed + "/" + max + " " + problem)),
        options,
        now);
  }

  private SyncReport sync(CtgovClient client, SyncOptions options, Instant now) {
    return new RegistrySync(
            store,
            state,
            client,
            options,
            Clock.fixed(now, ZoneOffset.UTC),
            (pages, counts, rejected, total) -> {})
        .run();
  }

  /** Every source study that maps is stored, equal to the mapping of the source; nothing else. */
  private void assertStoreEqualsSource() throws IOException {
    ObjectNode page = MAPPER.createObjectNode();
    ArrayNode array = page.putArray("studies");
    standIn.studies().forEach(array::add);
    Map<String, Trial> expected = new TreeMap<>();
    List<Rejection> rejected = new ArrayList<>();
    new CtgovJsonReader()
        .readPage(
            new ByteArrayInputStream(MAPPER.writeValueAsBytes(page)),
            fast().build().studiesUrl(),
            t -> expected.put(t.nctId(), t),
            rejected::add);
    assertThat(expected).isNotEmpty();
    Map<String, Trial> actual =
        store.all().stream().collect(Collectors.toMap(StoredTrial::nctId, StoredTrial::trial));
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((id, trial) -> assertThat(actual.get(id)).as(id).isEqualTo(trial));
  }

  private Map<String, StoredTrial> stored() {
    return store.all().stream()
        .collect(
            Collectors.toMap(StoredTrial::nctId, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  private LocalDate percentileUpdateDate(double fraction) {
    List<LocalDate> dates =
        standIn.studies().stream()
            .map(CtgovStandIn::lastUpdatePosted)
            .filter(d -> d != null)
            .sorted(Comparator.naturalOrder())
            .toList();
    return dates.get((int) (dates.size() * fraction));
  }

  private static Instant noonOf(LocalDate date) {
    return date.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  private static JsonNode withUpdate(JsonNode study, String newId, String title, LocalDate posted) {
    ObjectNode copy = study.deepCopy();
    ObjectNode protocol = (ObjectNode) copy.get("protocolSection");
    ObjectNode identification = (ObjectNode) protocol.get("identificationModule");
    if (newId != null) {
      identification.put("nctId", newId);
    }
    identification.put("briefTitle", title);
    ObjectNode status = (ObjectNode) protocol.get("statusModule");
    status
        .putObject("lastUpdatePostDateStruct")
        .put("date", posted.toString())
        .put("type", "ACTUAL");
    return copy;
  }
}
