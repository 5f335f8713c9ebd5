package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.RecruitmentStatus;
import org.junit.jupiter.api.Test;

/** The {@code $match} parameters that are parsed by hand: location, radius and token codes. */
class MatchParametersTest {
  @Test
  void nearIsLatPipeLon() {
    assertThat(MatchLocation.near("42.36|-71.06")).isEqualTo(new GeoPoint(42.36, -71.06));
    assertThat(MatchLocation.near(null)).isNull();
  }

  @Test
  void rejectsMalformedNear() {
    assertThatThrownBy(() -> MatchLocation.near("42.36,-71.06")).hasMessageContaining("lat|lon");
    assertThatThrownBy(() -> MatchLocation.near("42.36|-71.06|10|km"))
        .hasMessageContaining("travelRadius");
    assertThatThrownBy(() -> MatchLocation.near("abc|1")).hasMessageContaining("'abc'");
    assertThatThrownBy(() -> MatchLocation.near("1|NaN")).hasMessageContaining("'NaN'");
    assertThatThrownBy(() -> MatchLocation.near("0|181")).hasMessageContaining("longitude");
  }

  @Test
  void radiusIsKmUnlessMilesAreSaid() {
    assertThat(MatchLocation.radiusKm("50")).isEqualTo(50.0);
    assertThat(MatchLocation.radiusKm("50|km")).isEqualTo(50.0);
    assertThat(MatchLocation.radiusKm("10|mi"))
        .isCloseTo(16.09344, org.assertj.core.data.Offset.offset(1e-9));
    assertThatThrownBy(() -> MatchLocation.radiusKm("10|parsec")).hasMessageContaining("km or mi");
    assertThatThrownBy(() -> MatchLocation.radiusKm("-1")).hasMessageContaining("negative");
  }

  @Test
  void r4StatusCodeStandsForEveryRegistryStatusMappedToIt() {
    assertThat(MatchCodes.statuses(List.of("active"), "R4"))
        .containsExactlyInAnyOrder(
            RecruitmentStatus.RECRUITING,
            RecruitmentStatus.ENROLLING_BY_INVITATION,
            RecruitmentStatus.AVAILABLE);
    assertThat(MatchCodes.statuses(List.of("recruiting"), "R5"))
        .containsExactly(RecruitmentStatus.RECRUITING);
    assertThat(
            MatchCodes.statuses(
                List.of(
                    "https://fhirtrials.org/fhir/CodeSystem/ctgov-recruitment-status|SUSPENDED"),
                "R4"))
        .containsExactly(RecruitmentStatus.SUSPENDED);
  }

  @Test
  void rejectsStatusOfTheOtherVersionOrUnknownSystem() {
    assertThatThrownBy(() -> MatchCodes.statuses(List.of("recruiting"), "R4"))
        .hasMessageContaining("unknown status 'recruiting'");
    assertThatThrownBy(() -> MatchCodes.statuses(List.of("http://example.org|active"), "R4"))
        .hasMessageContaining("unknown system");
  }

  @Test
  void phaseIsTheExactServedCode() {
    assertThat(MatchCodes.phases(List.of())).isNull();
    assertThatThrownBy(() -> MatchCodes.phases(List.of("phase-9"))).hasMessageContaining("phase-9");
    assertThatThrownBy(() -> MatchCodes.phases(List.of("http://example.org|phase-2")))
        .hasMessageContaining("unknown system");
  }
}
