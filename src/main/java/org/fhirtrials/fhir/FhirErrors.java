package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.OperationOutcomeUtil;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;

/**
 * The one place errors are made: every error answer is a {@link BaseServerResponseException}
 * carrying an OperationOutcome with one issue whose diagnostics is the message.
 */
public final class FhirErrors {
  private FhirErrors() {}

  /** 404: no resource of that type with that id. */
  public static BaseServerResponseException notFound(FhirContext ctx, String type, String id) {
    String message = type + "/" + id + " is not known to this server";
    return new ResourceNotFoundException(message, outcome(ctx, message, "not-found"));
  }

  /** 400: the request is malformed or asks for something this server does not support. */
  public static BaseServerResponseException badRequest(FhirContext ctx, String message) {
    return new InvalidRequestException(message, outcome(ctx, message, "invalid"));
  }

  /** 500 without internals: the details go to the log under the incident id. */
  public static BaseServerResponseException internal(FhirContext ctx, String incidentId) {
    String message =
        "The server could not answer this request (incident " + incidentId + "); please retry";
    return new InternalErrorException(message, outcome(ctx, message, "exception"));
  }

  /**
   * Gives an error HAPI raised itself (unknown resource type, bad {@code _include}...) the same
   * OperationOutcome shape as ours; a 304 stays bodiless.
   */
  public static BaseServerResponseException withOutcome(
      FhirContext ctx, BaseServerResponseException e) {
    if (e.getOperationOutcome() == null && e.getStatusCode() >= 400) {
      e.setOperationOutcome(outcome(ctx, e.getMessage(), issueCode(e.getStatusCode())));
    }
    return e;
  }

  private static String issueCode(int status) {
    return switch (status) {
      case 404, 410 -> "not-found";
      case 405, 501 -> "not-supported";
      default -> status >= 500 ? "exception" : "invalid";
    };
  }

  private static IBaseOperationOutcome outcome(FhirContext ctx, String message, String code) {
    IBaseOperationOutcome oo = OperationOutcomeUtil.newInstance(ctx);
    OperationOutcomeUtil.addIssue(
        ctx, oo, OperationOutcomeUtil.OO_SEVERITY_ERROR, message, null, code);
    return oo;
  }
}
