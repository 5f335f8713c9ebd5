package org.fhirtrials.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Loads the published conformance resources (StructureDefinitions, CodeSystems, SearchParameters)
 * from the classpath: {@code fhir-resources/r4/} or {@code r5/}, listed in that folder's {@code
 * index.txt} (written by the export command).
 */
public final class ConformanceResources {
  /** Classpath root of the published artifacts. */
  public static final String ROOT = "fhir-resources/";

  /** File listing the conformance resources of one version folder, one file name a line. */
  public static final String INDEX = "index.txt";

  private ConformanceResources() {}

  /** The folder name of a version: {@code r4} or {@code r5}. */
  public static String folder(FhirVersionEnum version) {
    return switch (version) {
      case R4 -> "r4";
      case R5 -> "r5";
      default -> throw new IllegalArgumentException("unsupported FHIR version " + version);
    };
  }

  /** Every conformance resource published for the context's version. */
  public static List<IBaseResource> load(FhirContext ctx) {
    String dir = ROOT + folder(ctx.getVersion().getVersion()) + "/";
    List<IBaseResource> out = new ArrayList<>();
    for (String line : read(dir + INDEX).split("\n")) {
      String name = line.trim();
      if (!name.isEmpty()) {
        out.add(ctx.newJsonParser().parseResource(read(dir + name)));
      }
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in =
        ConformanceResources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
