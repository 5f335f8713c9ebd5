package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class FhirServerAllowListTest {
  private final FhirServerAllowList list =
      new FhirServerAllowList(
          List.of("https://EHR.example.org/fhir/", "http://127.0.0.1:8089/fhir"));

  private static int status(FhirServerAllowList l, String url) {
    try {
      l.check(URI.create(url));
      return 200;
    } catch (CdsException e) {
      return e.status();
    }
  }

  @Test
  void allowsAListedBaseAndPathsBelowIt() {
    assertThat(status(list, "https://ehr.example.org/fhir")).isEqualTo(200);
    assertThat(status(list, "https://ehr.example.org:443/fhir/")).isEqualTo(200);
    assertThat(status(list, "https://ehr.example.org/fhir/tenant-a")).isEqualTo(200);
    assertThat(status(list, "http://127.0.0.1:8089/fhir")).isEqualTo(200);
  }

  @Test
  void refusesEverythingElseWith412BeforeAnyConnection() {
    assertThat(status(list, "https://ehr.example.org/fhir-evil")).isEqualTo(412);
    assertThat(status(list, "https://ehr.example.org/")).isEqualTo(412);
    assertThat(status(list, "http://ehr.example.org/fhir"))
        .as("https only as listed")
        .isEqualTo(412);
    assertThat(status(list, "https://ehr.example.org:8443/fhir")).isEqualTo(412);
    assertThat(status(list, "https://ehr.example.org.evil.com/fhir")).isEqualTo(412);
    assertThat(status(list, "http://169.254.169.254/latest/meta-data")).isEqualTo(412);
    assertThat(status(list, "http://127.0.0.1:8090/fhir")).isEqualTo(412);
  }

  @Test
  void refusesUrlsThatAreNotPlainBasesWith400() {
    assertThat(status(list, "https://user@ehr.example.org/fhir")).isEqualTo(400);
    assertThat(status(list, "https://ehr.example.org/fhir/../admin")).isEqualTo(400);
    assertThat(status(list, "https://ehr.example.org/fhir/%2e%2e/admin")).isEqualTo(400);
    assertThat(status(list, "https://ehr.example.org/fhir?x=1")).isEqualTo(400);
    assertThat(status(list, "file:///etc/passwd")).isEqualTo(400);
  }

  @Test
  void anEmptyListAllowsNoServerAndSaysHowToFixIt() {
    FhirServerAllowList none = new FhirServerAllowList(List.of());
    assertThatThrownBy(() -> none.check(URI.create("https://ehr.example.org/fhir")))
        .isInstanceOf(CdsException.class)
        .hasMessageContaining("not on this service's allow-list (none configured)")
        .hasMessageContaining("fhirtrials.cds.fetch.allowed-servers");
  }

  @Test
  void aMalformedEntryFailsAtStartup() {
    assertThatThrownBy(() -> new FhirServerAllowList(List.of("ftp://ehr.example.org/fhir")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fhirtrials.cds.fetch.allowed-servers");
    assertThatCode(() -> new FhirServerAllowList(List.of("https://ehr.example.org")))
        .doesNotThrowAnyException();
  }
}
