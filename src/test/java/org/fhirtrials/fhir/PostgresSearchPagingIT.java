package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.FhirTrialsApplication;
import org.fhirtrials.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Paging over HTTP on the PostgreSQL store, where each page is cut in SQL: following the {@code
 * next} links from the first page to the last returns every match once, in order, as many as the
 * total says; {@code _total=none} leaves the total out and still pages. The five seed trials are
 * loaded at start; the database comes from {@code TEST_JDBC_URL} (see {@link TestDatabase}).
 */
class PostgresSearchPagingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();
  private static ConfigurableApplicationContext server;

  /** A second replica over the same database, as behind a load balancer. */
  private static ConfigurableApplicationContext replica;

  @BeforeAll
  static void start() throws Exception {
    server = start(database);
    replica = start(database);
  }

  private static ConfigurableApplicationContext start(TestDatabase.PerClass database) {
    List<String> args = new ArrayList<>(database.storeArgs());
    args.addAll(List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=4"));
    return new SpringApplicationBuilder(FhirTrialsApplication.class)
        .run(args.toArray(String[]::new));
  }

  @AfterAll
  static void stop() throws Exception {
    for (ConfigurableApplicationContext c :
        new ConfigurableApplicationContext[] {server, replica}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static int port(ConfigurableApplicationContext c) {
    return ((WebServerApplicationContext) c).getWebServer().getPort();
  }

  private static String fhir(String path) {
    return "http://localhost:" + port(server) + "/fhir/" + path;
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/fhir+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String link(JsonNode bundle, String relation) {
    for (JsonNode link : bundle.path("link")) {
      if (link.path("relation").asText().equals(relation)) {
        return link.path("url").asText();
      }
    }
    return null;
  }

  /** The match ids of every page, following next links; the first page's bundle in pages[0]. */
  private static List<String> walk(String url, List<JsonNode> pages) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String next = url; next != null; ) {
      JsonNode page = get(next);
      pages.add(page);
      for (JsonNode entry : page.path("entry")) {
        if (entry.path("search").path("mode").asText().equals("match")) {
          ids.add(entry.path("resource").path("id").asText());
        }
      }
      next = link(page, "next");
      assertThat(pages).as("pages of " + url).hasSizeLessThan(200);
    }
    return ids;
  }

  @Test
  void nextLinksReturnEveryMatchOnceInIdOrderAsManyAsTheTotal() throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    List<String> ids = walk(fhir("r4/Location?_count=7"), pages);
    int total = pages.get(0).path("total").asInt();
    assertThat(total).isGreaterThan(14);
    assertThat(pages).hasSize((total + 6) / 7);
    assertThat(ids).hasSize(total).doesNotHaveDuplicates().isSorted();
    // the last link starts the page the next links end on
    assertThat(link(pages.get(0), "last")).contains("_getpagesoffset=" + (total - 1) / 7 * 7);
  }

  @Test
  void pagesFollowADescendingSortAcrossPages() throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    List<String> ids = walk(fhir("r5/ResearchStudy?_sort=-date&_count=2"), pages);
    List<String> all = new ArrayList<>();
    get(fhir("r5/ResearchStudy?_sort=-date&_count=100"))
        .path("entry")
        .forEach(e -> all.add(e.path("resource").path("id").asText()));
    assertThat(all).hasSize(5);
    assertThat(pages).hasSize(3);
    assertThat(ids).isEqualTo(all);
  }

  @Test
  void aNextLinkWorksOnTheOtherReplica() throws Exception {
    JsonNode first = get(fhir("r4/Location?_count=7&_sort=-name"));
    String next = link(first, "next");
    JsonNode here = get(next);
    JsonNode there = get(next.replace(":" + port(server) + "/", ":" + port(replica) + "/"));
    List<String> expected = new ArrayList<>();
    here.path("entry").forEach(e -> expected.add(e.path("resource").path("id").asText()));
    List<String> actual = new ArrayList<>();
    there.path("entry").forEach(e -> actual.add(e.path("resource").path("id").asText()));
    assertThat(expected).hasSize(7);
    assertThat(actual).isEqualTo(expected);
    assertThat(there.path("total").asInt()).isEqualTo(first.path("total").asInt());
  }

  @Test
  void aPagingLinkThisServerNeverMadeIsGone() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(fhir("r4?_getpages=nope.%21%21&_getpagesoffset=7&_count=7")))
                .header("Accept", "application/fhir+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body()).contains("OperationOutcome");
  }

  @Test
  void totalNoneLeavesTheTotalOutAndStillPages() throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    List<String> ids = walk(fhir("r4/Location?_count=7&_total=none"), pages);
    assertThat(pages.get(0).has("total")).isFalse();
    int total = get(fhir("r4/Location?_summary=count")).path("total").asInt();
    assertThat(total).isGreaterThan(14);
    assertThat(ids).hasSize(total).doesNotHaveDuplicates();
  }
}
