package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.synth.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialImporterTest {
  @TempDir Path tmp;

  private final InMemoryTrialStore store = new InMemoryTrialStore();
  private final List<long[]> progress = new ArrayList<>();
  private final TrialImporter importer =
      new TrialImporter(store, 40, (studies, files) -> progress.add(new long[] {studies, files}));

  @Test
  void importsInBatchesAndReportsProgressAfterEach() throws Exception {
    Path data = generate(100, 50);

    ImportReport report = importer.importPaths(List.of(data));

    assertThat(report.counts()).isEqualTo(new SaveCounts(100, 0, 0));
    assertThat(store.size()).isEqualTo(100);
    assertThat(progress).extracting(p -> p[0]).containsExactly(40L, 80L, 100L);
    assertThat(progress).extracting(p -> p[1]).containsExactly(1L, 2L, 2L);
  }

  @Test
  void importingTheSameDataTwiceChangesNothing() throws Exception {
    Path data = generate(60, 60);
    importer.importPaths(List.of(data));
    List<StoredTrial> before = store.all();

    ImportReport again = importer.importPaths(List.of(data));

    assertThat(again.counts()).isEqualTo(new SaveCounts(0, 0, 60));
    assertThat(store.all()).isEqualTo(before);
  }

  @Test
  void aStudyThatDiffersFromTheStoredOneGetsANewVersion() throws Exception {
    Path data = generate(10, 10);
    importer.importPaths(List.of(data));
    StoredTrial first = store.all().get(0);
    store.save(first.trial().toBuilder().briefTitle("Edited since").build());

    ImportReport report = importer.importPaths(List.of(data));

    assertThat(report.counts()).isEqualTo(new SaveCounts(0, 1, 9));
    StoredTrial now = store.get(first.nctId()).orElseThrow();
    assertThat(now.versionId()).isEqualTo(3);
    assertThat(now.trial()).isEqualTo(first.trial());
  }

  @Test
  void rejectionsAreReportedWithTheirOriginAndTheRestStillLoads() throws Exception {
    Path data = generate(5, 5);
    Files.writeString(data.resolve("broken.json"), "{\"protocolSection\": {");

    ImportReport report = importer.importPaths(List.of(data, tmp.resolve("missing.zip")));

    assertThat(report.counts().inserted()).isEqualTo(5);
    assertThat(report.rejections())
        .extracting(r -> r.origin())
        .anySatisfy(o -> assertThat(o).endsWith("broken.json"))
        .anySatisfy(o -> assertThat(o).endsWith("missing.zip"));
  }

  private Path generate(int count, int pageSize) throws Exception {
    Path dir = tmp.resolve("data-" + count);
    new SyntheticRegistry(3, 1).generate(count, dir, pageSize, n -> {});
    return dir;
  }
}
