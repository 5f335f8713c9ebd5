package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every store of issued cards and feedback guarantees, run against the memory/file pair and
 * PostgreSQL alike (subclasses). Each test starts from empty stores.
 */
abstract class CdsStoreContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

  /** Empty issued-cards store. */
  protected abstract IssuedCards issuedCards() throws Exception;

  /** Empty feedback store. */
  protected abstract FeedbackStore feedbackStore() throws Exception;

  /** A new feedback store over what {@link #feedbackStore()} stored (a restart, or a replica). */
  protected abstract FeedbackStore reopenedFeedbackStore() throws Exception;

  static FeedbackEntry accepted(String card, String trial, Instant at) throws Exception {
    return new FeedbackEntry(
        card,
        trial,
        "accepted",
        JSON.readTree("[{\"id\":\"" + UUID.randomUUID() + "\"}]"),
        null,
        at,
        at.plusSeconds(1));
  }

  static FeedbackEntry overridden(String card, String trial, Instant at) throws Exception {
    return new FeedbackEntry(
        card,
        trial,
        "overridden",
        null,
        JSON.readTree(
            "{\"reason\":{\"code\":\"not-now\",\"system\":\"http://example.org/r\"},"
                + "\"userComment\":\"pt declined – “later”\"}"),
        at,
        at.plusSeconds(2));
  }

  @Test
  void anIssuedCardIsKnownWithItsTrial() throws Exception {
    IssuedCards issued = issuedCards();
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    Map<String, String> cards = new LinkedHashMap<>();
    cards.put(a, "NCT00000001");
    cards.put(b, "NCT00000002");
    issued.rememberAll(cards);
    assertThat(issued.trialOf(a)).isEqualTo("NCT00000001");
    assertThat(issued.trialOf(b)).isEqualTo("NCT00000002");
  }

  @Test
  void aCardNeverIssuedIsUnknown() throws Exception {
    IssuedCards issued = issuedCards();
    issued.rememberAll(Map.of(UUID.randomUUID().toString(), "NCT00000001"));
    assertThat(issued.trialOf(UUID.randomUUID().toString())).isNull();
    assertThat(issued.trialOf("not-a-uuid ' OR 1=1 --")).isNull();
  }

  @Test
  void anEmptyStoreHasNoFeedback() throws Exception {
    assertThat(feedbackStore().all()).isEmpty();
  }

  @Test
  void feedbackComesBackOldestFirstWithEveryField() throws Exception {
    FeedbackStore store = feedbackStore();
    FeedbackEntry first = accepted("c1", "NCT00000001", NOW);
    FeedbackEntry second = overridden("c2", "NCT00000002", NOW.plusSeconds(60));
    FeedbackEntry third = overridden("c1", "NCT00000001", NOW.plusSeconds(120));
    store.append(List.of(first, second));
    store.append(List.of(third));
    List<FeedbackEntry> all = store.all();
    assertThat(all).containsExactly(first, second, third);
    JsonNode comment = all.get(1).overrideReason().get("userComment");
    assertThat(comment.asText()).isEqualTo("pt declined – “later”");
  }

  @Test
  void storedFeedbackSurvivesReopening() throws Exception {
    FeedbackEntry entry = accepted("c1", "NCT00000001", NOW);
    feedbackStore().append(List.of(entry));
    assertThat(reopenedFeedbackStore().all()).containsExactly(entry);
  }
}
