package org.fhirtrials.eligibility.evaluate;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.r4.model.Bundle;

/** Seed trials and seed patient bundles for the evaluation tests (parsed once). */
final class TestData {
  static final FhirContext R4 = FhirContext.forR4Cached();
  private static Map<String, Trial> seeds;

  private TestData() {}

  static synchronized Map<String, Trial> seedTrials() {
    if (seeds == null) {
      List<Trial> trials = new ArrayList<>();
      new TrialReader().readSeeds(trials::add);
      Map<String, Trial> byId = new LinkedHashMap<>();
      trials.forEach(t -> byId.put(t.nctId(), t));
      seeds = byId;
    }
    return seeds;
  }

  static Bundle seedPatient(String name) {
    return bundle("/patients/seeds/" + name + ".json");
  }

  static Bundle bundle(String resource) {
    try (InputStream in = TestData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + resource);
      }
      return R4.newJsonParser().parseResource(Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String resource) {
    try (InputStream in = TestData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
