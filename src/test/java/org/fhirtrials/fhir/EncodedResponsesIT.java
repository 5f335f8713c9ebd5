package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Reads and search pages served from the cached JSON ({@link EncodedResponses}) are exactly what
 * HAPI encodes itself: the same body and headers as the same request with {@code _pretty=false},
 * which HAPI always encodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EncodedResponsesIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String STUDY = "NCT06310590";

  /** Per request: the Bundle's id and timestamp, and the paging cache's result ids. */
  private static final List<Pattern> PER_REQUEST =
      List.of(
          Pattern.compile("\\{\"resourceType\":\"Bundle\",\"id\":\"[^\"]+\""),
          Pattern.compile("(\"meta\":\\{\"lastUpdated\":\")[^\"]+\""),
          Pattern.compile("_getpages=[0-9a-f-]+"));

  @LocalServerPort int port;
  @Autowired List<ServletRegistrationBean<RestfulServer>> servers;

  /** Responses the cached path answered, on both bases. */
  private long served() {
    return servers.stream()
        .flatMap(
            s -> s.getServlet().getInterceptorService().getAllRegisteredInterceptors().stream())
        .filter(EncodedResponses.class::isInstance)
        .mapToLong(i -> ((EncodedResponses) i).served())
        .sum();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void readsOfEveryTypeEqualHapisOwnEncoding(String base) throws Exception {
    String group =
        base.equals("r4") ? "Group/" + STUDY + "-eligibility" : "Group/" + STUDY + "-eligibility";
    for (String path :
        List.of(
            "ResearchStudy/" + STUDY,
            "Group/" + STUDY + "-eligibility",
            "PlanDefinition/" + STUDY)) {
      assertSameAsHapi(base, path, Map.of());
    }
    // every other served type, reached through the study's references
    for (String path :
        List.of(
            "ResearchStudy?_id=" + STUDY + "&_include=*",
            "Location?_count=3",
            "Organization?_count=3",
            "Practitioner?_count=3",
            "PractitionerRole?_count=3")) {
      Answer bundle = get(base, path, Map.of());
      Matcher ref =
          Pattern.compile("\"fullUrl\":\"[^\"]*/fhir/" + base + "/([A-Za-z]+/[^\"]+)\"")
              .matcher(bundle.body);
      int reads = 0;
      while (ref.find()) {
        assertSameAsHapi(base, ref.group(1), Map.of());
        reads++;
      }
      assertThat(reads).as(path).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void searchPagesIncludesAndPagingEqualHapisOwnEncoding(String base) throws Exception {
    for (String path :
        List.of(
            "ResearchStudy",
            "ResearchStudy?_count=2",
            "ResearchStudy?_id=" + STUDY + "&_include=ResearchStudy:site&_include=*",
            "ResearchStudy?_text=cancer&_sort=-_score",
            "ResearchStudy?_revinclude=*",
            "Location?near=42.36|-71.06|500|km&_sort=near",
            "Group?_count=1",
            "PlanDefinition")) {
      assertSameAsHapi(base, path, Map.of());
    }
    Answer first = get(base, "ResearchStudy?_count=2", Map.of());
    Matcher next =
        Pattern.compile("\"relation\":\"next\",\"url\":\"[^\"]*/fhir/" + base + "\\?([^\"]+)\"")
            .matcher(first.body);
    assertThat(next.find()).as(first.body).isTrue();
    Answer page = get(base, "?" + next.group(1), Map.of());
    Answer hapi = get(base, "?" + next.group(1) + "&_pretty=false", Map.of());
    assertThat(page.status).isEqualTo(200);
    assertSameText("next page", page.body, hapi.body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void gzipAndFormatParametersKeepTheEncodingExact(String base) throws Exception {
    assertSameAsHapi(base, "ResearchStudy/" + STUDY, Map.of("Accept-Encoding", "gzip"));
    assertSameAsHapi(base, "ResearchStudy?_count=3", Map.of("Accept-Encoding", "gzip"));
    assertSameAsHapi(base, "ResearchStudy/" + STUDY + "?_format=json", Map.of());
    assertSameAsHapi(
        base, "ResearchStudy/" + STUDY, Map.of("Accept", "application/fhir+json;q=1.0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void otherEncodingsAreLeftToHapi(String base) throws Exception {
    long before = served();
    Answer xml = get(base, "ResearchStudy/" + STUDY + "?_format=xml", Map.of());
    assertThat(xml.body).startsWith("<ResearchStudy");
    Answer xmlPage = get(base, "ResearchStudy?_id=" + STUDY + "&_format=xml", Map.of());
    assertThat(xmlPage.body).startsWith("<Bundle").contains("NRT6003");
    Answer summaryPage = get(base, "ResearchStudy?_id=" + STUDY + "&_summary=true", Map.of());
    assertThat(summaryPage.body)
        .contains("SUBSETTED", "\"title\"")
        .doesNotContain("\"description\"");
    Answer summary = get(base, "ResearchStudy/" + STUDY + "?_summary=true", Map.of());
    assertThat(summary.body).contains("SUBSETTED").doesNotContain("\"description\"");
    Answer elements = get(base, "ResearchStudy?_elements=title&_count=1", Map.of());
    assertThat(elements.body).contains("\"title\"").doesNotContain("\"identifier\"");
    Answer pretty = get(base, "ResearchStudy/" + STUDY + "?_pretty=true", Map.of());
    assertThat(pretty.body).contains("\n  \"resourceType\"");
    Answer browser = get(base, "ResearchStudy/" + STUDY, Map.of("Accept", "text/html"));
    assertThat(browser.body).containsIgnoringCase("<html").contains("NRT6003");
    Answer html = get(base, "ResearchStudy?_id=" + STUDY + "&_format=html/json", Map.of());
    assertThat(html.body).containsIgnoringCase("<html").contains("NRT6003");
    Answer count = get(base, "ResearchStudy?_count=0", Map.of());
    assertThat(count.body).doesNotContain("\"entry\"");
    Answer notModified = get(base, "ResearchStudy/" + STUDY, Map.of("If-None-Match", "W/\"1\""));
    assertThat(notModified.status).isEqualTo(304);
    assertThat(served()).as("none of these from the cache").isEqualTo(before);
  }

  private void assertSameAsHapi(String base, String path, Map<String, String> headers)
      throws Exception {
    long before = served();
    Answer cached = get(base, path, headers);
    assertThat(served()).as("served from the cache: " + path).isEqualTo(before + 1);
    Answer hapi = get(base, path + (path.contains("?") ? "&" : "?") + "_pretty=false", headers);
    assertThat(served()).as("encoded by HAPI: " + path).isEqualTo(before + 1);
    assertThat(cached.status).as(path).isEqualTo(200);
    assertSameText(path, cached.body, hapi.body);
    for (String header :
        List.of("Content-Type", "ETag", "Content-Location", "Content-Encoding", "X-Powered-By")) {
      assertThat(cached.headers.firstValue(header))
          .as(path + " " + header)
          .isEqualTo(
              hapi.headers
                  .firstValue(header)
                  .map(
                      v ->
                          header.equals("Content-Location") ? v.replace("?_pretty=false", "") : v));
    }
    if (!cached.body.startsWith("{\"resourceType\":\"Bundle\"")) {
      assertThat(cached.headers.firstValue("Last-Modified"))
          .as(path)
          .isEqualTo(hapi.headers.firstValue("Last-Modified"));
    } else {
      assertThat(cached.headers.firstValue("Last-Modified")).as(path).isPresent();
    }
  }

  /** Equal after {@link #normalise}; a failure shows where they first differ. */
  private static void assertSameText(String what, String actual, String expected) {
    String a = normalise(actual);
    String e = normalise(expected);
    int at = 0;
    while (at < Math.min(a.length(), e.length()) && a.charAt(at) == e.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 120);
    assertThat(a.equals(e))
        .as(
            "%s differs at %d:%n cached: ...%s%n hapi:   ...%s",
            what,
            at,
            a.substring(from, Math.min(a.length(), at + 120)),
            e.substring(from, Math.min(e.length(), at + 120)))
        .isTrue();
  }

  private static String normalise(String body) {
    String out =
        body.replace("?_pretty=false&", "?")
            .replace("&_pretty=false", "")
            .replace("?_pretty=false", "");
    for (Pattern p : PER_REQUEST) {
      out =
          p.matcher(out)
              .replaceAll(
                  m ->
                      Matcher.quoteReplacement(
                          m.group().replaceAll("\"[^\"]*\"$|=[0-9a-f-]+$", "\"*\"")));
    }
    return out;
  }

  private record Answer(int status, String body, java.net.http.HttpHeaders headers) {}

  private Answer get(String base, String path, Map<String, String> headers) throws Exception {
    String url =
        "http://localhost:" + port + "/fhir/" + base + (path.startsWith("?") ? "" : "/") + path;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("|", "%7C"))).GET();
    headers.forEach(request::header);
    HttpResponse<byte[]> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    byte[] bytes = response.body();
    if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
      bytes = gunzip(bytes);
    }
    return new Answer(
        response.statusCode(), new String(bytes, StandardCharsets.UTF_8), response.headers());
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
