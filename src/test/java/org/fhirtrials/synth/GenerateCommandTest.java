package org.fhirtrials.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fhirtrials.cli.GenerateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return new GenerateCommand()
        .run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesPagesAndPrintsASummary() throws Exception {
    Path dir = tmp.resolve("out");

    int code = run("--count", "25", "--seed", "5", "--out", dir.toString(), "--page-size", "10");

    assertThat(code).isZero();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("studies-00001.json", "studies-00002.json", "studies-00003.json");
    assertThat(stderr()).contains("25/25 studies").contains("wrote 3 files, 25 studies");
  }

  @Test
  void missingRequiredOptionsIsAUsageError() throws Exception {
    assertThat(run("--count", "10")).isEqualTo(2);
    assertThat(stderr()).contains("--count and --out are required").contains("usage:");
  }

  @Test
  void nonNumericCountIsAUsageError() throws Exception {
    assertThat(run("--count", "ten", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).contains("--count needs a whole number, got 'ten'");
  }

  @Test
  void unknownOptionIsAUsageError() throws Exception {
    assertThat(run("--count", "1", "--out", tmp.toString(), "--pages", "3")).isEqualTo(2);
    assertThat(stderr()).contains("unknown option --pages");
  }

  @Test
  void outOfRangeCountIsReportedWithoutAStackTrace() throws Exception {
    assertThat(run("--count", "10000000", "--out", tmp.toString())).isEqualTo(2);
    assertThat(stderr())
        .contains("count must be between 0 and 9999999")
        .doesNotContain("Exception");
  }
}
