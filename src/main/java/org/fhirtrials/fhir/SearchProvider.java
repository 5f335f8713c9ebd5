package org.fhirtrials.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Read, search and {@code $validate} of one served type: thin, the work is in {@link
 * ResourceSearchService} and the validator. Parameters are read from the request so that every
 * parameter of the type (declared in the CapabilityStatement from the same registry) is served.
 */
public final class SearchProvider extends ReadProvider {
  private final ResourceSearchService search;
  private final String typeName;

  public SearchProvider(
      Class<? extends IBaseResource> type, TrialResources resources, ResourceSearchService search) {
    super(type, resources);
    this.search = search;
    this.typeName = resources.context().getResourceType(type);
  }

  @Search(allowUnknownParams = true)
  public IBundleProvider search(RequestDetails request) {
    return search.search(typeName, request);
  }

  /** Validates the resource in the body, or the stored one for {@code [type]/[id]/$validate}. */
  @Validate
  public MethodOutcome validate(
      @ResourceParam IBaseResource resource, @IdParam(optional = true) IIdType id) {
    IBaseResource target = resource;
    if (target == null && id != null && id.hasIdPart()) {
      target = read(id);
    }
    if (target == null) {
      throw FhirErrors.badRequest(
          resources.context(), "$validate needs a resource in the body or an instance id");
    }
    MethodOutcome outcome = new MethodOutcome();
    outcome.setOperationOutcome(search.validator().validateWithResult(target).toOperationOutcome());
    return outcome;
  }
}
