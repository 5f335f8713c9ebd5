package org.fhirtrials.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fhirtrials.mapping.FhirUrls;

/**
 * The search parameters of every served type on one base: the specification's own (as HAPI's
 * structures define them, composite and quantity ones excepted), {@code _id}, {@code _lastUpdated},
 * and the project's custom ResearchStudy parameters. The server answers exactly these and its
 * CapabilityStatement declares exactly these.
 */
public final class SearchParamRegistry {
  public static final String RESEARCH_STUDY = "ResearchStudy";
  public static final String NEAR = "near";
  public static final String TEXT = "_text";
  public static final String CONTENT = "_content";
  public static final String RECRUITMENT_STATUS = "recruitment-status";

  public static final String ENROLLMENT = "enrollment";
  public static final String SPONSOR = "sponsor";
  public static final String ENROLLMENT_EXPRESSION = "ResearchStudy.enrollment";

  /** R5 has no sponsor search parameter; the lead sponsor is an associatedParty. */
  public static final String SPONSOR_EXPRESSION_R5 =
      "ResearchStudy.associatedParty.where(role.coding.code = 'lead-sponsor').party";

  /** Expression of {@code near} on ResearchStudy: the positions of the study's sites. */
  public static final String NEAR_EXPRESSION = "ResearchStudy.site";

  private static final String SPEC = "http://hl7.org/fhir/SearchParameter/";

  private final Map<String, Map<String, ParamDef>> byType = new LinkedHashMap<>();

  public SearchParamRegistry(FhirContext ctx, List<String> types) {
    boolean r4 = ctx.getVersion().getVersion() == FhirVersionEnum.R4;
    for (String type : types) {
      Map<String, ParamDef> params = new TreeMap<>();
      params.put(
          "_id",
          new ParamDef(
              "_id", ParamKind.TOKEN, type + ".id", null, "Logical id", SPEC + "Resource-id"));
      params.put(
          "_lastUpdated",
          new ParamDef(
              "_lastUpdated",
              ParamKind.DATE,
              type + ".meta.lastUpdated",
              null,
              "When the resource last changed",
              SPEC + "Resource-lastUpdated"));
      for (RuntimeSearchParam sp : ctx.getResourceDefinition(type).getSearchParams()) {
        ParamKind kind = ParamKind.of(sp.getParamType());
        if (sp.getName().equals(NEAR)) {
          kind = ParamKind.NEAR;
        }
        if (kind == null || sp.getPath() == null || sp.getPath().isBlank()) {
          continue;
        }
        params.putIfAbsent(
            sp.getName(),
            new ParamDef(
                sp.getName(),
                kind,
                sp.getPath(),
                sp.getTargets(),
                sp.getDescription(),
                SPEC + type + "-" + sp.getName()));
      }
      if (type.equals(RESEARCH_STUDY)) {
        addStudyParams(params, r4);
      }
      byType.put(type, Collections.unmodifiableMap(params));
    }
  }

  private static void addStudyParams(Map<String, ParamDef> params, boolean r4) {
    if (r4) {
      add(params, custom("condition", ParamKind.TOKEN, "ResearchStudy.condition", "Condition"));
      add(params, custom("phase", ParamKind.TOKEN, "ResearchStudy.phase", "Study phase"));
      add(
          params,
          custom(
              ENROLLMENT,
              ParamKind.REFERENCE,
              ENROLLMENT_EXPRESSION,
              "The eligibility Group (R4 ResearchStudy.enrollment)",
              Set.of("Group")));
    } else {
      add(
          params,
          custom(
              SPONSOR,
              ParamKind.REFERENCE,
              SPONSOR_EXPRESSION_R5,
              "The lead sponsor (associatedParty with role lead-sponsor)",
              Set.of("Organization")));
    }
    add(
        params,
        custom(
            RECRUITMENT_STATUS,
            ParamKind.TOKEN,
            "ResearchStudy.extension('" + FhirUrls.EXT_RECRUITMENT_STATUS + "').value",
            "Exact ClinicalTrials.gov recruitment status, e.g. RECRUITING"));
    add(
        params,
        custom(
            NEAR,
            ParamKind.NEAR,
            NEAR_EXPRESSION,
            "lat|lon|distance|unit: a site within the distance (default km); sortable by distance"));
    String text = "Titles, summaries, conditions, keywords, interventions and eligibility criteria";
    params.put(
        TEXT, new ParamDef(TEXT, ParamKind.TEXT, null, null, text, SPEC + "DomainResource-text"));
    params.put(
        CONTENT,
        new ParamDef(CONTENT, ParamKind.TEXT, null, null, text, SPEC + "Resource-content"));
  }

  private static void add(Map<String, ParamDef> params, ParamDef def) {
    params.put(def.name(), def);
  }

  private static ParamDef custom(
      String code, ParamKind kind, String expression, String description) {
    return custom(code, kind, expression, description, null);
  }

  private static ParamDef custom(
      String code, ParamKind kind, String expression, String description, Set<String> targets) {
    return new ParamDef(
        code,
        kind,
        expression,
        targets,
        description,
        FhirUrls.SEARCH_PARAMETER + RESEARCH_STUDY + "-" + code);
  }

  /** The parameters of a served type, by name. */
  public Map<String, ParamDef> params(String type) {
    return byType.getOrDefault(type, Map.of());
  }

  public Set<String> types() {
    return byType.keySet();
  }

  /** The reference parameters of a type (what {@code _include=Type:*} follows). */
  public List<ParamDef> references(String type) {
    List<ParamDef> out = new ArrayList<>();
    params(type).values().stream().filter(p -> p.kind() == ParamKind.REFERENCE).forEach(out::add);
    return out;
  }
}
