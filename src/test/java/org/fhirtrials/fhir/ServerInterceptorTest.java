package org.fhirtrials.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

class ServerInterceptorTest {
  private final ServerInterceptor interceptor = new ServerInterceptor(new R4Binding());

  @Test
  void unexpectedExceptionBecomesPlain500OperationOutcome() {
    BaseServerResponseException answer =
        interceptor.outgoingException(null, new NullPointerException("secret internals"));

    assertThat(answer.getStatusCode()).isEqualTo(500);
    String body =
        FhirContext.forR4Cached()
            .newJsonParser()
            .encodeResourceToString(answer.getOperationOutcome());
    assertThat(body).contains("OperationOutcome").contains("incident");
    assertThat(body).doesNotContain("secret internals").doesNotContain("NullPointerException");
  }

  @Test
  void wrappedProviderFailureIsAlsoHidden() {
    BaseServerResponseException answer =
        interceptor.outgoingException(
            null,
            new InternalErrorException(
                "Failed to call access method: boom", new IllegalStateException("boom")));

    assertThat(answer.getMessage()).doesNotContain("boom");
  }

  @Test
  void deliberateErrorsPassThrough() {
    BaseServerResponseException notFound =
        FhirErrors.notFound(FhirContext.forR4Cached(), "ResearchStudy", "NCT00000000");

    assertThat(interceptor.outgoingException(null, notFound)).isSameAs(notFound);
  }

  @Test
  void hapisOwnErrorsGetAnOperationOutcome() {
    BaseServerResponseException hapi =
        new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(
            "Unknown resource type 'Patient'");

    BaseServerResponseException answer = interceptor.outgoingException(null, hapi);

    assertThat(answer.getStatusCode()).isEqualTo(404);
    assertThat(
            FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(answer.getOperationOutcome()))
        .contains("Unknown resource type 'Patient'")
        .contains("not-found");
  }

  @Test
  void errorsCarryAnOperationOutcomeNamingTheProblem() {
    ResourceNotFoundException e =
        (ResourceNotFoundException)
            FhirErrors.notFound(FhirContext.forR5Cached(), "Group", "NCT00000000-eligibility");

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(
            FhirContext.forR5Cached()
                .newJsonParser()
                .encodeResourceToString(e.getOperationOutcome()))
        .contains("Group/NCT00000000-eligibility")
        .contains("not-found");
  }
}
