package org.fhirtrials.fhir;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import org.fhirtrials.search.ParamDef;
import org.fhirtrials.search.SearchParamRegistry;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Declares in the CapabilityStatement exactly the search the server answers: every parameter of the
 * {@link SearchParamRegistry} with its definition, and the includes and reverse includes the
 * reference parameters allow (same for R4 and R5, written through HAPI's terser).
 */
@Interceptor
public final class SearchCapabilities {
  private final FhirContext ctx;
  private final SearchParamRegistry registry;

  public SearchCapabilities(FhirContext ctx, SearchParamRegistry registry) {
    this.ctx = ctx;
    this.registry = registry;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void declare(IBaseConformance capabilityStatement) {
    FhirTerser terser = ctx.newTerser();
    for (IBase resource :
        terser.getValues(capabilityStatement, "CapabilityStatement.rest.resource")) {
      String type =
          ((IPrimitiveType<?>) terser.getValues(resource, "type").get(0)).getValueAsString();
      clear(resource, "searchInclude");
      clear(resource, "searchRevInclude");
      if (!registry.types().contains(type)) {
        continue; // OperationDefinition, SearchParameter: as their providers declare, no includes
      }
      clear(resource, "searchParam");
      for (ParamDef p : registry.params(type).values()) {
        IBase sp = terser.addElement(resource, "searchParam");
        terser.addElement(sp, "name", p.name());
        terser.addElement(sp, "definition", p.definition());
        terser.addElement(sp, "type", p.kind().fhirType());
        terser.addElement(sp, "documentation", p.description());
      }
      List<ParamDef> refs = registry.references(type);
      if (!refs.isEmpty()) {
        terser.addElement(resource, "searchInclude", IncludeSpec.ALL);
      }
      refs.forEach(p -> terser.addElement(resource, "searchInclude", type + ":" + p.name()));
      for (String other : registry.types()) {
        for (ParamDef p : registry.references(other)) {
          if (p.targets().contains(type)) {
            terser.addElement(resource, "searchRevInclude", other + ":" + p.name());
          }
        }
      }
    }
  }

  /**
   * Empties a repeating element (the terser's value lists are copies: clearing them is a no-op).
   */
  private void clear(IBase element, String child) {
    BaseRuntimeElementCompositeDefinition<?> def =
        (BaseRuntimeElementCompositeDefinition<?>) ctx.getElementDefinition(element.getClass());
    def.getChildByName(child).getMutator().setValue(element, null);
  }
}
