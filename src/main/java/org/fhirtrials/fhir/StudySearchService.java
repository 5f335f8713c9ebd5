package org.fhirtrials.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.fhirtrials.store.StoredTrial;

/**
 * ResearchStudy search over the served resources of one FHIR version. It scans the store's snapshot
 * and matches each study's {@link StudyFacts}, so results agree with what a read returns. (A
 * database-backed store will push these predicates down to indexed columns.)
 */
public final class StudySearchService {
  private final TrialResources resources;

  public StudySearchService(TrialResources resources) {
    this.resources = resources;
  }

  /** Search parameters this service understands, besides the result parameters. */
  static final Set<String> SEARCH_PARAMS =
      Collections.unmodifiableSet(
          new TreeSet<>(
              List.of(
                  "_id",
                  StudyParams.IDENTIFIER,
                  StudyParams.TITLE,
                  StudyParams.STATUS,
                  StudyParams.CONDITION,
                  StudyParams.PHASE,
                  StudyParams.RECRUITMENT_STATUS)));

  /** Result parameters handled here or by HAPI. */
  static final Set<String> RESULT_PARAMS =
      Set.of("_count", "_include", "_format", "_pretty", "_summary", "_elements", "_total");

  /**
   * The matching studies ordered by NCT id, with the includes of each page resolved.
   *
   * @param parameterNames the names of all request parameters (with modifiers), to reject unknown
   *     ones and malformed {@code _count}
   */
  public IBundleProvider search(
      StudyQuery query, Set<Include> includes, Map<String, String[]> parameters) {
    checkParameters(parameters);
    return new StudyBundle(resources, find(query), includeValues(includes));
  }

  /** The stored trials whose ResearchStudy matches, ordered by NCT id. */
  public List<StoredTrial> find(StudyQuery query) {
    validate(query);
    return resources.store().all().stream()
        .filter(s -> matches(query, resources.facts(s)))
        .toList();
  }

  static boolean matches(StudyQuery q, StudyFacts f) {
    return allTokens(q.ids(), t -> t.getValue().equals(f.id()))
        && allTokens(
            q.identifiers(), t -> f.identifiers().stream().anyMatch(i -> SearchMatch.token(t, i)))
        && allStrings(q.titles(), s -> SearchMatch.string(s, f.title()))
        && allTokens(
            q.statuses(), t -> f.status().stream().anyMatch(c -> SearchMatch.concept(t, c)))
        && allTokens(
            q.conditions(), t -> f.conditions().stream().anyMatch(c -> SearchMatch.concept(t, c)))
        && allTokens(q.phases(), t -> f.phases().stream().anyMatch(c -> SearchMatch.concept(t, c)))
        && allTokens(
            q.recruitmentStatuses(),
            t -> f.recruitmentStatus().stream().anyMatch(c -> SearchMatch.concept(t, c)));
  }

  /** AND of ORs. */
  private static boolean allTokens(TokenAndListParam and, Predicate<TokenParam> p) {
    return and == null
        || and.getValuesAsQueryTokens().stream()
            .allMatch(or -> or.getValuesAsQueryTokens().stream().anyMatch(p));
  }

  private static boolean allStrings(StringAndListParam and, Predicate<StringParam> p) {
    return and == null
        || and.getValuesAsQueryTokens().stream()
            .allMatch(or -> or.getValuesAsQueryTokens().stream().anyMatch(p));
  }

  private void checkParameters(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      String name = p.getKey().split(":", 2)[0];
      if (!SEARCH_PARAMS.contains(name) && !RESULT_PARAMS.contains(name)) {
        throw FhirErrors.badRequest(
            resources.context(),
            "Unknown search parameter '"
                + p.getKey()
                + "' for ResearchStudy; supported: "
                + String.join(", ", SEARCH_PARAMS));
      }
    }
    for (String count : parameters.getOrDefault("_count", new String[0])) {
      if (!count.matches("\\d{1,9}")) {
        throw FhirErrors.badRequest(
            resources.context(), "_count must be a non-negative integer, not '" + count + "'");
      }
    }
  }

  private void validate(StudyQuery q) {
    checkTokens("_id", q.ids(), false);
    checkTokens(StudyParams.IDENTIFIER, q.identifiers(), false);
    checkTokens(StudyParams.STATUS, q.statuses(), true);
    checkTokens(StudyParams.CONDITION, q.conditions(), true);
    checkTokens(StudyParams.PHASE, q.phases(), true);
    checkTokens(StudyParams.RECRUITMENT_STATUS, q.recruitmentStatuses(), false);
    if (q.titles() != null) {
      q.titles().getValuesAsQueryTokens().stream()
          .flatMap(or -> or.getValuesAsQueryTokens().stream())
          .filter(s -> s.getMissing() != null)
          .findFirst()
          .ifPresent(s -> unsupported(StudyParams.TITLE, ":missing"));
    }
  }

  private void checkTokens(String name, TokenAndListParam and, boolean textAllowed) {
    if (and == null) {
      return;
    }
    Stream<TokenParam> tokens =
        and.getValuesAsQueryTokens().stream().flatMap(or -> or.getValuesAsQueryTokens().stream());
    tokens.forEach(
        t -> {
          if (t.getMissing() != null) {
            unsupported(name, ":missing");
          }
          TokenParamModifier m = t.getModifier();
          if (m != null && !(textAllowed && m == TokenParamModifier.TEXT)) {
            unsupported(name, m.getValue());
          }
          if (t.getValue() == null || t.getValue().isBlank()) {
            if (t.getSystem() == null || t.getSystem().isBlank()) {
              throw FhirErrors.badRequest(
                  resources.context(), "Search parameter '" + name + "' needs a value");
            }
          }
        });
  }

  private void unsupported(String name, String modifier) {
    throw FhirErrors.badRequest(
        resources.context(),
        "Modifier '" + modifier + "' is not supported on search parameter '" + name + "'");
  }

  private Set<String> includeValues(Set<Include> includes) {
    Set<String> values = new LinkedHashSet<>();
    if (includes == null) {
      return values;
    }
    for (Include include : includes) {
      String v = include.getValue();
      if (!resources.binding().includes().contains(v)) {
        throw FhirErrors.badRequest(
            resources.context(),
            "_include=" + v + " is not supported; supported: " + resources.binding().includes());
      }
      values.add(v);
    }
    return values;
  }
}
