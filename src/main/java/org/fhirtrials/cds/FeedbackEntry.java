package org.fhirtrials.cds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored feedback item (CDS Hooks 2.0 Feedback), with what we know about the card.
 *
 * @param card the card uuid
 * @param trialId the trial the card was about
 * @param outcome {@code accepted} or {@code overridden}
 * @param acceptedSuggestions as sent (array of {id}), or null
 * @param overrideReason as sent ({reason: Coding, userComment}), or null
 * @param outcomeTimestamp when the user acted
 * @param receivedAt when we stored it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackEntry(
    String card,
    String trialId,
    String outcome,
    JsonNode acceptedSuggestions,
    JsonNode overrideReason,
    Instant outcomeTimestamp,
    Instant receivedAt) {}
