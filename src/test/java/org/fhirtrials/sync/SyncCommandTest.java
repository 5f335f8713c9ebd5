package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fhirtrials.cli.Cli;
import org.fhirtrials.cli.SyncCommand;
import org.fhirtrials.store.TestDatabase;
import org.fhirtrials.sync.CtgovStandIn.Fault;
import org.junit.jupiter.api.Test;

/** {@code java -jar fhir-trials.jar sync ...} against the API stand-in. */
class SyncCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void isRegisteredAsACommand() {
    assertThat(Cli.find(new String[] {"sync"})).get().isInstanceOf(SyncCommand.class);
  }

  @Test
  void syncsIntoTheConfiguredStoreWithProgressAndASummary() throws Exception {
    try (CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      int code =
          run(
              "--fhirtrials.store=memory",
              "--base-url",
              standIn.baseUrl().toString(),
              "--page-size",
              "15",
              "--requests-per-minute",
              "6000");

      assertThat(code).as(text(err)).isZero();
      assertThat(text(err))
          .contains("kept only for this run")
          .contains("every study")
          .contains("sync: page 1, 15/40 studies (15 new")
          .contains("sync: page 3, 40/40 studies");
      assertThat(text(out))
          .contains("sync: 40 studies in 3 pages (3 requests, 0 retried)")
          .contains("40 imported, 0 updated, 0 unchanged, 0 rejected")
          .contains("the store holds 40 trials");
    }
  }

  @Test
  void aRunThatCannotCompleteExitsWithOneAndSaysTheWatermarkIsUnchanged() throws Exception {
    try (CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      standIn.failAfter(1, Fault.UNAVAILABLE);
      int code =
          run(
              "--fhirtrials.store=memory",
              "--base-url",
              standIn.baseUrl().toString(),
              "--page-size",
              "15",
              "--requests-per-minute",
              "6000",
              "--max-attempts",
              "2");

      assertThat(code).isEqualTo(1);
      assertThat(text(err))
          .contains("attempt 1/2 failed (HTTP 503")
          .contains("failed after 2 attempts; last error: HTTP 503")
          .contains("the watermark is unchanged");
    }
  }

  @Test
  void theNextRunOnPostgresAsksOnlyForStudiesUpdatedSinceTheLastOne() throws Exception {
    try (TestDatabase db = TestDatabase.start();
        CtgovStandIn standIn = CtgovStandIn.start(RecordedStudies.synthetic(40, 3))) {
      List<String> args = new ArrayList<>(db.storeArgs());
      args.addAll(
          List.of("--base-url", standIn.baseUrl().toString(), "--requests-per-minute", "6000"));
      assertThat(run(args.toArray(String[]::new))).as(text(err)).isZero();
      assertThat(text(out)).contains("40 imported");

      assertThat(run(args.toArray(String[]::new))).as(text(err)).isZero();

      LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(1);
      assertThat(text(err)).contains("studies updated since " + since);
      assertThat(standIn.requests().get(standIn.requests().size() - 1).params())
          .containsEntry("query.term", "AREA[LastUpdatePostDate]RANGE[" + since + ",MAX]");
      assertThat(text(out)).contains("the store holds 40 trials");
    }
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    assertThat(run("--page-size", "5000")).isEqualTo(2);
    assertThat(text(err)).contains("page size must be between 1 and 1000");
    assertThat(run("--since", "yesterday")).isEqualTo(2);
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(text(err)).contains("unknown argument --frobnicate").contains("usage:");
  }

  private int run(String... args) throws Exception {
    out.reset();
    err.reset();
    return new SyncCommand()
        .run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream s) {
    return s.toString(StandardCharsets.UTF_8);
  }
}
