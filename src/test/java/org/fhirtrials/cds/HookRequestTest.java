package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HookRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode valid() {
    ObjectNode r = JSON.createObjectNode();
    r.put("hook", "patient-view").put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    r.putObject("context").put("userId", "Practitioner/example").put("patientId", "1288992");
    return r;
  }

  @Test
  void readsAValidRequest() {
    ObjectNode r = valid().put("fhirServer", "https://ehr.example.org/fhir");
    r.putObject("fhirAuthorization").put("access_token", "t");
    r.putObject("prefetch").putNull("conditions");
    HookRequest h = HookRequest.parse(r);
    assertThat(h.patientId()).isEqualTo("1288992");
    assertThat(h.accessToken()).isEqualTo("t");
    assertThat(h.prefetch().get("conditions").isNull()).isTrue();
  }

  @Test
  void rejectsTokensWithoutAServerAndRelativeServers() {
    ObjectNode r = valid();
    r.putObject("fhirAuthorization").put("access_token", "t");
    assertBad(r, "fhirAuthorization is given without fhirServer");
    assertBad(valid().put("fhirServer", "/fhir"), "absolute http(s) base URL");
  }

  @Test
  void rejectsServersThatCouldCarryTheTokenElsewhere() {
    assertBad(valid().put("fhirServer", "file:///etc/passwd"), "absolute http(s) base URL");
    assertBad(valid().put("fhirServer", "gopher://ehr.example.org/fhir"), "http(s)");
    assertBad(valid().put("fhirServer", "https://user:pw@ehr.example.org/fhir"), "user info");
    assertBad(valid().put("fhirServer", "https://ehr.example.org/fhir?x=1"), "query");
    assertBad(valid().put("fhirServer", "https://ehr.example.org/fhir#a"), "fragment");
  }

  @Test
  void rejectsMalformedContext() {
    ObjectNode r = valid();
    ((ObjectNode) r.get("context")).put("userId", "example");
    assertBad(r, "context.userId must be a relative reference");
    ObjectNode p = valid();
    ((ObjectNode) p.get("context")).put("patientId", "a b/c");
    assertBad(p, "not a FHIR id");
    assertBad(valid().put("hookInstance", "d1577c69dfbe44adba6d3e05e953b2ea"), "UUID");
    ObjectNode n = valid();
    n.put("prefetch", "x");
    assertBad(n, "prefetch must be an object");
  }

  private static void assertBad(ObjectNode r, String message) {
    assertThatThrownBy(() -> HookRequest.parse(r))
        .isInstanceOfSatisfying(CdsException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining(message);
  }
}
