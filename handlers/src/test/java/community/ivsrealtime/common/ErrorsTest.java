package community.ivsrealtime.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ivsrealtime.model.AccessDeniedException;
import software.amazon.awssdk.services.ivsrealtime.model.ConflictException;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.InternalServerException;
import software.amazon.awssdk.services.ivsrealtime.model.IvsRealTimeException;
import software.amazon.awssdk.services.ivsrealtime.model.ListStagesRequest;
import software.amazon.awssdk.services.ivsrealtime.model.PendingVerificationException;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ivsrealtime.model.TagResourceRequest;
import software.amazon.awssdk.services.ivsrealtime.model.ValidationException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.StdCallbackContext;

class ErrorsTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";
    private static final GetStageRequest GET = GetStageRequest.builder().arn(ARN).build();

    private static <B extends AwsServiceException.Builder> AwsServiceException error(final B builder, final String code,
                                                                                      final int status) {
        builder.statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("the service says " + code).build());
        return (AwsServiceException) builder.build();
    }

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
            Arguments.of(error(ValidationException.builder(), "ValidationException", 400), HandlerErrorCode.InvalidRequest),
            Arguments.of(error(ResourceNotFoundException.builder(), "ResourceNotFoundException", 404), HandlerErrorCode.NotFound),
            Arguments.of(error(ConflictException.builder(), "ConflictException", 409), HandlerErrorCode.ResourceConflict),
            Arguments.of(error(ServiceQuotaExceededException.builder(), "ServiceQuotaExceededException", 402),
                HandlerErrorCode.ServiceLimitExceeded),
            Arguments.of(error(AccessDeniedException.builder(), "AccessDeniedException", 403), HandlerErrorCode.AccessDenied),
            Arguments.of(error(InternalServerException.builder(), "InternalServerException", 500),
                HandlerErrorCode.ServiceInternalError),
            Arguments.of(error(IvsRealTimeException.builder(), "ThrottlingException", 429), HandlerErrorCode.Throttling),
            Arguments.of(error(IvsRealTimeException.builder(), "ThrottlingException", 400), HandlerErrorCode.Throttling),
            Arguments.of(error(IvsRealTimeException.builder(), "ServiceUnavailable", 503), HandlerErrorCode.ServiceInternalError),
            Arguments.of(error(IvsRealTimeException.builder(), "SomethingElse", 404), HandlerErrorCode.NotFound),
            Arguments.of(error(IvsRealTimeException.builder(), "SomethingElse", 409), HandlerErrorCode.ResourceConflict),
            Arguments.of(error(IvsRealTimeException.builder(), "SomethingElse", 418), HandlerErrorCode.GeneralServiceException),
            Arguments.of(error(IvsRealTimeException.builder(), "ExpiredTokenException", 403),
                HandlerErrorCode.InvalidCredentials),
            Arguments.of(error(IvsRealTimeException.builder(), "UnrecognizedClientException", 403),
                HandlerErrorCode.InvalidCredentials),
            Arguments.of(error(IvsRealTimeException.builder(), "SomethingElse", 403), HandlerErrorCode.AccessDenied));
    }

    @ParameterizedTest
    @MethodSource("serviceErrors")
    void mapsServiceErrorsAndNamesOperationArnAndServiceMessage(final AwsServiceException e, final HandlerErrorCode code) {
        final Errors.Failure failure = Errors.classify(GET, e);

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.message())
            .startsWith("GetStage on " + ARN + " failed: ")
            .contains(e.awsErrorDetails().errorCode(), "the service says", "HTTP " + e.statusCode());
    }

    @Test
    void pendingVerificationSaysTheAccountMustBeVerified() {
        final Errors.Failure failure = Errors.classify(GET,
            error(PendingVerificationException.builder(), "PendingVerification", 403));

        assertThat(failure.code()).isEqualTo(HandlerErrorCode.GeneralServiceException);
        assertThat(failure.message()).contains("pending verification", "verified", "PendingVerification");
    }

    @Test
    void networkFailuresAndOtherClientErrors() {
        assertThat(Errors.classify(GET, SdkClientException.create("connect failed", new IOException("refused"))).code())
            .isEqualTo(HandlerErrorCode.NetworkFailure);
        assertThat(Errors.classify(GET, SdkClientException.create("Unable to unmarshall response")).code())
            .isEqualTo(HandlerErrorCode.ServiceInternalError);
        // as the SDK raises it: the JSON parser's exception, an IOException, is the cause
        assertThat(Errors.classify(GET, SdkClientException.create("Unable to unmarshall response (Unexpected character)",
                new IOException("Unexpected character ('<')"))))
            .satisfies(f -> assertThat(f.code()).isEqualTo(HandlerErrorCode.ServiceInternalError))
            .satisfies(f -> assertThat(f.message()).contains("could not be read").doesNotContain("could not reach"));
        assertThat(Errors.classify(GET, new IllegalStateException("bug")))
            .satisfies(f -> assertThat(f.code()).isEqualTo(HandlerErrorCode.InternalFailure))
            .satisfies(f -> assertThat(f.message()).contains("IllegalStateException", "bug"));
    }

    @Test
    void describesCallsWithAndWithoutArn() {
        assertThat(Errors.describeCall(TagResourceRequest.builder().resourceArn(ARN).build()))
            .isEqualTo("TagResource on " + ARN);
        assertThat(Errors.describeCall(ListStagesRequest.builder().build())).isEqualTo("ListStages");
        assertThat(Errors.describeCall(null)).isEqualTo("IVS Real-Time call");
    }

    @Test
    void failedEventCarriesNoModelNoContextButCodeAndMessage() {
        final ProgressEvent<String, StdCallbackContext> event = Errors.toProgress(GET,
            error(ResourceNotFoundException.builder(), "ResourceNotFoundException", 404), null, "model",
            new StdCallbackContext());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).isNotBlank();
        assertThat(event.getResourceModel()).isNull();
        assertThat(event.getCallbackContext()).isNull();
        assertThat(event.getCallbackDelaySeconds()).isZero();
    }
}
