package org.fhirtrials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fhirtrials.mapping.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @Test
  void writesBundlesAndConformanceResourcesPerVersion(@TempDir Path dir) throws Exception {
    ExportCommand.export(List.of(TrialFixtures.kitchenSink()), dir);
    String bundle =
        Files.readString(dir.resolve("r4/Bundle-" + TrialFixtures.KITCHEN_SINK_ID + ".json"));
    assertThat(bundle)
        .contains("\"type\": \"collection\"")
        .contains("https://fhirtrials.org/fhir/r4/ResearchStudy/" + TrialFixtures.KITCHEN_SINK_ID);
    assertThat(dir.resolve("r5/Bundle-" + TrialFixtures.KITCHEN_SINK_ID + ".json")).exists();
    assertThat(Files.readAllLines(dir.resolve("r4/index.txt")))
        .contains("SearchParameter-ResearchStudy-condition.json");
    assertThat(Files.readAllLines(dir.resolve("r5/index.txt")))
        .doesNotContain("SearchParameter-ResearchStudy-condition.json");
  }

  @Test
  void rejectsUnknownArgumentsWithUsageExitCode() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new ExportCommand().run(List.of("--bogus"), System.out, new PrintStream(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("usage: export");
  }

  @Test
  void isRegisteredInTheCli() {
    assertThat(Cli.find(new String[] {"export"})).isPresent();
  }
}
