package org.fhirtrials.cds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** CDS Hooks 2.0 response types (only the fields this service fills). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(
    String uuid,
    String summary,
    String detail,
    String indicator,
    Source source,
    List<Suggestion> suggestions,
    String selectionBehavior,
    List<Link> links) {

  /** The card's source: who recommends it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(String label, String url) {}

  /** A link: {@code type} absolute (a web page) or smart (a SMART app launch). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Link(String label, String url, String type, String appContext) {}

  /** A suggestion with its actions. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suggestion(
      String label, String uuid, Boolean isRecommended, List<Action> actions) {}

  /** One action: here always {@code create} with a FHIR resource. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Action(String type, String description, JsonNode resource) {}

  /** The response body {@code {"cards": [...]}}. */
  public record Response(List<Card> cards) {}

  /** The discovery body {@code {"services": [...]}}. */
  public record Discovery(List<Service> services) {}

  /** One service in the discovery document. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Service(
      String hook, String title, String description, String id, Map<String, String> prefetch) {}
}
