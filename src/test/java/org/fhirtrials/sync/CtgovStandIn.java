package org.fhirtrials.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local stand-in for the ClinicalTrials.gov API v2 {@code GET /studies}: it serves the studies it
 * holds (ordered by NCT id) as {@code {"totalCount":..,"studies":[...],"nextPageToken":..}} pages,
 * honouring {@code pageSize} (1 to 1000), {@code pageToken}, {@code countTotal}, {@code
 * format=json}, {@code filter.overallStatus} and an {@code AREA[LastUpdatePostDate]RANGE[date,MAX]}
 * in {@code query.term} (other terms are ignored). Failures can be injected by request number or
 * from some request on, and every request is logged with its arrival time.
 */
final class CtgovStandIn implements AutoCloseable {
  static final String BASE_PATH = "/api/v2";
  static final int RETRY_AFTER_SECONDS = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RANGE =
      Pattern.compile("AREA\\[LastUpdatePostDate\\]RANGE\\[(\\d{4}-\\d{2}-\\d{2}),\\s*MAX\\]");

  /** What a request can be made to suffer. */
  enum Fault {
    /** 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** 503. */
    UNAVAILABLE,
    /** 200 with the full Content-Length, then the connection is closed half-way through. */
    DROP_MID_BODY,
    /** A complete HTTP response whose JSON body is cut in half. */
    TRUNCATED_BODY,
    /** No answer for {@link #stall} (longer than the client's timeout). */
    STALL,
    /** 400, which is not retried. */
    BAD_REQUEST
  }

  /** One request as it arrived. */
  record Request(long nanos, Map<String, String> params, Fault fault) {}

  private final TreeMap<String, JsonNode> studies = new TreeMap<>();
  private final Map<Integer, Fault> faultsByRequest = new HashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private Fault persistentFault;
  private int persistentFrom = Integer.MAX_VALUE;
  private volatile Duration stall = Duration.ofSeconds(3);

  private CtgovStandIn(Collection<JsonNode> source) throws IOException {
    source.forEach(this::put);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(BASE_PATH + "/studies", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  static CtgovStandIn start(Collection<JsonNode> studies) throws IOException {
    return new CtgovStandIn(studies);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
  }

  /** Adds or replaces a study (by NCT id). */
  synchronized void put(JsonNode study) {
    studies.put(nctId(study), study.deepCopy());
  }

  /** The studies served, ordered by NCT id. */
  synchronized List<JsonNode> studies() {
    return List.copyOf(studies.values());
  }

  /** The {@code n}th request from now on (1 = the next) gets the fault. */
  synchronized void failRequest(int n, Fault fault) {
    faultsByRequest.put(requests.size() + n, fault);
  }

  /** Every request after the next {@code okRequests} gets the fault, until {@link #heal}. */
  synchronized void failAfter(int okRequests, Fault fault) {
    persistentFrom = requests.size() + okRequests + 1;
    persistentFault = fault;
  }

  synchronized void heal() {
    faultsByRequest.clear();
    persistentFault = null;
    persistentFrom = Integer.MAX_VALUE;
  }

  void stallFor(Duration d) {
    stall = d;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long now = System.nanoTime();
      Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
      Fault fault;
      byte[] body;
      synchronized (this) {
        int number = requests.size() + 1;
        fault = faultsByRequest.remove(number);
        if (fault == null && number >= persistentFrom) {
          fault = persistentFault;
        }
        requests.add(new Request(now, params, fault));
        boolean servesPage =
            fault == null
                || fault == Fault.DROP_MID_BODY
                || fault == Fault.TRUNCATED_BODY
                || fault == Fault.STALL;
        body = servesPage ? page(params) : null;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "method not allowed");
        return;
      }
      if (fault == null) {
        if (body == null) {
          send(exchange, 400, "bad request: " + params);
        } else {
          send(exchange, 200, body);
        }
        return;
      }
      switch (fault) {
        case TOO_MANY_REQUESTS -> {
          exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
          send(exchange, 429, "Too Many Requests");
        }
        case UNAVAILABLE -> send(exchange, 503, "<html>Service Unavailable</html>");
        case BAD_REQUEST -> send(exchange, 400, "{\"message\":\"invalid query\"}");
        case DROP_MID_BODY -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          OutputStream out = exchange.getResponseBody();
          out.write(body, 0, body.length / 2);
          out.flush();
          // Closing short of the Content-Length drops the connection.
        }
        case TRUNCATED_BODY -> send(exchange, 200, Arrays.copyOf(body, body.length / 2));
        case STALL -> {
          try {
            Thread.sleep(stall.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          send(exchange, 200, body);
        }
      }
    } catch (IOException e) {
      // the client went away (a timeout) or the connection was dropped on purpose
    }
  }

  /** The page a request asks for; null when the request is invalid (400). */
  private byte[] page(Map<String, String> params) throws IOException {
    if (params.containsKey("format") && !params.get("format").equals("json")) {
      return null;
    }
    int pageSize;
    int offset;
    try {
      pageSize = Integer.parseInt(params.getOrDefault("pageSize", "10"));
      String token = params.get("pageToken");
      offset =
          token == null
              ? 0
              : Integer.parseInt(
                  new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                      .substring("offset:".length()));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return null;
    }
    if (pageSize < 1 || pageSize > 1000 || offset < 0) {
      return null;
    }
    List<JsonNode> matching = select(params);
    ObjectNode page = MAPPER.createObjectNode();
    if ("true".equals(params.get("countTotal"))) {
      page.put("totalCount", matching.size());
    }
    ArrayNode array = page.putArray("studies");
    int end = Math.min(matching.size(), offset + pageSize);
    for (int i = offset; i < end; i++) {
      array.add(matching.get(i));
    }
    if (end < matching.size()) {
      page.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
    }
    return MAPPER.writeValueAsBytes(page);
  }

  private List<JsonNode> select(Map<String, String> params) {
    LocalDate since = null;
    String term = params.get("query.term");
    if (term != null) {
      Matcher m = RANGE.matcher(term);
      if (m.find()) {
        since = LocalDate.parse(m.group(1));
      }
    }
    Set<String> statuses =
        params.containsKey("filter.overallStatus")
            ? Arrays.stream(params.get("filter.overallStatus").split("[,|]"))
                .collect(Collectors.toSet())
            : null;
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode study : studies.values()) {
      JsonNode status = study.path("protocolSection").path("statusModule");
      if (statuses != null && !statuses.contains(status.path("overallStatus").asText())) {
        continue;
      }
      if (since != null) {
        String date = status.path("lastUpdatePostDateStruct").path("date").asText("");
        if (date.length() != 10 || LocalDate.parse(date).isBefore(since)) {
          continue;
        }
      }
      out.add(study);
    }
    return out;
  }

  static String nctId(JsonNode study) {
    return study.path("protocolSection").path("identificationModule").path("nctId").asText();
  }

  static LocalDate lastUpdatePosted(JsonNode study) {
    String date =
        study
            .path("protocolSection")
            .path("statusModule")
            .path("lastUpdatePostDateStruct")
            .path("date")
            .asText("");
    return date.length() == 10 ? LocalDate.parse(date) : null;
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange
        .getResponseHeaders()
        .set("Content-Type", status == 200 ? "application/json" : "text/plain");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }
}
