package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.Locale;
import org.fhirtrials.conformance.ConformanceResources;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Serves the project's published custom SearchParameters ({@code fhir-resources/}, the ones the
 * CapabilityStatement's {@code searchParam.definition} points to) at {@code /SearchParameter}: read
 * by id, search by {@code url}, {@code code}, {@code base} or {@code _id}.
 */
public final class SearchParameterProvider implements IResourceProvider {
  private final FhirContext ctx;
  private final List<IBaseResource> parameters;

  public SearchParameterProvider(FhirContext ctx) {
    this.ctx = ctx;
    this.parameters =
        ConformanceResources.load(ctx).stream()
            .filter(r -> ctx.getResourceType(r).equals("SearchParameter"))
            .toList();
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return ctx.getResourceDefinition("SearchParameter").getImplementingClass();
  }

  @Read
  public IBaseResource read(@IdParam IIdType id) {
    return parameters.stream()
        .filter(p -> p.getIdElement().getIdPart().equals(id.getIdPart()))
        .findFirst()
        .map(p -> ctx.newTerser().clone(p))
        .orElseThrow(() -> FhirErrors.notFound(ctx, "SearchParameter", id.getIdPart()));
  }

  @Search
  public List<IBaseResource> search(
      @OptionalParam(name = "_id") TokenParam id,
      @OptionalParam(name = "url") UriParam url,
      @OptionalParam(name = "code") TokenParam code,
      @OptionalParam(name = "base") TokenParam base,
      @OptionalParam(name = "name") StringParam name) {
    FhirTerser terser = ctx.newTerser();
    return parameters.stream()
        .filter(p -> id == null || p.getIdElement().getIdPart().equals(id.getValue()))
        .filter(p -> url == null || url.getValue().equals(value(terser, p, "url")))
        .filter(p -> code == null || code.getValue().equals(value(terser, p, "code")))
        .filter(
            p ->
                base == null
                    || terser.getValues(p, "base").stream()
                        .anyMatch(
                            b ->
                                base.getValue().equals(((IPrimitiveType<?>) b).getValueAsString())))
        .filter(
            p ->
                name == null
                    || value(terser, p, "name")
                        .toLowerCase(Locale.ROOT)
                        .startsWith(name.getValue().toLowerCase(Locale.ROOT)))
        .map(p -> (IBaseResource) terser.clone(p))
        .toList();
  }

  private static String value(FhirTerser terser, IBaseResource resource, String path) {
    String v = terser.getSinglePrimitiveValueOrNull(resource, path);
    return v == null ? "" : v;
  }
}
