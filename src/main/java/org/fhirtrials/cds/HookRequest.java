package org.fhirtrials.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A validated CDS Hooks 2.0 {@code patient-view} request.
 *
 * @param hookInstance the hook call's UUID
 * @param userId {@code context.userId}, e.g. {@code Practitioner/123}
 * @param patientId {@code context.patientId} (a FHIR id)
 * @param encounterId {@code context.encounterId}, or null
 * @param fhirServer base URL of the CDS client's FHIR server, or null
 * @param accessToken {@code fhirAuthorization.access_token}, or null
 * @param prefetch the prefetch object's members as sent (a JSON null stays a NullNode)
 */
public record HookRequest(
    UUID hookInstance,
    String userId,
    String patientId,
    String encounterId,
    URI fhirServer,
    String accessToken,
    Map<String, JsonNode> prefetch) {

  static final String PATIENT_VIEW = "patient-view";

  /** A FHIR id (R4 {@code id} datatype). */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /**
   * CDS Hooks userId for patient-view: Practitioner, PractitionerRole, Patient or RelatedPerson.
   */
  private static final Pattern USER_ID =
      Pattern.compile(
          "(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\\-.]{1,64}");

  /** Reads and validates a request body; every problem is a 400 naming the field. */
  static HookRequest parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw CdsException.badRequest("the request body must be a JSON object");
    }
    String hook = text(body, "hook", true);
    if (!PATIENT_VIEW.equals(hook)) {
      throw CdsException.badRequest(
          "hook must be '" + PATIENT_VIEW + "' for this service, was '" + hook + "'");
    }
    UUID hookInstance = uuid(text(body, "hookInstance", true));
    JsonNode context = body.get("context");
    if (context == null || !context.isObject()) {
      throw CdsException.badRequest("context is required and must be an object");
    }
    String userId = text(context, "userId", true);
    if (!USER_ID.matcher(userId).matches()) {
      throw CdsException.badRequest(
          "context.userId must be a relative reference such as Practitioner/123, was '"
              + userId
              + "'");
    }
    String patientId = text(context, "patientId", true);
    if (!FHIR_ID.matcher(patientId).matches()) {
      throw CdsException.badRequest("context.patientId is not a FHIR id: '" + patientId + "'");
    }
    String encounterId = text(context, "encounterId", false);
    URI fhirServer = fhirServer(text(body, "fhirServer", false));
    String accessToken = null;
    JsonNode auth = body.get("fhirAuthorization");
    if (auth != null && !auth.isNull()) {
      if (!auth.isObject()) {
        throw CdsException.badRequest("fhirAuthorization must be an object");
      }
      accessToken = text(auth, "access_token", true);
      if (fhirServer == null) {
        throw CdsException.badRequest("fhirAuthorization is given without fhirServer");
      }
    }
    Map<String, JsonNode> prefetch = new LinkedHashMap<>();
    JsonNode p = body.get("prefetch");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw CdsException.badRequest("prefetch must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        prefetch.put(e.getKey(), e.getValue());
      }
    }
    return new HookRequest(
        hookInstance, userId, patientId, encounterId, fhirServer, accessToken, prefetch);
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw CdsException.badRequest(field + " is required");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw CdsException.badRequest(field + " must be a non-empty string");
    }
    return v.asText();
  }

  private static UUID uuid(String s) {
    try {
      UUID u = UUID.fromString(s);
      if (u.toString().equalsIgnoreCase(s)) {
        return u;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw CdsException.badRequest("hookInstance must be a UUID, was '" + s + "'");
  }

  private static URI fhirServer(String s) {
    if (s == null) {
      return null;
    }
    try {
      URI u = new URI(s);
      if (("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
          && u.getHost() != null
          && u.getRawUserInfo() == null
          && u.getRawQuery() == null
          && u.getRawFragment() == null) {
        return u;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw CdsException.badRequest(
        "fhirServer must be an absolute http(s) base URL without user info, query or fragment, was"
            + " '"
            + s
            + "'");
  }
}
