package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupImportTest {
  private static final String STUDY =
      """
      {"protocolSection":{"identificationModule":{"nctId":"%s","briefTitle":"%s"}}}
      """;

  private final InMemoryTrialStore store = new InMemoryTrialStore();

  @Test
  void loadsConfiguredPathsAndSkipsBadRecordsAndMissingPaths(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.json"), STUDY.formatted("NCT09990011", "Good record"));
    Files.writeString(dir.resolve("bad.json"), "{\"protocolSection\": ");
    Path missing = dir.resolve("no-such-file.json");

    new StartupImport(
            store, new ImportProperties(false, List.of(dir.toString(), missing.toString())))
        .afterPropertiesSet();

    assertThat(store.all()).extracting(StoredTrial::nctId).containsExactly("NCT09990011");
  }

  @Test
  void reloadingTheSameRecordsKeepsTheirVersion(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("one.json"), STUDY.formatted("NCT09990012", "Once"));
    ImportProperties props = new ImportProperties(false, List.of(file.toString()));

    new StartupImport(store, props).afterPropertiesSet();
    new StartupImport(store, props).afterPropertiesSet();

    assertThat(store.get("NCT09990012").orElseThrow().versionId()).isEqualTo(1);
  }

  @Test
  void blankPathEntriesAreIgnored() {
    assertThat(new ImportProperties(true, List.of(" ", "a.json ")).paths())
        .containsExactly("a.json");
    assertThat(new ImportProperties(true, null).paths()).isEmpty();
  }
}
