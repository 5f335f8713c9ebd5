package org.fhirtrials.search;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every search parameter of a base selects from the resources of one trial: the one extraction
 * both search backends index (the in-memory {@link SearchIndexes} and the PostgreSQL side tables),
 * so they answer a search identically. Thread-safe.
 */
public final class DocumentExtractor {
  private static final Logger log = LoggerFactory.getLogger(DocumentExtractor.class);

  /** Entry of the title words of a study (weighted higher by {@code _sort=_score}). */
  public static final String TITLE_WORDS = "_text#title";

  private final FhirContext ctx;
  private final SearchParamRegistry registry;
  private final ValueReader reader;

  /**
   * Each type's parameters with their expressions compiled to {@link PathExpression} (the FHIRPath
   * subset search parameters use; proven equal to FHIRPath by {@code PathExpressionTest}):
   * immutable, shared.
   */
  private final Map<String, List<Compiled>> compiled = new ConcurrentHashMap<>();

  /**
   * A parameter and its compiled expression; null when it has none or it is outside the subset
   * (then it selects nothing).
   */
  private record Compiled(ParamDef def, PathExpression expression) {}

  public DocumentExtractor(FhirContext ctx, SearchParamRegistry registry) {
    this.ctx = ctx;
    this.registry = registry;
    this.reader = new ValueReader(ctx);
  }

  public SearchParamRegistry registry() {
    return registry;
  }

  /**
   * The entries of a trial's resources: served type → resource id → parameter → values. Every
   * served type has a (possibly empty) map.
   *
   * @param text the trial's text, asked for only when there is a ResearchStudy
   */
  public Map<String, Map<String, Map<String, Extracted>>> extract(
      List<? extends IBaseResource> resources, Supplier<IndexSource.TrialText> text) {
    Map<String, IBaseResource> byRef = new HashMap<>();
    for (IBaseResource r : resources) {
      byRef.put(ctx.getResourceType(r) + "/" + r.getIdElement().getIdPart(), r);
    }
    Map<String, Map<String, Map<String, Extracted>>> byType = new LinkedHashMap<>();
    registry.types().forEach(t -> byType.put(t, new LinkedHashMap<>()));
    for (IBaseResource r : resources) {
      String type = ctx.getResourceType(r);
      if (!byType.containsKey(type)) {
        continue;
      }
      List<Compiled> params = compiled.computeIfAbsent(type, this::compile);
      Map<String, Extracted> entries = new HashMap<>(2 * params.size() + 8);
      for (Compiled c : params) {
        entries.put(c.def().name(), extract(c, r, byRef));
      }
      if (type.equals(SearchParamRegistry.RESEARCH_STUDY)) {
        IndexSource.TrialText t = text.get();
        Extracted body = new Extracted();
        body.keys.addAll(Text.words(t.body()));
        Extracted title = new Extracted();
        title.keys.addAll(Text.words(t.title()));
        entries.put(SearchParamRegistry.TEXT, body);
        entries.put(SearchParamRegistry.CONTENT, body);
        entries.put(TITLE_WORDS, title);
      }
      byType.get(type).put(r.getIdElement().getIdPart(), entries);
    }
    return byType;
  }

  private List<Compiled> compile(String type) {
    List<Compiled> out = new ArrayList<>();
    for (ParamDef def : registry.params(type).values()) {
      PathExpression expression = null;
      if (def.expression() != null) {
        try {
          expression = PathExpression.compile(ctx, def.expression());
        } catch (IllegalArgumentException e) {
          log.warn(
              "Search parameter {} of {} selects nothing: {}", def.name(), type, e.getMessage());
        }
      }
      out.add(new Compiled(def, expression));
    }
    return List.copyOf(out);
  }

  private Extracted extract(
      Compiled param, IBaseResource resource, Map<String, IBaseResource> byRef) {
    Extracted out = new Extracted();
    ParamDef def = param.def();
    if (param.expression() == null) {
      return out;
    }
    try {
      for (IBase value : param.expression().evaluate(resource)) {
        if (def.kind() == ParamKind.NEAR && value instanceof IBaseReference ref) {
          // a study's position is that of its site Locations, in the same trial
          IBaseResource site =
              byRef.get(ref.getReferenceElement().toUnqualifiedVersionless().getValue());
          if (site != null) {
            reader.children(site, "position").forEach(pos -> reader.read(ParamKind.NEAR, pos, out));
          }
        } else {
          reader.read(def.kind(), value, out);
        }
      }
    } catch (RuntimeException e) {
      log.debug(
          "Search parameter {} not indexable on {}: {}",
          def.name(),
          resource.getIdElement(),
          e.toString());
    }
    return out;
  }
}
