package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.fhirtrials.FhirTrialsApplication;
import org.fhirtrials.ingest.IngestSummary;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.postgres.PostgresTrialStore;
import org.fhirtrials.synth.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code import} command as a user runs it, in a separate JVM against PostgreSQL: killed with
 * SIGKILL mid-import and run again, the table equals the source with no duplicate, partial or lost
 * trial; run a third time, nothing changes.
 */
class ImportKillAndResumeIT {
  private static final int STUDIES = 1200;
  private static final int BATCH = 100;
  private static final long SEED = 42;

  @RegisterExtension static final TestDatabase.PerClass database = new TestDatabase.PerClass();

  @TempDir Path tmp;

  @Test
  void killedImportResumesToExactlyTheSourceAndARerunChangesNothing() throws Exception {
    Path data = tmp.resolve("registry");
    new SyntheticRegistry(SEED, 1).generate(STUDIES, data, BATCH * 2, n -> {});
    PostgresTrialStore store = new PostgresTrialStore(database.dataSource());

    Process killed = startImport(data, tmp.resolve("killed.log"));
    awaitSomeButNotAll(store, killed);
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    int afterKill = store.size();
    // Each batch is one transaction: whole batches only, never a partial one.
    assertThat(afterKill % BATCH).as("trials stored after kill -9").isZero();
    assertThat(afterKill).isBetween(BATCH, STUDIES - 1);

    Process resumed = startImport(data, tmp.resolve("resumed.log"));
    assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(resumed.exitValue()).as(log(tmp.resolve("resumed.log"))).isZero();
    assertThat(summary(tmp.resolve("resumed.log")))
        .contains(
            (STUDIES - afterKill)
                + " imported, 0 updated, "
                + afterKill
                + " unchanged, 0 rejected");

    Map<String, Trial> source = readSource(data);
    List<StoredTrial> stored = store.all();
    assertThat(stored).extracting(StoredTrial::nctId).containsExactlyElementsOf(source.keySet());
    assertThat(stored).allSatisfy(s -> assertThat(s.trial()).isEqualTo(source.get(s.nctId())));
    assertThat(stored).allSatisfy(s -> assertThat(s.versionId()).isEqualTo(1));

    Process again = startImport(data, tmp.resolve("again.log"));
    assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(summary(tmp.resolve("again.log")))
        .contains("0 imported, 0 updated, " + STUDIES + " unchanged");
    assertThat(store.all()).isEqualTo(stored);
  }

  private static Process startImport(Path data, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FhirTrialsApplication.class.getName());
    command.add("import");
    command.add("--batch-size");
    command.add(String.valueOf(BATCH));
    command.addAll(database.storeArgs());
    command.add(data.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(new File(System.getProperty("java.io.tmpdir")))
        .start();
  }

  /** Waits until at least one batch is committed, failing if the import ends first. */
  private static void awaitSomeButNotAll(PostgresTrialStore store, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      int n = store.size();
      if (n >= BATCH && n < STUDIES) {
        return;
      }
      assertThat(p.isAlive()).as("import ended before it could be killed (%d stored)", n).isTrue();
      Thread.sleep(10);
    }
    throw new AssertionError("no batch committed within 3 minutes");
  }

  private static Map<String, Trial> readSource(Path data) {
    Map<String, Trial> source = new TreeMap<>();
    IngestSummary summary = new TrialReader().read(List.of(data), t -> source.put(t.nctId(), t));
    assertThat(summary.rejections()).isEmpty();
    assertThat(source).hasSize(STUDIES);
    return source;
  }

  private static String summary(Path log) throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("import: ") && l.contains(" studies in "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no summary in " + log(log)));
  }

  private static String log(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
