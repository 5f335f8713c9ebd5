package org.fhirtrials.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.TrialJson;
import org.fhirtrials.synth.SyntheticRegistry;
import org.fhirtrials.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what the readers produce, so a change made for speed cannot change the output unnoticed:
 * every record of a sample (the repo's CT.gov test files, the seed pages, 500 synthetic studies of
 * seed 1 and the shared real CT.gov records) is read, serialised in the storage form and digested;
 * the digests and the rejection messages (with their JSON paths) must equal the committed ones in
 * {@code src/test/resources/ingest/reader-digests/}.
 *
 * <p>When an output change is intended (a mapping fix, a generator change), rewrite the files with
 * {@code ./mvnw -o test -Dtest=ReaderOutputDigestTest -Dreader.digests.update=true} and review the
 * diff: a changed line names the study whose output changed.
 */
class ReaderOutputDigestTest {
  private static final Path GOLDEN_DIR = Path.of("src/test/resources/ingest/reader-digests");
  private static final boolean UPDATE = Boolean.getBoolean("reader.digests.update");
  private static final int SYNTHETIC_STUDIES = 500;

  private final TrialJson json = new TrialJson();

  @Test
  void repoTestFilesAndSeedPagesReadAsBefore() {
    List<String> lines = new ArrayList<>();
    TrialReader reader = new TrialReader();
    describe(reader.read(List.of(Path.of("src/test/resources/ctgov")), digest(lines, "")), lines);
    describe(reader.readSeeds(digest(lines, "")), lines);
    assertSameAs("repo-and-seeds.txt", lines);
  }

  @Test
  void syntheticStudiesReadAsBefore(@TempDir Path dir) throws IOException {
    new SyntheticRegistry(1, 1).generate(SYNTHETIC_STUDIES, dir, 100, written -> {});
    List<String> lines = new ArrayList<>();
    describe(new TrialReader().read(List.of(dir), digest(lines, dir.toString())), lines);
    assertThat(lines).hasSize(SYNTHETIC_STUDIES + 1);
    assertSameAs("synthetic-seed1-500.txt", lines);
  }

  @Test
  void sharedRealRecordsReadAsBefore() {
    Path ctgov = SharedData.require("ctgov-v2");
    List<String> lines = new ArrayList<>();
    describe(new TrialReader().read(List.of(ctgov), digest(lines, ctgov.toString())), lines);
    // Rejections name absolute paths: keep them relative to the data set.
    String prefix = ctgov.toString();
    assertSameAs("shared-ctgov-v2.txt", lines.stream().map(l -> l.replace(prefix, "")).toList());
  }

  /**
   * Adds "NCT id, SHA-256 of the storage form" per trial. The record's source names its file:
   * {@code dir} (a temporary or machine-specific directory) is cut from it first.
   */
  private Consumer<Trial> digest(List<String> lines, String dir) {
    return trial -> {
      String stored = new String(json.write(trial), UTF_8);
      byte[] portable = (dir.isEmpty() ? stored : stored.replace(dir, "")).getBytes(UTF_8);
      lines.add(trial.nctId() + " " + HexFormat.of().formatHex(TrialJson.hash(portable)));
    };
  }

  private static void describe(IngestSummary summary, List<String> lines) {
    lines.add("loaded " + summary.loaded());
    for (Rejection r : summary.rejections()) {
      lines.add("rejected " + r.origin().replace('\\', '/') + " " + r.nctId() + " " + r.reason());
    }
  }

  private static void assertSameAs(String file, List<String> actual) {
    Path golden = GOLDEN_DIR.resolve(file);
    try {
      if (UPDATE) {
        Files.createDirectories(GOLDEN_DIR);
        Files.write(golden, actual, UTF_8);
        return;
      }
      assertThat(actual)
          .as("reader output differs from %s (see the class comment to update it)", golden)
          .containsExactlyElementsOf(Files.readAllLines(golden, UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
