package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;

class PackedTrialsTest {
  @Test
  void everyFieldSurvivesPacking() {
    Trial full = FullyPopulated.trial("NCT01234567");

    assertThat(PackedTrials.unpack(PackedTrials.pack(full), "NCT01234567")).isEqualTo(full);
  }

  @Test
  void theSeedTrialsComeBackEqualAndSmaller() {
    List<Trial> seeds = new ArrayList<>();
    new TrialReader().readSeeds(seeds::add);

    assertThat(seeds).hasSize(5);
    for (Trial t : seeds) {
      byte[] packed = PackedTrials.pack(t);
      assertThat(PackedTrials.unpack(packed, t.nctId())).as(t.nctId()).isEqualTo(t);
      assertThat(packed.length).as(t.nctId()).isLessThan(new TrialJson().write(t).length / 2);
    }
  }

  @Test
  void equalTrialsPackToEqualBytesAndAChangeChangesThem() {
    Trial a = FullyPopulated.trial("NCT01234567");

    assertThat(PackedTrials.pack(a))
        .isEqualTo(PackedTrials.pack(FullyPopulated.trial("NCT01234567")));
    assertThat(PackedTrials.pack(a))
        .isNotEqualTo(PackedTrials.pack(a.toBuilder().briefTitle("changed").build()));
  }

  @Test
  void truncatedBytesFailNamingTheTrial() {
    byte[] packed = PackedTrials.pack(FullyPopulated.trial("NCT01234567"));

    assertThatThrownBy(
            () -> PackedTrials.unpack(Arrays.copyOf(packed, packed.length / 2), "NCT01234567"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NCT01234567");
  }

  @Test
  void aPackedRecordEqualsTheSameRecordHeldAsATrial() {
    InMemoryTrialStore store = new InMemoryTrialStore();
    Trial t = FullyPopulated.trial("NCT01234567");

    StoredTrial answered = store.save(t);
    StoredTrial held = store.get("NCT01234567").orElseThrow();

    assertThat(held).isEqualTo(answered).hasSameHashCodeAs(answered);
    assertThat(held.trial()).isEqualTo(t).isNotSameAs(t);
    assertThat(store.save(t)).isEqualTo(held);
    assertThat(store.get("NCT01234567").orElseThrow().versionId()).isEqualTo(1);
  }
}
