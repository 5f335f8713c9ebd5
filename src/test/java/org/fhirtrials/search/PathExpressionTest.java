package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fhirtrials.fhir.FhirServerConfig;
import org.fhirtrials.fhir.R4Binding;
import org.fhirtrials.fhir.R5Binding;
import org.fhirtrials.fhir.VersionBinding;
import org.fhirtrials.model.Trial;
import org.fhirtrials.testing.TestTrials;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled search expressions index exactly what HAPI's FHIRPath engine selects: every
 * parameter of every served type, both versions, on the seed trials and a synthetic sample.
 */
class PathExpressionTest {
  private static final List<String> TYPES = FhirServerConfig.SERVED_TYPES;

  @TempDir static Path synthetic;

  private static List<Trial> trials;

  @BeforeAll
  static void trials() {
    trials = TestTrials.seedsAndSynthetic(7, 120, synthetic);
    assertThat(trials).hasSizeGreaterThan(100);
  }

  @Test
  void r4ExpressionsSelectWhatFhirPathSelects() {
    assertSameAsFhirPath(new R4Binding());
  }

  @Test
  void r5ExpressionsSelectWhatFhirPathSelects() {
    assertSameAsFhirPath(new R5Binding());
  }

  @Test
  void expressionsOutsideTheSubsetDoNotCompile() {
    FhirContext ctx = FhirContext.forR4Cached();
    for (String bad : List.of("Patient.name.first()", "Patient.birthDate + 1 year", "a.b(")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PathExpression.compile(ctx, bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void assertSameAsFhirPath(VersionBinding binding) {
    FhirContext ctx = binding.context();
    SearchParamRegistry registry = new SearchParamRegistry(ctx, TYPES);
    IFhirPath fhirPath = ctx.newFhirPath();
    ValueReader reader = new ValueReader(ctx);
    List<String> differences = new ArrayList<>();
    int compared = 0;
    int nonEmpty = 0;
    for (Trial trial : trials) {
      for (IBaseResource resource : binding.map(trial)) {
        String type = ctx.getResourceType(resource);
        // as served: typed, versioned id and meta (TrialResources)
        String idPart = resource.getIdElement().getIdPart();
        resource.setId(ctx.getVersion().newIdType().setParts(null, type, idPart, "3"));
        resource.getMeta().setVersionId("3");
        resource.getMeta().setLastUpdated(new java.util.Date(1_760_000_000_000L));
        for (ParamDef def : registry.params(type).values()) {
          if (def.expression() == null) {
            continue;
          }
          List<IBase> expected = fhirPath.evaluate(resource, def.expression(), IBase.class);
          List<IBase> actual = PathExpression.compile(ctx, def.expression()).evaluate(resource);
          String where = type + "/" + resource.getIdElement().getIdPart() + " " + def.name();
          String want = render(reader, def, expected);
          String got = render(reader, def, actual);
          if (!want.equals(got) && differences.size() < 20) {
            differences.add(where + "\n  FHIRPath: " + want + "\n  compiled: " + got);
          }
          compared++;
          nonEmpty += expected.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(compared).isGreaterThan(1000);
    assertThat(nonEmpty).isGreaterThan(500);
  }

  /** What the index makes of the values: the entries of the parameter's kind, and the count. */
  private static String render(ValueReader reader, ParamDef def, List<IBase> values) {
    Extracted e = new Extracted();
    ParamKind kind = def.kind() == ParamKind.NEAR ? ParamKind.REFERENCE : def.kind();
    for (IBase v : values) {
      if (def.kind() != ParamKind.NEAR
          || v instanceof org.hl7.fhir.instance.model.api.IBaseReference) {
        reader.read(kind, v, e);
      } else {
        reader.read(ParamKind.NEAR, v, e);
      }
    }
    List<String> points = e.points.stream().map(Arrays::toString).toList();
    return values.size()
        + " keys="
        + e.keys
        + " words="
        + e.words
        + " strings="
        + e.strings
        + " dates="
        + e.dates
        + " numbers="
        + e.numbers
        + " points="
        + points;
  }
}
