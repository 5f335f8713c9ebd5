package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.NotModifiedException;
import ca.uhn.fhir.util.DateUtils;
import java.util.Date;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Read of one served resource type on one base: one class for all seven types and both versions.
 * The answer carries {@code meta.versionId}, so HAPI adds {@code ETag}/{@code Last-Modified} and
 * answers 304 to a matching {@code If-None-Match}; {@code If-Modified-Since} is compared here at
 * the one-second precision of HTTP dates (so the {@code Last-Modified} just sent gives a 304).
 */
public class ReadProvider implements IResourceProvider {
  /** FHIR id syntax (FHIR datatypes, {@code id}). */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final Class<? extends IBaseResource> type;
  private final String typeName;
  protected final TrialResources resources;

  public ReadProvider(Class<? extends IBaseResource> type, TrialResources resources) {
    this.type = type;
    this.typeName = resources.context().getResourceType(type);
    this.resources = resources;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return type;
  }

  @Read
  public IBaseResource read(@IdParam IIdType id, RequestDetails request) {
    // a response served from cached JSON needs no copy of the resource, only its id and meta
    IBaseResource resource =
        EncodedResponses.plain(request)
            ? read(id, resources::readStandIn)
            : read(id, resources::read);
    if (request != null && notModifiedSince(resource, request)) {
      throw new NotModifiedException(
          "Not modified since " + request.getHeader("If-Modified-Since"));
    }
    return resource;
  }

  /** The stored resource {@code id} of this type, or a 400/404 OperationOutcome. */
  public IBaseResource read(IIdType id) {
    return read(id, resources::read);
  }

  private IBaseResource read(
      IIdType id, BiFunction<String, String, Optional<IBaseResource>> reader) {
    String idPart = id.getIdPart();
    if (idPart == null || !FHIR_ID.matcher(idPart).matches()) {
      throw FhirErrors.badRequest(
          resources.context(),
          "'" + idPart + "' is not a valid FHIR id (1-64 of A-Z, a-z, 0-9, '-', '.')");
    }
    return reader
        .apply(typeName, idPart)
        .orElseThrow(() -> FhirErrors.notFound(resources.context(), typeName, idPart));
  }

  /**
   * Whether {@code If-Modified-Since} (RFC 9110 §13.1.3; an unparsable date is ignored) is at or
   * after the last change, in whole seconds: a store keeping milliseconds or microseconds
   * (PostgreSQL) would otherwise never match the {@code Last-Modified} it sent. With {@code
   * If-None-Match}, HAPI decides on the ETag.
   */
  private static boolean notModifiedSince(IBaseResource resource, RequestDetails request) {
    String since = request.getHeader(Constants.HEADER_IF_MODIFIED_SINCE);
    if (StringUtils.isBlank(since)
        || StringUtils.isNotBlank(request.getHeader(Constants.HEADER_IF_NONE_MATCH))) {
      return false;
    }
    Date date = DateUtils.parseDate(since);
    Date lastUpdated = resource.getMeta().getLastUpdated();
    return date != null
        && lastUpdated != null
        && lastUpdated.getTime() / 1000 <= date.getTime() / 1000;
  }
}
