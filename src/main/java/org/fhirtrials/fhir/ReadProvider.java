package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Read of one served resource type on one base: one class for all seven types and both versions.
 * The answer carries {@code meta.versionId}, so HAPI adds {@code ETag}/{@code Last-Modified} and
 * answers 304 to a matching {@code If-None-Match}.
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
  public IBaseResource read(@IdParam IIdType id) {
    String idPart = id.getIdPart();
    if (idPart == null || !FHIR_ID.matcher(idPart).matches()) {
      throw FhirErrors.badRequest(
          resources.context(),
          "'" + idPart + "' is not a valid FHIR id (1-64 of A-Z, a-z, 0-9, '-', '.')");
    }
    return resources
        .read(typeName, idPart)
        .orElseThrow(() -> FhirErrors.notFound(resources.context(), typeName, idPart));
  }
}
