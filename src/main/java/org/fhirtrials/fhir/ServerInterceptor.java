package org.fhirtrials.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-wide hooks of one base: unexpected exceptions become a 500 OperationOutcome without
 * internals (logged with an incident id), and the generated CapabilityStatement is described.
 */
@Interceptor
public final class ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(ServerInterceptor.class);

  private final VersionBinding binding;

  public ServerInterceptor(VersionBinding binding) {
    this.binding = binding;
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException outgoingException(
      RequestDetails request, Throwable exception) {
    if (exception instanceof BaseServerResponseException known && !isUnexpected(known)) {
      return FhirErrors.withOutcome(binding.context(), known);
    }
    String incident = UUID.randomUUID().toString();
    log.error(
        "Incident {} on {} {}",
        incident,
        request == null ? "?" : request.getRequestType(),
        request == null ? "?" : request.getCompleteUrl(),
        exception);
    return FhirErrors.internal(binding.context(), incident);
  }

  /** HAPI wraps a provider's unexpected exception into an InternalErrorException with a cause. */
  private static boolean isUnexpected(BaseServerResponseException e) {
    return e instanceof InternalErrorException && e.getCause() != null;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describe(IBaseConformance capabilityStatement) {
    binding.describe(capabilityStatement);
  }
}
