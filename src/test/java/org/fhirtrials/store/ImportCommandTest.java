package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.fhirtrials.cli.ImportCommand;
import org.fhirtrials.synth.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void importsIntoTheConfiguredStoreAndPrintsASummary() throws Exception {
    Path data = tmp.resolve("data");
    new SyntheticRegistry(5, 1).generate(30, data, 10, n -> {});

    int code = run("--fhirtrials.store=memory", "--batch-size", "7", data.toString());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out))
        .contains("import: 30 studies in ")
        .contains("30 imported, 0 updated, 0 unchanged, 0 rejected; the store holds 30 trials");
    assertThat(text(err)).contains("kept only for this run");
  }

  @Test
  void listsRejectionsAndFailsWhenNothingCouldBeRead() throws Exception {
    int code = run("--fhirtrials.store=memory", tmp.resolve("nowhere.zip").toString());

    assertThat(code).isEqualTo(1);
    assertThat(text(out)).contains("1 rejected").contains("nowhere.zip: no such file or directory");
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhatIsWrong() throws Exception {
    assertThat(run()).isEqualTo(2);
    assertThat(text(err)).contains("no files, directories or zips to import");
    assertThat(run("--batch-size", "0", "x")).isEqualTo(2);
    assertThat(run("--frobnicate", "x")).isEqualTo(2);
    assertThat(text(err)).contains("unknown option --frobnicate").contains("usage:");
  }

  private int run(String... args) throws Exception {
    return new ImportCommand()
        .run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream s) {
    return s.toString(StandardCharsets.UTF_8);
  }
}
