package community.ivsrealtime.common;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ivsrealtime.model.AccessDeniedException;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.InternalServerException;
import software.amazon.awssdk.services.ivsrealtime.model.PendingVerificationException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * The one mapping from IVS Real-Time errors to CloudFormation handler error codes, for all types.
 * Used as {@code .handleError(Errors::toProgress)} in every call chain.
 *
 * <p>The FAILED event carries neither the model nor the callback context (which memoizes SDK requests and
 * responses, e.g. an ingest configuration's stream key): only the code and a message naming the operation,
 * the resource ARN and what the service said.
 */
public final class Errors {

    static final String PENDING_VERIFICATION_HINT = "The AWS account is pending verification: Amazon IVS refuses "
        + "to create or change resources until the account has been verified. Contact AWS Support to complete "
        + "the verification, then retry the stack operation.";

    /**
     * Error codes (HTTP 403) with which AWS's request authentication rejects the credentials themselves (unknown
     * access key, wrong secret, expired session token): InvalidCredentials, not AccessDenied, which says the
     * credentials are fine but lack a permission. (Every call here is signed, so a "missing authentication token"
     * answer means a wrong endpoint or path, not bad credentials: it stays AccessDenied.)
     */
    static final java.util.Set<String> REJECTED_CREDENTIALS = java.util.Set.of(
        "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch",
        "ExpiredToken", "ExpiredTokenException");

    /** Why a call was not sent or not answered in time. */
    static final String NO_TIME_LEFT = "the Lambda function's remaining time is spent (a reserve is kept to answer)";

    private Errors() {
    }

    /** A call not sent because the invocation's {@link Budget} is spent. */
    public static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfTime(final String message) {
            super(message);
        }
    }

    /** A handler error code and its message. */
    public record Failure(HandlerErrorCode code, String message) {
    }

    /** The call chain's error callback: maps the exception of one service call to a FAILED event. */
    public static <RequestT, ClientT, ModelT, CallbackT extends StdCallbackContext> ProgressEvent<ModelT, CallbackT>
        toProgress(final RequestT request, final Exception e, final ProxyClient<ClientT> client, final ModelT model,
                   final CallbackT context) {
        final Failure failure = classify(request, e);
        return ProgressEvent.failed(null, null, failure.code(), failure.message());
    }

    /** Maps an exception thrown by the service call made with {@code request}. */
    public static Failure classify(final Object request, final Throwable e) {
        final String what = describeCall(request);
        if (e instanceof AwsServiceException) {
            final AwsServiceException ase = (AwsServiceException) e;
            final String detail = serviceDetail(ase);
            if (e instanceof PendingVerificationException) {
                // Not AccessDenied: the caller's permissions are fine and changing IAM would not help.
                // Not InvalidRequest: the template is valid and the same request succeeds once the account
                // is verified. Not a retryable code (Throttling, ServiceInternalError, NetworkFailure): a
                // retry cannot succeed before the user acts. GeneralServiceException says "the service
                // refused for a reason of its own"; the message says what the user must do.
                return new Failure(HandlerErrorCode.GeneralServiceException,
                    what + " failed: " + PENDING_VERIFICATION_HINT + " (" + detail + ")");
            }
            final HandlerErrorCode code = codeFor(ase);
            return new Failure(code, what + " failed: " + detail);
        }
        if (e instanceof OutOfTime) {
            return new Failure(HandlerErrorCode.NetworkFailure, e.getMessage());
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new Failure(HandlerErrorCode.NetworkFailure, what + " failed: no answer from Amazon IVS Real-Time "
                + "in the time the Lambda function had left (" + e.getMessage() + ")");
        }
        if (e instanceof SdkClientException) {
            // A response that arrived but could not be parsed also has an IOException (the JSON parser's) as its
            // cause: it is not a network failure.
            if (String.valueOf(e.getMessage()).startsWith("Unable to unmarshall")) {
                return new Failure(HandlerErrorCode.ServiceInternalError,
                    what + " failed: Amazon IVS Real-Time answered with a response that could not be read: "
                        + e.getMessage());
            }
            if (hasCause(e, IOException.class)) {
                return new Failure(HandlerErrorCode.NetworkFailure,
                    what + " failed: could not reach Amazon IVS Real-Time: " + e.getMessage());
            }
            return new Failure(HandlerErrorCode.ServiceInternalError, what + " failed: " + e.getMessage());
        }
        return new Failure(HandlerErrorCode.InternalFailure,
            what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static HandlerErrorCode codeFor(final AwsServiceException e) {
        if (e.awsErrorDetails() != null && REJECTED_CREDENTIALS.contains(e.awsErrorDetails().errorCode())) {
            return HandlerErrorCode.InvalidCredentials;
        }
        if (e instanceof ValidationException) {
            return HandlerErrorCode.InvalidRequest;
        }
        if (e instanceof software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException) {
            return HandlerErrorCode.NotFound;
        }
        if (e instanceof ConflictException) {
            return HandlerErrorCode.ResourceConflict;
        }
        if (e instanceof ServiceQuotaExceededException) {
            return HandlerErrorCode.ServiceLimitExceeded;
        }
        if (e instanceof AccessDeniedException) {
            return HandlerErrorCode.AccessDenied;
        }
        if (e instanceof InternalServerException) {
            return HandlerErrorCode.ServiceInternalError;
        }
        // Codes without a class of their own (ThrottlingException, ...): the SDK has already retried
        // throttling and 5xx with backoff before this point.
        final int status = e.statusCode();
        if (e.isThrottlingException() || status == 429) {
            return HandlerErrorCode.Throttling;
        }
        if (status >= 500) {
            return HandlerErrorCode.ServiceInternalError;
        }
        switch (status) {
            case 400:
                return HandlerErrorCode.InvalidRequest;
            case 401:
            case 403:
                return HandlerErrorCode.AccessDenied;
            case 402:
                return HandlerErrorCode.ServiceLimitExceeded;
            case 404:
            case 410:
                return HandlerErrorCode.NotFound;
            case 409:
                return HandlerErrorCode.ResourceConflict;
            default:
                return HandlerErrorCode.GeneralServiceException;
        }
    }

    /** "GetStage on arn:..." from the SDK request (operation from the class name, ARN from the arn member). */
    static String describeCall(final Object request) {
        if (!(request instanceof SdkRequest)) {
            return "IVS Real-Time call";
        }
        final SdkRequest sdkRequest = (SdkRequest) request;
        final String operation = sdkRequest.getClass().getSimpleName().replaceFirst("Request$", "");
        final String arn = sdkRequest.getValueForField("arn", String.class)
            .or(() -> sdkRequest.getValueForField("resourceArn", String.class))
            .orElse(null);
        return arn == null ? operation : operation + " on " + arn;
    }

    private static String serviceDetail(final AwsServiceException e) {
        final String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return (code == null ? e.getClass().getSimpleName() : code) + ": " + message + " (HTTP " + e.statusCode() + ")";
    }

    private static boolean hasCause(final Throwable e, final Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
