package org.fhirtrials.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Validates a CDS Hooks 2.0 feedback body against the cards this service issued. */
final class FeedbackRequest {
  static final String ACCEPTED = "accepted";
  static final String OVERRIDDEN = "overridden";

  private FeedbackRequest() {}

  static List<FeedbackEntry> parse(JsonNode body, IssuedCards issued, Instant now) {
    if (body == null || !body.isObject()) {
      throw CdsException.badRequest("the feedback body must be a JSON object");
    }
    JsonNode items = body.get("feedback");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw CdsException.badRequest("feedback must be a non-empty array");
    }
    List<FeedbackEntry> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(entry(items.get(i), "feedback[" + i + "]", issued, now));
    }
    return out;
  }

  private static FeedbackEntry entry(JsonNode f, String at, IssuedCards issued, Instant now) {
    if (!f.isObject()) {
      throw CdsException.badRequest(at + " must be an object");
    }
    String card = text(f, "card", at);
    String trialId = issued.trialOf(card);
    if (trialId == null) {
      throw CdsException.badRequest(at + ".card " + card + " is not a card this service issued");
    }
    String outcome = text(f, "outcome", at);
    if (!ACCEPTED.equals(outcome) && !OVERRIDDEN.equals(outcome)) {
      throw CdsException.badRequest(
          at + ".outcome must be 'accepted' or 'overridden', was '" + outcome + "'");
    }
    JsonNode accepted = f.get("acceptedSuggestions");
    if (ACCEPTED.equals(outcome) && (accepted == null || !accepted.isArray())) {
      throw CdsException.badRequest(at + ".acceptedSuggestions is required for 'accepted'");
    }
    JsonNode reason = f.get("overrideReason");
    if (reason != null && !reason.isNull() && !reason.isObject()) {
      throw CdsException.badRequest(at + ".overrideReason must be an object");
    }
    Instant when;
    String ts = text(f, "outcomeTimestamp", at);
    try {
      when = OffsetDateTime.parse(ts).toInstant();
    } catch (DateTimeParseException e) {
      throw CdsException.badRequest(
          at + ".outcomeTimestamp must be an RFC 3339 date-time, was '" + ts + "'");
    }
    return new FeedbackEntry(
        card,
        trialId,
        outcome,
        accepted,
        reason == null || reason.isNull() ? null : reason,
        when,
        now);
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw CdsException.badRequest(at + "." + field + " is required (a string)");
    }
    return v.asText();
  }
}
