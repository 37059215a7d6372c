package community.ivsrealtime.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import community.ivsrealtime.common.UpdateHandler;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.GetStageResponse;
import software.amazon.awssdk.services.ivsrealtime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ivsrealtime.model.Stage;
import software.amazon.awssdk.services.ivsrealtime.model.TagResourceRequest;
import software.amazon.awssdk.services.ivsrealtime.model.TagResourceResponse;
import software.amazon.awssdk.services.ivsrealtime.model.UntagResourceRequest;
import software.amazon.awssdk.services.ivsrealtime.model.UntagResourceResponse;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateStageRequest;
import software.amazon.awssdk.services.ivsrealtime.model.UpdateStageResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Credentials;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The shared UPDATE plan (common.UpdateHandler) driving the Stage type in isolation: the plugin's real proxy
 * around a mocked SDK client (the proxy itself also asks
 * the client for its service name, so interactions are verified per operation).
 */
@ExtendWith(MockitoExtension.class)
class UpdateHandlerMockTest {

    private static final String ARN = "arn:aws:ivs:us-east-1:123456789012:stage/abcdABCDefgh";

    @Mock
    private IvsRealTimeClient sdk;

    private final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(new LoggerProxy(),
        new Credentials("AKID", "secret", "token"), () -> 60_000L);

    private ProgressEvent<ResourceModel, CallbackContext> update(final ResourceModel previous, final ResourceModel desired,
                                                                 final Map<String, String> previousTags,
                                                                 final Map<String, String> desiredTags) {
        final ResourceHandlerRequest<ResourceModel> request = ResourceHandlerRequest.<ResourceModel>builder()
            .region("us-east-1")
            .previousResourceState(previous).desiredResourceState(desired)
            .previousResourceTags(previousTags).desiredResourceTags(desiredTags)
            .build();
        return new UpdateHandler<ResourceModel, Stage, CallbackContext>(Translator.OPS).handleRequest(proxy, request,
            new CallbackContext(), proxy.newProxy(() -> sdk), message -> { });
    }

    private static Tag tag(final String key, final String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void renameAndRetagMakesExactlyThreeCallsWithTheCallersCredentials() {
        when(sdk.updateStage(any(UpdateStageRequest.class))).thenReturn(UpdateStageResponse.builder()
            .stage(Stage.builder().arn(ARN).name("new").tags(Map.of("a", "2", "b", "1")).build()).build());
        when(sdk.tagResource(any(TagResourceRequest.class))).thenReturn(TagResourceResponse.builder().build());
        when(sdk.untagResource(any(UntagResourceRequest.class))).thenReturn(UntagResourceResponse.builder().build());
        final ResourceModel previous = ResourceModel.builder().arn(ARN).name("old")
            .tags(Set.of(tag("a", "1"), tag("c", "x"))).build();
        final ResourceModel desired = ResourceModel.builder().arn(ARN).name("new")
            .tags(Set.of(tag("a", "2"), tag("b", "1"))).build();

        final var event = update(previous, desired, Map.of("a", "1", "c", "x"), Map.of("a", "2", "b", "1"));

        assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(event.getResourceModel().getName()).isEqualTo("new");
        assertThat(event.getResourceModel().getTags()).isEqualTo(desired.getTags());
        final ArgumentCaptor<UpdateStageRequest> updateCall = ArgumentCaptor.forClass(UpdateStageRequest.class);
        final ArgumentCaptor<TagResourceRequest> tagCall = ArgumentCaptor.forClass(TagResourceRequest.class);
        final ArgumentCaptor<UntagResourceRequest> untagCall = ArgumentCaptor.forClass(UntagResourceRequest.class);
        verify(sdk).updateStage(updateCall.capture());
        verify(sdk).tagResource(tagCall.capture());
        verify(sdk).untagResource(untagCall.capture());
        verify(sdk, never()).getStage(any(GetStageRequest.class));
        assertThat(updateCall.getValue().name()).isEqualTo("new");
        assertThat(updateCall.getValue().autoParticipantRecordingConfiguration()).isNull();
        assertThat(tagCall.getValue().tags()).isEqualTo(Map.of("a", "2", "b", "1"));
        assertThat(untagCall.getValue().tagKeys()).containsExactly("c");
        assertThat(updateCall.getValue().overrideConfiguration().orElseThrow().credentialsProvider()).isPresent();
    }

    @Test
    void nothingChangedIsOneGetAndAMissingStageIsNotFound() {
        when(sdk.getStage(any(GetStageRequest.class)))
            .thenThrow(ResourceNotFoundException.builder().message("Stage not found").statusCode(404).build());
        final ResourceModel model = ResourceModel.builder().arn(ARN).name("same").build();

        final var event = update(model, model, Map.of(), Map.of());

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
        assertThat(event.getMessage()).contains("GetStage on " + ARN);
        verify(sdk).getStage(any(GetStageRequest.class));
        verify(sdk, never()).updateStage(any(UpdateStageRequest.class));
        verify(sdk, never()).tagResource(any(TagResourceRequest.class));
        verify(sdk, never()).untagResource(any(UntagResourceRequest.class));
    }

    @Test
    void aTagsOnlyUpdateGetsTheStageOnlyWhenThePreviousStateLacksItsEndpoints() {
        when(sdk.tagResource(any(TagResourceRequest.class))).thenReturn(TagResourceResponse.builder().build());
        when(sdk.getStage(any(GetStageRequest.class))).thenReturn(GetStageResponse.builder().stage(Stage.builder()
            .arn(ARN).name("s").endpoints(e -> e.events("wss://e")).tags(Map.of("a", "1")).build()).build());
        final ResourceModel template = ResourceModel.builder().arn(ARN).name("s").build();
        final ResourceModel desired = template.toBuilder().tags(Set.of(tag("a", "1"))).build();

        final var filled = update(template, desired, Map.of(), Map.of("a", "1"));

        assertThat(filled.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(filled.getResourceModel().getEndpoints().getEvents()).isEqualTo("wss://e");
        assertThat(filled.getResourceModel().getTags()).isEqualTo(desired.getTags());
        verify(sdk).tagResource(any(TagResourceRequest.class));
        verify(sdk).getStage(any(GetStageRequest.class));

        final ResourceModel stored = template.toBuilder().endpoints(Endpoints.builder().events("wss://e").build())
            .build();
        final var tagged = update(stored, desired, Map.of(), Map.of("a", "1"));

        assertThat(tagged.getStatus()).isEqualTo(OperationStatus.SUCCESS);
        assertThat(tagged.getResourceModel().getEndpoints().getEvents()).isEqualTo("wss://e");
        verify(sdk, times(2)).tagResource(any(TagResourceRequest.class));
        verify(sdk, times(1)).getStage(any(GetStageRequest.class)); // only the first update read the stage
    }
}
