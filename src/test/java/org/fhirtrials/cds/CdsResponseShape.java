package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/** Checks a body against the CDS Hooks 2.0 response shape (required fields, types, enums). */
final class CdsResponseShape {
  private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
  private static final Set<String> LINK_TYPES = Set.of("absolute", "smart");
  private static final Set<String> ACTION_TYPES = Set.of("create", "update", "delete");

  private CdsResponseShape() {}

  static void assertValid(JsonNode response) {
    assertThat(response.isObject()).as("response is an object").isTrue();
    JsonNode cards = response.get("cards");
    assertThat(cards).as("cards").isNotNull();
    assertThat(cards.isArray()).as("cards is an array").isTrue();
    for (JsonNode card : cards) {
      assertCard(card);
    }
  }

  static void assertCard(JsonNode card) {
    String summary = requiredText(card, "summary");
    assertThat(summary.length()).as("summary length").isLessThan(140);
    assertThat(INDICATORS).as("indicator").contains(requiredText(card, "indicator"));
    JsonNode source = card.get("source");
    assertThat(source != null && source.isObject()).as("source object").isTrue();
    requiredText(source, "label");
    if (source.has("url")) {
      assertAbsolute(source.get("url").asText());
    }
    if (card.has("uuid")) {
      assertThat(card.get("uuid").isTextual()).isTrue();
    }
    if (card.has("detail")) {
      assertThat(card.get("detail").isTextual()).as("detail is a string").isTrue();
    }
    if (card.has("links")) {
      for (JsonNode link : card.get("links")) {
        requiredText(link, "label");
        String type = requiredText(link, "type");
        assertThat(LINK_TYPES).as("link type").contains(type);
        assertAbsolute(requiredText(link, "url"));
        if (link.has("appContext")) {
          assertThat(link.get("appContext").isTextual()).as("appContext is a string").isTrue();
        }
      }
    }
    if (card.has("suggestions")) {
      for (JsonNode s : card.get("suggestions")) {
        requiredText(s, "label");
        for (JsonNode a : s.path("actions")) {
          assertThat(ACTION_TYPES).contains(requiredText(a, "type"));
          requiredText(a, "description");
        }
      }
    }
  }

  private static void assertAbsolute(String url) {
    URI u = URI.create(url);
    assertThat(u.isAbsolute()).as("absolute URL " + url).isTrue();
    assertThat(u.getScheme()).isIn("http", "https");
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    assertThat(v).as(field + " is required").isNotNull();
    assertThat(v.isTextual()).as(field + " is a string").isTrue();
    return v.asText();
  }
}
