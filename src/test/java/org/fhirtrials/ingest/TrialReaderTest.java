package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fhirtrials.model.Trial;
import org.fhirtrials.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialReaderTest {
  /** Studies in shared/data/ctgov-v2: 21 single-study files plus pages of 1, 1 and 2 studies. */
  private static final int SHARED_STUDIES = 24;

  private static final String PALLAS = "mitre/NCT02513394.json";
  private static final String TWO_STUDY_PAGE = "cyanheads/studies_2025-06-17T11-16-37-179Z.json";

  private final TrialReader reader = new TrialReader();
  private final List<Trial> trials = new ArrayList<>();

  private IngestSummary read(Path... paths) {
    return reader.read(List.of(paths), trials::add);
  }

  @Test
  void readsASingleStudyFile() {
    Path file = SharedData.require("ctgov-v2").resolve(PALLAS);

    IngestSummary summary = read(file);

    assertThat(summary.loaded()).isEqualTo(1);
    assertThat(summary.rejections()).isEmpty();
    assertThat(trials.get(0).nctId()).isEqualTo("NCT02513394");
    assertThat(trials.get(0).source().origin()).isEqualTo(file.toString());
  }

  @Test
  void readsAPage() {
    IngestSummary summary = read(SharedData.require("ctgov-v2").resolve(TWO_STUDY_PAGE));

    assertThat(summary.rejections()).isEmpty();
    assertThat(trials).extracting(Trial::nctId).containsExactly("NCT00184067", "NCT03934567");
  }

  @Test
  void readsADirectoryRecursively() {
    IngestSummary summary = read(SharedData.require("ctgov-v2"));

    assertThat(summary.rejections()).isEmpty();
    assertThat(summary.loaded()).isEqualTo(SHARED_STUDIES);
    assertThat(trials).extracting(Trial::nctId).contains("NCT02513394", "NCT04267848");
  }

  @Test
  void readsAZipOfSharedFiles(@TempDir Path tmp) throws IOException {
    Path shared = SharedData.require("ctgov-v2");
    Path zip = tmp.resolve("studies.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      add(out, "v2/" + PALLAS, Files.readAllBytes(shared.resolve(PALLAS)));
      add(out, "v2/" + TWO_STUDY_PAGE, Files.readAllBytes(shared.resolve(TWO_STUDY_PAGE)));
      add(out, "README.md", "not a record".getBytes(StandardCharsets.UTF_8));
    }

    IngestSummary summary = read(zip);

    assertThat(summary.rejections()).isEmpty();
    assertThat(trials)
        .extracting(Trial::nctId)
        .containsExactly("NCT02513394", "NCT00184067", "NCT03934567");
    assertThat(trials.get(0).source().origin()).isEqualTo(zip + "!v2/" + PALLAS);
  }

  @Test
  void reportsABadStudyInsideAZipWithItsEntryAndIndex(@TempDir Path tmp) throws IOException {
    Path zip = tmp.resolve("bad.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      add(out, "page.json", fixture("page-with-one-bad-study.json"));
      add(out, "truncated.json", fixture("truncated-page.json"));
      add(out, "nested.zip", new byte[] {0x50, 0x4b});
    }

    IngestSummary summary = read(zip);

    assertThat(summary.loaded()).isEqualTo(4);
    assertThat(summary.rejections())
        .extracting(Rejection::origin, Rejection::nctId)
        .containsExactly(
            tuple(zip + "!page.json#studies[1]", "NCT99999912"),
            tuple(zip + "!truncated.json#studies[2]", null),
            tuple(zip + "!nested.zip", null));
  }

  @Test
  void skipsUnsupportedFilesAndReportsEmptyOnesInADirectory(@TempDir Path tmp) throws IOException {
    Files.write(tmp.resolve("a-study.json"), fixture("complete-study.json"));
    Files.writeString(tmp.resolve("notes.md"), "# not a record");
    Files.writeString(tmp.resolve("z-empty.json"), "");

    IngestSummary summary = read(tmp);

    assertThat(trials).extracting(Trial::nctId).containsExactly("NCT99999901");
    assertThat(summary.rejections())
        .containsExactly(new Rejection(tmp.resolve("z-empty.json").toString(), null, "empty file"));
  }

  @Test
  void reportsAPathThatDoesNotExist(@TempDir Path tmp) {
    Path missing = tmp.resolve("nowhere.json");

    IngestSummary summary = read(missing);

    assertThat(summary.loaded()).isZero();
    assertThat(summary.rejections())
        .containsExactly(new Rejection(missing.toString(), null, "no such file or directory"));
  }

  private static void add(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = TrialReaderTest.class.getResourceAsStream("/ctgov/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return in.readAllBytes();
    }
  }
}
