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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every IVS error the handlers map, injected with the local endpoint's fault API and observed through
 * HandlerWrapper.handleRequest: the FAILED response's error code and a message naming what went wrong.
 */
class ErrorMappingTest {

    private IvsRealTimeEmulator emulator;

    @BeforeEach
    void resetEndpoint() {
        emulator = SharedEmulator.reset();
    }

    /** Wire error code, HTTP status, expected HandlerErrorCode. */
    static Stream<Arguments> errors() {
        final List<Arguments> cases = new ArrayList<>();
        for (final TypeUnderTest type : TypeUnderTest.values()) {
            cases.add(Arguments.of(type, "ValidationException", 400, "InvalidRequest"));
            cases.add(Arguments.of(type, "ResourceNotFoundException", 404, "NotFound"));
            cases.add(Arguments.of(type, "ConflictException", 409, "ResourceConflict"));
            cases.add(Arguments.of(type, "ServiceQuotaExceededException", 402, "ServiceLimitExceeded"));
            cases.add(Arguments.of(type, "AccessDeniedException", 403, "AccessDenied"));
            cases.add(Arguments.of(type, "PendingVerification", 403, "GeneralServiceException"));
        }
        return cases.stream();
    }

    private HandlerResponse readExisting(final TypeUnderTest type) {
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertSuccess(created);
        return type.invoker().invoke(type.request("READ")
            .properties(HandlerRequest.JSON.createObjectNode().put("Arn", created.arn())));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void mapsServiceErrorsOnRead(final TypeUnderTest type, final String code, final int status, final String expected) {
        emulator.faults().inject(Fault.operation(type.getOp).status(status).errorCode(code).message("injected " + code));

        final HandlerResponse response = readExisting(type);

        assertFailed(response, expected);
        assertThat(response.message()).contains(type.getOp, code);
        assertThat(response.model()).isNull();
        if (code.equals("PendingVerification")) {
            assertThat(response.message()).contains("pending verification", "verified");
        } else {
            assertThat(response.message()).contains("injected " + code);
        }
    }

    /**
     * Credentials the service does not accept (unknown access key, wrong secret) are InvalidCredentials, not
     * AccessDenied (which means: valid credentials lacking a permission).
     */
    @Test
    void rejectedCallerCredentialsMapToInvalidCredentials() {
        final TypeUnderTest type = TypeUnderTest.STAGE;
        final ObjectNode model = HandlerRequest.JSON.createObjectNode().put("Arn", type.missingArn());

        final HandlerResponse wrongSecret = type.invoker().invoke(type.request("READ").properties(model)
            .callerCredentials(IvsRealTimeEmulator.DEFAULT_ACCESS_KEY_ID, "not-the-secret", "token"));
        assertFailed(wrongSecret, "InvalidCredentials");
        assertThat(wrongSecret.message()).contains("GetStage", "InvalidSignatureException").doesNotContain("not-the-secret");

        final HandlerResponse unknownKey = type.invoker().invoke(type.request("READ").properties(model)
            .callerCredentials("AKIAUNKNOWNKEY000000", IvsRealTimeEmulator.DEFAULT_SECRET_ACCESS_KEY, "token"));
        assertFailed(unknownKey, "InvalidCredentials");
        assertThat(unknownKey.message()).contains("UnrecognizedClientException");
    }

    /** One type suffices (the mapping is common code); the SDK's backoff makes each case take seconds. */
    @ParameterizedTest
    @EnumSource(value = TypeUnderTest.class, names = "INGEST_CONFIGURATION")
    void throttlingIsRetriedByTheSdkThenMapsToThrottling(final TypeUnderTest type) {
        emulator.faults().inject(Fault.operation(type.getOp).status(429).errorCode("ThrottlingException")
            .message("Rate exceeded"));

        final HandlerResponse response = readExisting(type);

        assertFailed(response, "Throttling");
        assertThat(response.message()).contains("ThrottlingException", "Rate exceeded");
        assertThat(emulator.calls().count(type.getOp)).as("attempts").isGreaterThan(1);
    }

    @Test
    void throttlingThatEndsWithinTheSdkRetriesSucceeds() {
        final TypeUnderTest type = TypeUnderTest.STAGE;
        emulator.faults().inject(Fault.operation(type.getOp).status(429).errorCode("ThrottlingException").times(1));

        final HandlerResponse response = readExisting(type);

        assertSuccess(response);
        assertThat(emulator.calls().count(type.getOp)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void serverErrorsMapToServiceInternalError(final TypeUnderTest type) {
        emulator.faults().inject(Fault.operation(type.getOp).status(500).errorCode("InternalServerException")
            .message("boom"));

        final HandlerResponse response = readExisting(type);

        assertFailed(response, "ServiceInternalError");
        assertThat(response.message()).contains("InternalServerException", "boom");
        assertThat(emulator.calls().count(type.getOp)).as("attempts").isGreaterThan(1);
    }

    @Test
    void anUnmodelledServerErrorMapsToServiceInternalError() {
        emulator.faults().inject(Fault.operation("GetStage").status(503).errorCode("ServiceUnavailable"));

        assertFailed(readExisting(TypeUnderTest.STAGE), "ServiceInternalError");
    }

    @Test
    void aDroppedConnectionMapsToNetworkFailure() {
        emulator.faults().inject(Fault.operation("GetStage").dropConnection());

        final HandlerResponse response = readExisting(TypeUnderTest.STAGE);

        assertFailed(response, "NetworkFailure");
        assertThat(response.message()).contains("GetStage");
    }

    /** Each action's own call maps its errors the same way. */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void errorsOfCreateUpdateDeleteAndListCalls(final TypeUnderTest type) {
        emulator.faults().inject(Fault.operation(type.createOp).status(402)
            .errorCode("ServiceQuotaExceededException").message("quota reached"));
        final HandlerResponse create = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertFailed(create, "ServiceLimitExceeded");
        assertThat(create.message()).contains(type.createOp, "quota reached");
        emulator.faults().clear();

        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertSuccess(created);

        emulator.faults().inject(Fault.operation("TagResource").status(409).errorCode("ConflictException")
            .message("busy"));
        final ObjectNode desired = type.updateInput().put("Arn", created.arn());
        final HandlerResponse update = type.invoker().invoke(type.request("UPDATE").properties(desired)
            .previousProperties(created.model()));
        assertFailed(update, "ResourceConflict");
        assertThat(update.message()).contains("TagResource on " + created.arn(), "busy");

        emulator.faults().inject(Fault.operation(type.deleteOp).status(409).errorCode("ConflictException")
            .message("in use"));
        final HandlerResponse delete = type.invoker().invoke(type.request("DELETE").properties(created.model()));
        assertFailed(delete, "ResourceConflict");
        assertThat(delete.message()).contains(type.deleteOp, created.arn(), "in use");

        emulator.faults().inject(Fault.operation(type.listOp).status(403).errorCode("AccessDeniedException")
            .message("not allowed"));
        final HandlerResponse list = type.invoker().invoke(type.request("LIST"));
        assertFailed(list, "AccessDenied");
        assertThat(list.message()).contains(type.listOp, "not allowed");
    }

    @ParameterizedTest
    @EnumSource(value = TypeUnderTest.class, names = {"STAGE", "INGEST_CONFIGURATION"})
    void errorsOfTheUpdateCall(final TypeUnderTest type) {
        final HandlerResponse created = type.invoker().invoke(type.request("CREATE").properties(type.createInput()));
        assertSuccess(created);
        emulator.faults().inject(Fault.operation(type.updateOp).status(400).errorCode("ValidationException")
            .message("bad value"));
        final ObjectNode desired = type.createInput().put("Arn", created.arn());
        desired.put(type == TypeUnderTest.STAGE ? "Name" : "StageArn",
            type == TypeUnderTest.STAGE ? "other-name" : "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh");

        final HandlerResponse update = type.invoker().invoke(type.request("UPDATE").properties(desired)
            .previousProperties(created.model()));

        assertFailed(update, "InvalidRequest");
        assertThat(update.message()).contains(type.updateOp + " on " + created.arn(), "bad value");
    }

    /**
     * An identifier that cannot name a resource of the type (another type's ARN, or no ARN at all) is a
     * resource that does not exist: READ and DELETE fail NotFound without a call, so that a DELETE of it is
     * "already gone". UPDATE never gets that far: the plugin's schema validation refuses the model first,
     * naming the Arn's value and pattern.
     */
    @ParameterizedTest
    @EnumSource(TypeUnderTest.class)
    void anArnOfAnotherTypeOrNoArnAtAllIsNotFoundWithoutACall(final TypeUnderTest type) {
        final TypeUnderTest other = TypeUnderTest.values()[(type.ordinal() + 1) % TypeUnderTest.values().length];
        for (final String arn : List.of(other.missingArn(), "garbage", type.missingArn().replaceAll("/[^/]+$", "/bad_id"))) {
            final ObjectNode model = HandlerRequest.JSON.createObjectNode().put("Arn", arn);
            for (final String action : List.of("READ", "DELETE")) {
                final HandlerResponse response = type.invoker().invoke(type.request(action).properties(model));
                assertFailed(response, "NotFound");
                assertThat(response.message()).as(action).contains(arn).contains("is not the ARN of a " + type.typeName);
            }
            final HandlerResponse updated = type.invoker().invoke(type.request("UPDATE")
                .properties(type.updateInput().put("Arn", arn)).previousProperties(type.createInput().put("Arn", arn)));
            assertFailed(updated, "InvalidRequest");
            assertThat(updated.message()).contains("#/Arn").contains(arn);
        }
        assertThat(emulator.calls().all()).isEmpty();
    }
}
