package org.fhirtrials.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.conformance.ConformanceArtifacts;
import org.fhirtrials.conformance.ConformanceResources;
import org.fhirtrials.ingest.IngestSummary;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code export [--out fhir-resources]}: writes the published artifacts: per FHIR version the
 * conformance resources (with an {@code index.txt}) and one collection Bundle per seed trial.
 * Output is deterministic (no timestamps), so the committed files can be compared with a fresh run.
 */
public final class ExportCommand implements Command {
  private static final String DEFAULT_OUT = "fhir-resources";

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "[--out DIR]  write conformance resources and seed-trial Bundles (R4, R5)";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    Path dir = Path.of(DEFAULT_OUT);
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--out") && i + 1 < args.size()) {
        dir = Path.of(args.get(++i));
      } else {
        err.println("export: unknown argument " + args.get(i) + "; usage: export [--out DIR]");
        return 2;
      }
    }
    List<Trial> seeds = new ArrayList<>();
    IngestSummary summary = new TrialReader().readSeeds(seeds::add);
    summary.rejections().forEach(r -> err.println("export: skipped " + r));
    int files = export(seeds, dir);
    out.printf("export: %d trials, %d files written to %s%n", seeds.size(), files, dir);
    return 0;
  }

  /** Writes everything for the trials into {@code dir}; returns the number of files written. */
  public static int export(List<Trial> trials, Path dir) throws IOException {
    int files = 0;
    for (FhirVersionEnum version : List.of(FhirVersionEnum.R4, FhirVersionEnum.R5)) {
      FhirContext ctx = FhirContext.forCached(version);
      IParser parser = ctx.newJsonParser().setPrettyPrint(true);
      String folder = ConformanceResources.folder(version);
      Path vdir = dir.resolve(folder);
      Files.createDirectories(vdir);
      StringBuilder index = new StringBuilder();
      for (IBaseResource r : ConformanceArtifacts.forVersion(version)) {
        String name = ctx.getResourceType(r) + "-" + r.getIdElement().getIdPart() + ".json";
        write(vdir.resolve(name), parser.encodeResourceToString(r));
        index.append(name).append('\n');
        files++;
      }
      write(vdir.resolve(ConformanceResources.INDEX), index.toString());
      files++;
      for (Trial t : trials) {
        write(
            vdir.resolve("Bundle-" + t.nctId() + ".json"),
            parser.encodeResourceToString(bundle(version, t)));
        files++;
      }
    }
    return files;
  }

  /** A collection Bundle of everything mapped from the trial, with absolute fullUrls. */
  public static IBaseResource bundle(FhirVersionEnum version, Trial trial) {
    String folder = ConformanceResources.folder(version);
    if (version == FhirVersionEnum.R4) {
      var b = new org.hl7.fhir.r4.model.Bundle();
      b.setId(trial.nctId());
      b.setType(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION);
      for (var r : new R4TrialMapper().map(trial)) {
        b.addEntry()
            .setFullUrl(FhirUrls.resourceUrl(folder, r.fhirType(), r.getIdElement().getIdPart()))
            .setResource(r);
      }
      return b;
    }
    var b = new org.hl7.fhir.r5.model.Bundle();
    b.setId(trial.nctId());
    b.setType(org.hl7.fhir.r5.model.Bundle.BundleType.COLLECTION);
    for (var r : new R5TrialMapper().map(trial)) {
      b.addEntry()
          .setFullUrl(FhirUrls.resourceUrl(folder, r.fhirType(), r.getIdElement().getIdPart()))
          .setResource(r);
    }
    return b;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
  }
}
