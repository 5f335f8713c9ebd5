package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.fhirtrials.mapping.TrialFixtures;
import org.fhirtrials.store.InMemoryTrialStore;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A search page written from cached JSON equals HAPI's own encoding of the page with the real
 * resources: entries written here (the plain path) and entries HAPI encodes around placeholders
 * (anything more than fullUrl, resource and search mode), with characters JSON must escape.
 */
class EncodedResponsesTest {
  private static final String BASE = "http://example.org/fhir/r4";
  private static final String STUDY = TrialFixtures.KITCHEN_SINK_ID;

  static Stream<Arguments> pages() {
    BiConsumer<FhirTerser, IBase> nothing = (t, entry) -> {};
    BiConsumer<FhirTerser, IBase> score =
        (t, entry) ->
            t.setElement(t.getSingleValueOrNull(entry, "search", IBase.class), "score", "0.75");
    BiConsumer<FhirTerser, IBase> request =
        (t, entry) -> {
          IBase r = t.addElement(entry, "request");
          t.setElement(r, "method", "GET");
          t.setElement(r, "url", "ResearchStudy/" + STUDY);
        };
    return Stream.of(new R4Binding(), new R5Binding())
        .flatMap(
            b ->
                Stream.of(
                    Arguments.of(b, "plain", nothing),
                    Arguments.of(b, "with a score", score),
                    Arguments.of(b, "with a request", request)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pages")
  void pageFromCachedJsonEqualsHapisEncoding(
      VersionBinding binding, String variant, BiConsumer<FhirTerser, IBase> extra)
      throws Exception {
    InMemoryTrialStore store = new InMemoryTrialStore();
    store.save(TrialFixtures.kitchenSink());
    TrialResources resources = new TrialResources(store, binding, 10);
    FhirContext ctx = binding.context();
    FhirTerser t = ctx.newTerser();
    List<String> refs = List.of("ResearchStudy/" + STUDY, "Group/" + STUDY + "-eligibility");
    IBaseBundle page = page(ctx, resources, refs, true);
    IBaseBundle expected = page(ctx, resources, refs, false);
    extra.accept(t, t.getValues(page, "Bundle.entry").get(1));
    extra.accept(t, t.getValues(expected, "Bundle.entry").get(1));

    ByteArrayOutputStream written = new ByteArrayOutputStream();
    for (byte[] part : new EncodedResponses(resources).bundle(page, BASE)) {
      written.write(part);
    }

    String hapi =
        ctx.newJsonParser()
            .setPrettyPrint(false)
            .setServerBaseUrl(BASE)
            .encodeResourceToString(expected);
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(hapi);
    assertThat(hapi).contains("\\\"quoted\\\"", "tab\\t", "é", "\"mode\":\"include\"");
    assertThat(t.getValues(page, "Bundle.entry")).as("entries given back").hasSize(2);
  }

  /** A searchset page of these resources: stand-ins as served, or full copies. */
  private static IBaseBundle page(
      FhirContext ctx, TrialResources resources, List<String> refs, boolean standIns) {
    FhirTerser t = ctx.newTerser();
    IBaseBundle bundle = (IBaseBundle) ctx.getResourceDefinition("Bundle").newInstance();
    bundle.setId("page-1");
    t.setElement(bundle, "type", "searchset");
    t.setElement(bundle, "total", "1");
    IBase link = t.addElement(bundle, "link");
    t.setElement(link, "relation", "self");
    t.setElement(link, "url", BASE + "/ResearchStudy?_text=%22x%22");
    for (int i = 0; i < refs.size(); i++) {
      String[] ref = refs.get(i).split("/");
      IBaseResource resource =
          standIns
              ? resources.readStandIn(ref[0], ref[1]).orElseThrow()
              : resources.read(ref[0], ref[1]).orElseThrow();
      IBase entry = t.addElement(bundle, "entry");
      // characters JSON escapes, and one it need not
      t.setElement(entry, "fullUrl", BASE + "/" + refs.get(i) + "?\"quoted\"\\tab\té");
      ((BaseRuntimeElementCompositeDefinition<?>) ctx.getElementDefinition(entry.getClass()))
          .getChildByName("resource")
          .getMutator()
          .setValue(entry, resource);
      t.setElement(t.addElement(entry, "search"), "mode", i == 0 ? "match" : "include");
    }
    return bundle;
  }
}
