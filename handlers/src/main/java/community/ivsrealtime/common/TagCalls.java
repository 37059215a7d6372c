package community.ivsrealtime.common;

import java.util.function.Function;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.TagResourceRequest;
import software.amazon.awssdk.services.ivsrealtime.model.TagResourceResponse;
import software.amazon.awssdk.services.ivsrealtime.model.UntagResourceRequest;
import software.amazon.awssdk.services.ivsrealtime.model.UntagResourceResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/** The tag calls of an UPDATE, the same for every type: one TagResource and one UntagResource, each only if needed. */
public final class TagCalls {

    private static final Call<TagResourceRequest, TagResourceRequest, TagResourceResponse, Void> TAG =
        Call.of(Function.identity(), IvsRealTimeClient::tagResource, response -> null);
    private static final Call<UntagResourceRequest, UntagResourceRequest, UntagResourceResponse, Void> UNTAG =
        Call.of(Function.identity(), IvsRealTimeClient::untagResource, response -> null);

    private TagCalls() {
    }

    /** Applies {@code diff} to the resource {@code arn}; passes {@code progress} through when the diff is empty. */
    public static <M, C extends StdCallbackContext> ProgressEvent<M, C> apply(
        final AmazonWebServicesClientProxy proxy, final ProxyClient<IvsRealTimeClient> client, final Budget budget,
        final ProgressEvent<M, C> progress, final String callGraph, final String arn, final Tagging.Diff diff) {
        return progress
            .then(p -> diff.toAdd().isEmpty() ? p
                : TAG.invoke(proxy, client, budget, callGraph + "::TagResource", p.getResourceModel(), p.getCallbackContext(),
                    m -> TagResourceRequest.builder().resourceArn(arn).tags(diff.toAdd()).build(), nothing -> p))
            .then(p -> diff.toRemove().isEmpty() ? p
                : UNTAG.invoke(proxy, client, budget, callGraph + "::UntagResource", p.getResourceModel(),
                    p.getCallbackContext(),
                    m -> UntagResourceRequest.builder().resourceArn(arn).tagKeys(diff.toRemove()).build(),
                    nothing -> p));
    }
}
