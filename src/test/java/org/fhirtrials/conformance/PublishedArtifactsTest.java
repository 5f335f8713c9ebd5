package org.fhirtrials.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fhirtrials.cli.ExportCommand;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code fhir-resources/} must equal a fresh export. Regenerate with {@code
 * -Dfhirtrials.regenerate=true} (writes into {@code fhir-resources/}) or {@code java -jar
 * target/fhir-trials.jar export}.
 */
class PublishedArtifactsTest {
  private static final Path COMMITTED = Path.of("fhir-resources");

  @Test
  void committedArtifactsEqualAFreshExport(@TempDir Path tmp) throws IOException {
    List<Trial> seeds = new ArrayList<>();
    new TrialReader().readSeeds(seeds::add);
    if (Boolean.getBoolean("fhirtrials.regenerate")) {
      ExportCommand.export(seeds, COMMITTED);
    }
    ExportCommand.export(seeds, tmp);
    List<Path> generated = files(tmp);
    assertThat(generated).isNotEmpty();
    for (Path rel : generated) {
      Path committed = COMMITTED.resolve(rel);
      assertThat(committed).as("committed file " + committed).exists();
      assertThat(Files.readString(committed))
          .as("fhir-resources/" + rel + " differs from a fresh export; run the export command")
          .isEqualTo(Files.readString(tmp.resolve(rel)));
    }
    assertThat(files(COMMITTED).stream().filter(p -> p.toString().endsWith(".json")).toList())
        .as("stale files in fhir-resources/")
        .containsExactlyInAnyOrderElementsOf(
            generated.stream().filter(p -> p.toString().endsWith(".json")).toList());
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(p -> p.getNameCount() == 2)
          .sorted()
          .toList();
    }
  }
}
