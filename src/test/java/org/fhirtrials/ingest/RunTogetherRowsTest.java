package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fhirtrials.ingest.RunTogetherRows.ArmRow;
import org.fhirtrials.ingest.RunTogetherRows.OutcomeRow;
import org.junit.jupiter.api.Test;

class RunTogetherRowsTest {
  @Test
  void splitsOutcomeAtAWordGluedToACapitalisedTimeFrame() {
    assertThat(
            RunTogetherRows.outcome("Adverse events/ Severe adverse eventsUp to 12 months", null))
        .isEqualTo(new OutcomeRow("Adverse events/ Severe adverse events", "Up to 12 months"));
    assertThat(RunTogetherRows.outcome("Quality of life (QoL)Up to 12 months", null))
        .isEqualTo(new OutcomeRow("Quality of life (QoL)", "Up to 12 months"));
  }

  @Test
  void doesNotSplitInsideMixedCaseAbbreviations() {
    assertThat(RunTogetherRows.outcome("Response by mRECIST and hTTP", null))
        .isEqualTo(new OutcomeRow("Response by mRECIST and hTTP", null));
  }

  @Test
  void splitsOutcomeAtALetterGluedToADuration() {
    assertThat(RunTogetherRows.outcome("ORR30 days after the last TACE treatment.", null))
        .isEqualTo(new OutcomeRow("ORR", "30 days after the last TACE treatment."));
    assertThat(RunTogetherRows.outcome("Yttrium-90 distributionWithin 24 hours", null))
        .isEqualTo(new OutcomeRow("Yttrium-90 distribution", "Within 24 hours"));
  }

  @Test
  void usesTheDescriptionRepeatingTheMeasureToSplitALowerCaseTimeFrame() {
    String measure = "Success rate of embolization technique for the target lesion";

    assertThat(RunTogetherRows.outcome(measure + "on the day of the surgery", measure))
        .isEqualTo(new OutcomeRow(measure, "on the day of the surgery"));
  }

  @Test
  void keepsARowWithNoBoundaryWhole() {
    assertThat(RunTogetherRows.outcome("overall survival at two years", "Survival"))
        .isEqualTo(new OutcomeRow("overall survival at two years", null));
  }

  @Test
  void splitsArmRowsByKnownInterventionNamesAndOtherRows() {
    List<ArmRow> rows =
        RunTogetherRows.armRows(
            List.of(
                "Arm oneDrug XGiven daily.", "Arm oneDrug YGiven daily.", "Something unreadable"),
            List.of("Drug X"));

    assertThat(rows)
        .containsExactly(
            new ArmRow("Arm one", "Drug X", "Given daily."),
            new ArmRow("Arm one", "Drug Y", "Given daily."),
            new ArmRow("Something unreadable", null, null));
  }

  @Test
  void findsTheInterventionAfterALabelThatRepeatsIt() {
    List<ArmRow> rows =
        RunTogetherRows.armRows(
            List.of("NRT6003 InjectionNRT6003 InjectionPatients get NRT6003 Injection, once."),
            List.of("NRT6003 Injection"));

    assertThat(rows)
        .containsExactly(
            new ArmRow(
                "NRT6003 Injection", "NRT6003 Injection", "Patients get NRT6003 Injection, once."));
  }
}
