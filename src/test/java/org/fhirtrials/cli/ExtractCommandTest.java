package org.fhirtrials.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fhirtrials.mapping.FhirUrls;
import org.fhirtrials.mapping.GroupJson;
import org.fhirtrials.mapping.GroupJson.Characteristic;
import org.fhirtrials.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  private static final Path SEED_PAGE = Path.of("src/main/resources/seeds/NCT06310590.txt");

  /** The outcome of one run. */
  private record Run(int code, String out, String err) {
    GroupJson group() {
      return GroupJson.parse(out);
    }
  }

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExtractCommand command =
        new ExtractCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    int code =
        command.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheR4GroupOfASeedPageByDefault() {
    Run r = run("", SEED_PAGE.toString());
    assertThat(r.code()).as(r.err()).isZero();
    GroupJson g = r.group();
    assertThat(g.root().path("resourceType").asText()).isEqualTo("Group");
    assertThat(g.root().path("id").asText()).isEqualTo("NCT06310590-eligibility");
    assertThat(g.root().path("actual").asBoolean(true)).isFalse();
    assertThat(r.out()).contains("\n  \"type\"");
    Characteristic ecog = g.constraint("inc-6", "89247-1");
    assertThat(ecog.value("Quantity").path("comparator").asText()).isEqualTo("<=");
  }

  @Test
  void printsTheR5GroupWhenAsked() {
    Run r = run("", "--fhir-version", "r5", SEED_PAGE.toString());
    assertThat(r.code()).as(r.err()).isZero();
    GroupJson g = r.group();
    assertThat(g.root().path("membership").asText()).isEqualTo("definitional");
    assertThat(g.root().has("actual")).isFalse();
    assertThat(g.constraint("inc-8.1", "777-3").computable()).isTrue();
  }

  @Test
  void readsAClinicalTrialsGovStudy() {
    Path study = SharedData.require("ctgov-v2").resolve("mitre/NCT02513394.json");
    assumeTrue(Files.isRegularFile(study), study + " absent");
    Run r = run("", "--fhir-version=r5", study.toString());
    assertThat(r.code()).as(r.err()).isZero();
    GroupJson g = r.group();
    assertThat(g.root().path("id").asText()).isEqualTo("NCT02513394-eligibility");
    assertThat(g.characteristics())
        .anySatisfy(
            c -> {
              assertThat(c.code()).isEqualTo("89247-1");
              assertThat(c.computable()).isTrue();
            });
  }

  @Test
  void readsPlainCriteriaTextFromStandardInput() {
    String text =
        "Inclusion Criteria:\n"
            + "* Age >= 18 years\n"
            + "* Platelets >= 100 x 10^9/L\n"
            + "\n"
            + "Exclusion Criteria:\n"
            + "* Pregnant or breastfeeding\n";
    Run r = run(text, "-");
    assertThat(r.code()).as(r.err()).isZero();
    GroupJson g = r.group();
    assertThat(g.root().path("id").asText()).isEqualTo("stdin-eligibility");
    assertThat(g.criterion("inc-2").text()).isEqualTo("Platelets >= 100 x 10^9/L");
    Characteristic platelets = g.constraint("inc-2", "777-3");
    assertThat(platelets.value("Quantity").path("code").asText()).isEqualTo("10*9/L");
    assertThat(platelets.value("Quantity").path("value").asInt()).isEqualTo(100);
    Characteristic pregnant = g.constraint("exc-1", "82810-3");
    assertThat(pregnant.exclude()).isTrue();
    assertThat(g.criterion("exc-1").simple(FhirUrls.EXT_CRITERION_LOGIC, "Code"))
        .isEqualTo("any-of");
  }

  @Test
  void usageErrorsExitWithTwo() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--fhir-version", "r6", "-"},
            new String[] {"--fhir-version"},
            new String[] {"--bogus", "-"},
            new String[] {"a.json", "b.json"})) {
      Run r = run("", args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).contains("usage: extract");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void unreadableInputExitsWithOneAndTheReason(@TempDir Path dir) throws Exception {
    Run missing = run("", dir.resolve("nothing.json").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nothing.json").contains("no such file");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"protocolSection\": ");
    Run json = run("", broken.toString());
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.err()).contains("broken.json");
    assertThat(json.out()).isEmpty();

    Run empty = run("  \n", "-");
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.err()).contains("<stdin>").contains("empty input");

    Run page = run("Some page about NCT01234567 in no known layout\n", "-");
    assertThat(page.code()).isEqualTo(1);
    assertThat(page.err()).contains("unknown seed page layout");
  }

  @Test
  void isRegisteredInTheCli() {
    assertThat(Cli.find(new String[] {"extract"})).containsInstanceOf(ExtractCommand.class);
  }
}
