package community.ivsrealtime.handlers;

import static community.ivsrealtime.testing.Models.assertFailed;
import static community.ivsrealtime.testing.Models.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.IvsRealTimeEmulator;
import community.ivsrealtime.emulator.faults.Fault;
import community.ivsrealtime.local.HandlerRequest;
import community.ivsrealtime.local.HandlerResponse;
import community.ivsrealtime.testing.SharedEmulator;
import community.ivsrealtime.testing.TypeUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Error codes that tell the truth: NotFound only when the resource itself is missing (CloudFormation reads it as
 * "gone"); a reference to a resource that does not exist is the template's mistake, InvalidRequest naming the
 * property and the ARN; and the mapping by HTTP status of errors that have no SDK exception class of their own,
 * reached end to end (errors injected at the endpoint).
 */
class ErrorCodesTest {

    private static final String NO_STAGE = "arn:aws:ivs:us-east-1:123456789012:stage/doesNotExist1";
    private static final String NO_STORAGE = "arn:aws:ivs:us-east-1:123456789012:storage-configuration/doesNotExist1";

    private IvsRealTimeEmulator endpoint;

    @BeforeEach
    void reset() {
        endpoint = SharedEmulator.reset();
    }

    private static HandlerResponse create(final TypeUnderTest type, final ObjectNode input) {
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(input));
        assertSuccess(created);
        return created;
    }

    private static HandlerResponse read(final TypeUnderTest type, final String arn) {
        return type.invoker().invoke(type.request("READ").properties(HandlerRequest.JSON.createObjectNode().put("Arn", arn)));
    }

    @Test
    void anIngestConfigurationMovedToAnUnknownStageIsInvalidRequestNamingStageArn() {
        final TypeUnderTest type = TypeUnderTest.INGEST_CONFIGURATION;
        final HandlerResponse created = create(type, type.createInput());

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(type.createInput().put("Arn", created.arn()).put("StageArn", NO_STAGE))
            .previousProperties(created.model()));

        assertFailed(updated, "InvalidRequest");
        assertThat(updated.message()).contains("StageArn " + NO_STAGE).contains("UpdateIngestConfiguration");
        assertSuccess(read(type, created.arn()));
    }

    @Test
    void aStageRecordingIntoAnUnknownStorageConfigurationIsInvalidRequestNamingIt() {
        final TypeUnderTest type = TypeUnderTest.STAGE;
        final HandlerResponse created = create(type, type.createInput());
        final ObjectNode desired = type.createInput().put("Arn", created.arn());
        desired.putObject("AutoParticipantRecordingConfiguration").put("StorageConfigurationArn", NO_STORAGE);

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE").properties(desired)
            .previousProperties(created.model()));

        assertFailed(updated, "InvalidRequest");
        assertThat(updated.message())
            .contains("AutoParticipantRecordingConfiguration.StorageConfigurationArn " + NO_STORAGE);
        assertSuccess(read(type, created.arn()));
    }

    /** The same update of a resource that is gone: NotFound (the update call's 404 is about the resource itself). */
    @Test
    void anUpdateCallOfADeletedResourceIsNotFound() {
        final TypeUnderTest type = TypeUnderTest.STAGE;
        final HandlerResponse created = create(type, type.createInput());
        assertSuccess(type.invoker().invoke(type.request("DELETE")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn()))));

        final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
            .properties(type.createInput().put("Arn", created.arn()).put("Name", "renamed"))
            .previousProperties(created.model()));

        assertFailed(updated, "NotFound");
        assertThat(endpoint.calls().count("UpdateStage")).isEqualTo(1);
    }

    /** A create call answered 404 cannot be about the resource, which does not exist yet. */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void aCreateAnswered404IsInvalidRequest(final TypeUnderTest type) {
        endpoint.faults().inject(Fault.operation(type.createOp).status(404).errorCode("ResourceNotFoundException")
            .message("Stage not found: " + NO_STAGE).times(1));

        final HandlerResponse response = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));

        assertFailed(response, "InvalidRequest");
        assertThat(response.message()).contains(NO_STAGE);
    }

    /**
     * Errors without an SDK exception class of their own are mapped by HTTP status (Errors.codeFor), for every
     * action's call. Retried statuses (429, 5xx) are injected for good.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "400, UnmodeledBadRequestException, InvalidRequest",
        "401, UnmodeledUnauthorizedException, AccessDenied",
        "402, UnmodeledPaymentException, ServiceLimitExceeded",
        "403, UnmodeledForbiddenException, AccessDenied",
        "404, UnmodeledNotFoundException, NotFound",
        "409, UnmodeledConflictException, ResourceConflict",
        "410, UnmodeledGoneException, NotFound",
        "418, UnmodeledTeapotException, GeneralServiceException",
        "429, UnmodeledTooManyException, Throttling",
        "500, UnmodeledInternalException, ServiceInternalError",
        "502, UnmodeledBadGatewayException, ServiceInternalError"})
    void errorsWithoutAnSdkClassAreMappedByStatus(final int status, final String code, final String expected) {
        final TypeUnderTest type = TypeUnderTest.ENCODER_CONFIGURATION;
        final HandlerResponse created = create(type, type.createInput());
        endpoint.faults().inject(Fault.operation(type.getOp).status(status).errorCode(code).message("injected " + status));

        final HandlerResponse response = read(type, created.arn());

        assertFailed(response, expected);
        assertThat(response.message()).contains(code).contains("HTTP " + status);
    }
}
