package org.fhirtrials.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRegistryTest {
  @TempDir Path tmp;

  @Test
  void sameCountAndSeedGiveByteIdenticalFiles() throws IOException {
    Path a = Generated.write(120, 42, 50, tmp.resolve("a"));
    Path b = Generated.write(120, 42, 50, tmp.resolve("b"));

    List<Path> pagesA = Generated.pages(a);
    assertThat(pagesA.stream().map(p -> p.getFileName().toString()))
        .containsExactly("studies-00001.json", "studies-00002.json", "studies-00003.json");
    for (Path page : pagesA) {
      assertThat(Files.readAllBytes(page))
          .as(page.getFileName().toString())
          .isEqualTo(Files.readAllBytes(b.resolve(page.getFileName())));
    }
  }

  @Test
  void threadCountDoesNotChangeTheOutput() throws IOException {
    Path serial = tmp.resolve("serial");
    Path parallel = tmp.resolve("parallel");
    new SyntheticRegistry(9, 1).generate(70, serial, 10, w -> {});
    new SyntheticRegistry(9, 3).generate(70, parallel, 10, w -> {});

    List<Path> pages = Generated.pages(serial);
    assertThat(pages).hasSize(7);
    for (Path page : pages) {
      assertThat(Files.readAllBytes(parallel.resolve(page.getFileName())))
          .isEqualTo(Files.readAllBytes(page));
    }
  }

  @Test
  void progressIsReportedInPageOrder() throws IOException {
    List<Long> reported = new java.util.ArrayList<>();
    new SyntheticRegistry(9, 3).generate(25, tmp.resolve("progress"), 10, reported::add);

    assertThat(reported).containsExactly(10L, 20L, 25L);
  }

  @Test
  void studyIsTheSameWhateverTheCountAndPageSize() {
    List<JsonNode> small = Generated.studies(Generated.write(10, 7, 3, tmp.resolve("ten")));
    List<JsonNode> large = Generated.studies(Generated.write(50, 7, 1000, tmp.resolve("fifty")));

    assertThat(small).hasSize(10);
    assertThat(large).hasSize(50);
    assertThat(large.subList(0, 10)).isEqualTo(small);
  }

  @Test
  void differentSeedsGiveDifferentTrials() {
    List<JsonNode> one = Generated.studies(Generated.write(5, 1, 100, tmp.resolve("s1")));
    List<JsonNode> two = Generated.studies(Generated.write(5, 2, 100, tmp.resolve("s2")));

    assertThat(one.get(0).at("/protocolSection/identificationModule/nctId"))
        .isEqualTo(two.get(0).at("/protocolSection/identificationModule/nctId"));
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void pagesHoldAtMostPageSizeStudiesAndIdsFollowTheIndex() {
    Path dir = Generated.write(25, 3, 10, tmp.resolve("paged"));

    assertThat(Generated.pages(dir)).hasSize(3);
    List<JsonNode> studies = Generated.studies(dir);
    assertThat(studies).hasSize(25);
    assertThat(studies.get(0).at("/protocolSection/identificationModule/nctId").asText())
        .isEqualTo("NCT90000001");
    assertThat(studies.get(24).at("/protocolSection/identificationModule/nctId").asText())
        .isEqualTo("NCT90000025");
  }

  @Test
  void zeroStudiesWritesNoPages() {
    Path dir = Generated.write(0, 3, 10, tmp.resolve("empty"));

    assertThat(Generated.pages(dir)).isEmpty();
  }

  @Test
  void rejectsCountsAndPageSizesOutOfRange() {
    SyntheticRegistry registry = new SyntheticRegistry(1);

    assertThatThrownBy(() -> registry.generate(10_000_000L, tmp, 1000, w -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9999999");
    assertThatThrownBy(() -> registry.generate(10, tmp, 0, w -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page size");
    assertThatThrownBy(() -> registry.generate(100_000L, tmp, 1, w -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger page size");
  }

  @Test
  void nctIdsAreNct9PlusSevenDigits() {
    assertThat(StudyWriter.nctId(0)).isEqualTo("NCT90000001");
    assertThat(StudyWriter.nctId(1234)).isEqualTo("NCT90001235");
    assertThat(StudyWriter.nctId(9_999_998)).isEqualTo("NCT99999999");
  }
}
