package org.fhirtrials.cds;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Gathers the R4 resources the evaluation needs, per prefetch key: from {@code prefetch} when the
 * client sent the key, else from {@code fhirServer}.
 *
 * <ul>
 *   <li>A key sent as JSON {@code null} means "the client has no data" (CDS Hooks 2.0): refetched
 *       when a fhirServer is given, else taken as empty — except the Patient, which is required.
 *   <li>A prefetched OperationOutcome (the client's prefetch failed) counts as not sent.
 *   <li>Fetching only from a {@code fhirServer} on the allow-list ({@link FhirServerAllowList});
 *       another one is a 412 before any connection is made.
 *   <li>A key neither sent nor fetchable is a 412: without conditions or medications an exclusion
 *       would wrongly look "not met", so every key is required, not only the Patient.
 * </ul>
 */
final class PatientDataLoader {
  private final FhirServerFetcher fetcher;
  private final FhirServerAllowList allowList;

  PatientDataLoader(FhirServerFetcher fetcher, FhirServerAllowList allowList) {
    this.fetcher = fetcher;
    this.allowList = allowList;
  }

  /** The patient's resources (exactly one Patient, whose id is {@code context.patientId}). */
  List<Resource> load(HookRequest request) {
    IParser parser = fetcher.context().newJsonParser();
    List<Resource> out = new ArrayList<>();
    for (Map.Entry<String, String> t : PrefetchTemplates.all().entrySet()) {
      String key = t.getKey();
      JsonNode sent = request.prefetch().get(key);
      List<Resource> resources = sent == null ? null : parse(parser, key, sent);
      boolean isNull = sent != null && sent.isNull();
      if (resources == null || (isNull && request.fhirServer() != null)) {
        if (request.fhirServer() == null) {
          if (isNull && !key.equals(PrefetchTemplates.PATIENT)) {
            continue; // the client says it has no such data
          }
          throw CdsException.preconditionFailed(
              "prefetch '"
                  + key
                  + "' ("
                  + t.getValue()
                  + ") was not "
                  + (isNull ? "available" : "sent")
                  + " and the request has no fhirServer to fetch it from");
        }
        allowList.check(request.fhirServer()); // before the token goes anywhere
        String url = PrefetchTemplates.resolve(t.getValue(), request.patientId());
        resources = fetcher.fetch(request.fhirServer(), request.accessToken(), key, url);
      }
      out.addAll(resources);
    }
    requireThePatient(out, request.patientId());
    return out;
  }

  /** The resources of a prefetched value; null when it must be fetched (null, OperationOutcome). */
  private static List<Resource> parse(IParser parser, String key, JsonNode sent) {
    if (sent.isNull()) {
      return null;
    }
    if (!sent.isObject()) {
      throw CdsException.badRequest("prefetch '" + key + "' must be a FHIR resource or null");
    }
    IBaseResource parsed;
    try {
      parsed = parser.parseResource(sent.toString());
    } catch (DataFormatException | ClassCastException e) {
      throw CdsException.badRequest(
          "prefetch '" + key + "' is not a FHIR R4 resource: " + firstLine(e.getMessage()));
    }
    if (parsed instanceof OperationOutcome) {
      return null;
    }
    if (parsed instanceof Bundle bundle) {
      List<Resource> rs = new ArrayList<>();
      for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
        if (e.hasResource() && !(e.getResource() instanceof OperationOutcome)) {
          rs.add(e.getResource());
        }
      }
      return rs;
    }
    return List.of((Resource) parsed);
  }

  private static void requireThePatient(List<Resource> resources, String patientId) {
    List<Patient> patients =
        resources.stream().filter(Patient.class::isInstance).map(Patient.class::cast).toList();
    if (patients.isEmpty()) {
      throw CdsException.preconditionFailed("no Patient resource for Patient/" + patientId);
    }
    for (Patient p : patients) {
      if (p.hasIdElement() && !patientId.equals(p.getIdElement().getIdPart())) {
        throw CdsException.badRequest(
            "prefetch Patient/"
                + p.getIdElement().getIdPart()
                + " is not context.patientId "
                + patientId);
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
