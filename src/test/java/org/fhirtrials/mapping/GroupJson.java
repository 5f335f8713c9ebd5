package org.fhirtrials.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * An eligibility Group as its JSON (R4 and R5 characteristics have the same JSON shape), for tests
 * that check what a client reads on the wire.
 */
public record GroupJson(JsonNode root) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static GroupJson parse(String json) {
    try {
      return new GroupJson(JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  public List<Characteristic> characteristics() {
    List<Characteristic> out = new ArrayList<>();
    root.path("characteristic").forEach(c -> out.add(new Characteristic(c)));
    return out;
  }

  /** The criterion characteristic (verbatim text) of a criterion. */
  public Characteristic criterion(String id) {
    List<Characteristic> found =
        characteristics().stream()
            .filter(c -> id.equals(c.criterionId()) && !c.isConstraint())
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " criterion characteristics for " + id);
    }
    return found.get(0);
  }

  /** The constraint characteristics of a criterion, in order. */
  public List<Characteristic> constraints(String id) {
    return characteristics().stream()
        .filter(c -> id.equals(c.criterionId()) && c.isConstraint())
        .toList();
  }

  /** The one constraint characteristic of a criterion with this code. */
  public Characteristic constraint(String id, String code) {
    List<Characteristic> found =
        constraints(id).stream().filter(c -> code.equals(c.code())).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " constraints coded " + code + " in " + id);
    }
    return found.get(0);
  }

  /** One characteristic. */
  public record Characteristic(JsonNode node) {
    public Optional<JsonNode> extension(String url) {
      return StreamSupport.stream(node.path("extension").spliterator(), false)
          .filter(e -> url.equals(e.path("url").asText()))
          .findFirst();
    }

    public String criterionId() {
      return extension(FhirUrls.EXT_CRITERION_ID)
          .map(e -> e.path("valueString").asText())
          .orElse(null);
    }

    public boolean isConstraint() {
      return extension(FhirUrls.EXT_CONSTRAINT_SOURCE).isPresent();
    }

    /** The first coding's code, or null. */
    public String code() {
      JsonNode coding = node.path("code").path("coding");
      return coding.isEmpty() ? null : coding.get(0).path("code").asText();
    }

    public String system() {
      return node.path("code").path("coding").path(0).path("system").asText(null);
    }

    public String text() {
      return node.path("code").path("text").asText(null);
    }

    public boolean exclude() {
      return node.path("exclude").asBoolean();
    }

    public JsonNode value(String type) {
      return node.path("value" + type);
    }

    public boolean computable() {
      return extension(FhirUrls.EXT_COMPUTABLE)
          .orElseThrow(() -> new AssertionError("no computable flag on " + node))
          .path("valueBoolean")
          .asBoolean();
    }

    public String reason() {
      return extension(FhirUrls.EXT_NOT_COMPUTABLE_REASON)
          .map(e -> e.path("valueString").asText())
          .orElse(null);
    }

    public String expression() {
      return extension(FhirUrls.EXT_CHARACTERISTIC_EXPRESSION)
          .map(e -> e.path("valueExpression").path("expression").asText())
          .orElse(null);
    }

    public String language() {
      return extension(FhirUrls.EXT_CHARACTERISTIC_EXPRESSION)
          .map(e -> e.path("valueExpression").path("language").asText())
          .orElse(null);
    }

    /** A sub-extension value of a complex extension (as text), or null. */
    public String part(String url, String name, String type) {
      return extension(url)
          .flatMap(
              e ->
                  StreamSupport.stream(e.path("extension").spliterator(), false)
                      .filter(p -> name.equals(p.path("url").asText()))
                      .findFirst())
          .map(p -> p.path("value" + type).toString())
          .orElse(null);
    }

    public String simple(String url, String type) {
      return extension(url).map(e -> e.path("value" + type).asText()).orElse(null);
    }
  }
}
