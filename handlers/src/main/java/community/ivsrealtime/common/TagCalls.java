package community.ivsrealtime.common;

import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.awssdk.services.ivsrealtime.model.TagResourceRequest;
import software.amazon.awssdk.services.ivsrealtime.model.UntagResourceRequest;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/** The tag calls of an UPDATE, the same for every type: one TagResource and one UntagResource, each only if needed. */
public final class TagCalls {

    private TagCalls() {
    }

    /** Applies {@code diff} to the resource {@code arn}; passes {@code progress} through when the diff is empty. */
    public static <M, C extends StdCallbackContext> ProgressEvent<M, C> apply(
        final AmazonWebServicesClientProxy proxy, final ProxyClient<IvsRealTimeClient> client,
        final ProgressEvent<M, C> progress, final String callGraph, final String arn, final Tagging.Diff diff) {
        return progress
            .then(p -> diff.toAdd().isEmpty() ? p
                : proxy.initiate(callGraph + "::TagResource", client, p.getResourceModel(), p.getCallbackContext())
                    .translateToServiceRequest(m -> TagResourceRequest.builder().resourceArn(arn).tags(diff.toAdd()).build())
                    .makeServiceCall((request, c) -> c.injectCredentialsAndInvokeV2(request, c.client()::tagResource))
                    .handleError(Errors::toProgress)
                    .progress())
            .then(p -> diff.toRemove().isEmpty() ? p
                : proxy.initiate(callGraph + "::UntagResource", client, p.getResourceModel(), p.getCallbackContext())
                    .translateToServiceRequest(m -> UntagResourceRequest.builder().resourceArn(arn)
                        .tagKeys(diff.toRemove()).build())
                    .makeServiceCall((request, c) -> c.injectCredentialsAndInvokeV2(request, c.client()::untagResource))
                    .handleError(Errors::toProgress)
                    .progress());
    }
}
