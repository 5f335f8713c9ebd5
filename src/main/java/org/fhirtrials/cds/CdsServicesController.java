package org.fhirtrials.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.store.postgres.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * CDS Hooks 2.0 endpoints (DESIGN D7): discovery, the trial-matching service and its feedback.
 * Bodies are read as raw strings so malformed JSON gets a clear 400 of our own; every error is a
 * JSON {@code {"error", "message"}} without internals.
 */
@RestController
public class CdsServicesController {
  private static final Logger log = LoggerFactory.getLogger(CdsServicesController.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrialMatchingHook hook;
  private final FeedbackStore feedback;
  private final IssuedCards issued;
  private final CdsProperties properties;
  private final Clock clock;

  CdsServicesController(
      TrialMatchingHook hook,
      FeedbackStore feedback,
      IssuedCards issued,
      CdsProperties properties,
      ObjectProvider<Clock> clock) {
    this.hook = hook;
    this.feedback = feedback;
    this.issued = issued;
    this.properties = properties;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
  public Card.Discovery discovery() {
    return new Card.Discovery(List.of(TrialMatchingHook.definition()));
  }

  @PostMapping(path = "/cds-services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Card.Response call(@PathVariable String id, @RequestBody(required = false) String body) {
    requireService(id);
    HookRequest request = HookRequest.parse(json(body));
    return hook.call(request, baseUrl());
  }

  @PostMapping(path = "/cds-services/{id}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> feedback(
      @PathVariable String id, @RequestBody(required = false) String body) {
    requireService(id);
    List<FeedbackEntry> entries = FeedbackRequest.parse(json(body), issued, clock.instant());
    feedback.append(entries);
    return Map.of("stored", entries.size());
  }

  @GetMapping(path = "/cds-services/{id}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> feedbackExport(@PathVariable String id) {
    requireService(id);
    return Map.of("feedback", feedback.all());
  }

  private static void requireService(String id) {
    if (!TrialMatchingHook.ID.equals(id)) {
      throw new CdsException(CdsException.NOT_FOUND, "no CDS service '" + id + "'");
    }
  }

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      throw CdsException.badRequest("the request body is empty; a JSON object is required");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw CdsException.badRequest(
          "the request body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  private String baseUrl() {
    String base =
        properties.publicBaseUrl() != null
            ? properties.publicBaseUrl().toString()
            : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  @ExceptionHandler(CdsException.class)
  ResponseEntity<Map<String, String>> cdsError(CdsException e) {
    log.info("CDS call answered {}: {}", e.status(), e.getMessage());
    return error(HttpStatus.valueOf(e.status()), e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "the request body cannot be read");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the request as application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
  }

  @ExceptionHandler(StoreException.class)
  ResponseEntity<Map<String, String>> storeDown(StoreException e) {
    log.error("CDS store failed", e);
    return error(HttpStatus.SERVICE_UNAVAILABLE, "the feedback store is unavailable; retry later");
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Map<String, String>> unexpected(RuntimeException e) {
    log.error("CDS service failed", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the server log");
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
