package community.ivsrealtime.common;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.json.JSONObject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ivsrealtime.IvsRealTimeClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.injection.SessionCredentialsProvider;
import software.amazon.cloudformation.resource.Serializer;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.exceptions.TerminalException;
import software.amazon.cloudformation.loggers.LambdaLogPublisher;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * The common base of every type's {@code HandlerWrapper}: what {@code cfn generate} would put in each wrapper,
 * written once, plus two guards for running outside AWS Lambda. A type's wrapper only names its classes (as the
 * type arguments) and passes its {@link ResourceOps}: both Lambda entry points ({@code handleRequest},
 * {@link #testEntrypoint}) are inherited, the request and model type references the plugin needs are built here
 * from those type arguments, the schema is loaded by type name, and every action goes to the shared
 * {@link CreateHandler}, {@link ReadHandler}, {@link UpdateHandler}, {@link DeleteHandler} or {@link ListHandler}.
 *
 * <ul>
 *   <li>{@link #scrubFiles()}: the plugin empties {@code java.io.tmpdir} on every request. That is meant for
 *       Lambda's private /tmp; on a laptop or build machine it deletes other programs' files. Here it only
 *       happens inside Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set), for every type, with nothing to remember.</li>
 *   <li>{@link #processRequest}: when a request carries {@code providerCredentials} /
 *       {@code providerLogGroupName}, the plugin publishes metrics to CloudWatch and logs to CloudWatch Logs
 *       (off this machine). Outside Lambda both are removed from the request before the plugin sees it, so a
 *       local run only ever talks to the IVS endpoint it is pointed at. Everywhere, {@link RequestChecks} first
 *       answers what the plugin would get wrong: a request that is not JSON (without quoting it), a misshapen
 *       one, callerCredentials without a sessionToken, and a CREATE/UPDATE model that breaks the schema as sent
 *       (unknown properties included; the failure names the property, the bad value and the rule).</li>
 * </ul>
 *
 * @param <M> the type's ResourceModel
 * @param <C> the type's CallbackContext
 * @param <T> the type's TypeConfigurationModel
 */
public abstract class IvsHandlerWrapper<M, C extends StdCallbackContext, T> extends LambdaWrapper<M, C, T> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String typeName;
    private final ResourceOps<M, ?> ops;
    private RequestChecks requestChecks;
    private final Map<Action, IvsHandler<M, ?, C>> handlers;
    private final Supplier<C> newCallbackContext;
    /** The time the current invocation's calls may take (set when a request arrives). */
    private volatile Budget budget;

    /**
     * A type's wrapper: {@code ops} describes the type (see {@link ResourceOps}), the shared Create/Read/Update/
     * Delete/ListHandler drive it. Its schema is loaded from the classpath root under the type's file name
     * ({@code Community::IVSRealTime::Stage} -> {@code /community-ivsrealtime-stage.json}).
     */
    protected IvsHandlerWrapper(final ResourceOps<M, ?> ops, final Supplier<C> newCallbackContext) {
        // the plugin's own parts, except the schema validator: LoadedSchemaValidator validates against the schema
        // loaded once per JVM instead of loading it again on every request. The metrics and CloudWatch Logs
        // publishers stay null here as with the plugin's default constructor: the plugin makes them for a request
        // that carries providerCredentials.
        super(new SessionCredentialsProvider(), null, null, null, new LoadedSchemaValidator(), new Serializer(),
            HTTP_CLIENT);
        this.typeName = ops.typeName();
        this.ops = ops;
        this.handlers = handlersFor(ops);
        this.newCallbackContext = newCallbackContext;
    }

    private static <M, S, C extends StdCallbackContext> Map<Action, IvsHandler<M, ?, C>> handlersFor(
        final ResourceOps<M, S> ops) {
        final Map<Action, IvsHandler<M, ?, C>> handlers = new EnumMap<>(Action.class);
        handlers.put(Action.CREATE, new CreateHandler<>(ops));
        handlers.put(Action.READ, new ReadHandler<>(ops));
        handlers.put(Action.UPDATE, new UpdateHandler<>(ops));
        handlers.put(Action.DELETE, new DeleteHandler<>(ops));
        handlers.put(Action.LIST, new ListHandler<>(ops));
        return handlers;
    }

    /** The schema's file name (and classpath resource) for a type name. */
    public static String schemaFileName(final String typeName) {
        return TypeSchema.fileName(typeName);
    }

    /** True inside AWS Lambda (the runtime sets {@code AWS_LAMBDA_FUNCTION_NAME}). */
    public static boolean runningInLambda() {
        return runningInLambda(System.getenv());
    }

    static boolean runningInLambda(final Map<String, String> environment) {
        final String name = environment.get("AWS_LAMBDA_FUNCTION_NAME");
        return name != null && !name.isBlank();
    }

    /**
     * Lambda's entry point: notes the time the function has left ({@link Budget}) before the plugin handles the
     * request.
     */
    @Override
    public void handleRequest(final InputStream inputStream, final OutputStream outputStream, final Context context)
        throws IOException, TerminalException {
        budget = context == null ? null : Budget.ofRemaining(context.getRemainingTimeInMillis());
        super.handleRequest(inputStream, outputStream, context);
    }

    @Override
    protected void scrubFiles() {
        if (runningInLambda()) {
            super.scrubFiles();
        }
    }

    @Override
    public void processRequest(final InputStream inputStream, final OutputStream outputStream)
        throws IOException, TerminalException {
        if (inputStream == null) {
            super.processRequest(inputStream, outputStream);
            return;
        }
        final byte[] request = inputStream.readAllBytes();
        String text = new String(request, StandardCharsets.UTF_8);
        try {
            text = this.serializer.decompress(text);
        } catch (IOException | RuntimeException e) {
            // not JSON: the checks say where it breaks
        }
        final RequestChecks.Refusal refusal = requestChecks().check(text);
        if (refusal != null) {
            writeResponse(outputStream, ProgressEvent.failed(null, null, refusal.code(), refusal.message()));
            return;
        }
        super.processRequest(new ByteArrayInputStream(runningInLambda() ? request : withoutProviderLogging(request)),
            outputStream);
    }

    /**
     * Null when {@code properties} (a CREATE or UPDATE model as a template gives it) satisfy the type's schema,
     * else the violations in the message a CREATE would fail with: the same checks as every request, for tools
     * that check a template before deploying it ({@code ivsrt validate}).
     */
    public String schemaViolations(final JsonNode properties) {
        return requestChecks().schemaViolations(properties);
    }

    /** The request checks of this wrapper's type, made on first use. */
    private RequestChecks requestChecks() {
        if (requestChecks == null) {
            requestChecks = new RequestChecks(typeName, TypeSchema.of(typeName));
        }
        return requestChecks;
    }

    /** The request without {@code providerCredentials} and {@code providerLogGroupName} (unchanged if absent). */
    byte[] withoutProviderLogging(final byte[] request) throws IOException {
        final JsonNode root;
        try {
            root = JSON.readTree(this.serializer.decompress(new String(request, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return request; // not JSON: let the plugin report it
        }
        final JsonNode data = root == null ? null : root.get("requestData");
        if (!(data instanceof ObjectNode)) {
            return request;
        }
        final ObjectNode requestData = (ObjectNode) data;
        if (!requestData.has("providerCredentials") && !requestData.has("providerLogGroupName")) {
            return request;
        }
        requestData.remove("providerCredentials");
        requestData.remove("providerLogGroupName");
        this.platformLoggerProxy.log("Not in AWS Lambda: providerCredentials/providerLogGroupName ignored, "
            + "no metrics or logs are sent to CloudWatch");
        return JSON.writeValueAsBytes(root);
    }

    @Override
    public ProgressEvent<M, C> invokeHandler(final AmazonWebServicesClientProxy proxy,
                                             final ResourceHandlerRequest<M> request,
                                             final Action action,
                                             final C callbackContext,
                                             final T typeConfiguration) {
        final IvsHandler<M, ?, C> handler = action == null ? null : handlers.get(action);
        if (handler == null) {
            return ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest,
                typeName + ": unsupported action " + action);
        }
        if (proxy == null) {
            return ProgressEvent.failed(null, null, HandlerErrorCode.InvalidCredentials,
                typeName + " " + action + ": the request carries no callerCredentials");
        }
        if (request.getRegion() == null || request.getRegion().isBlank()) {
            return ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest,
                typeName + " " + action + ": the request carries no region");
        }
        final Logger logger = this.loggerProxy != null ? this.loggerProxy : message -> { };
        final ProxyClient<IvsRealTimeClient> client = proxy.newProxy(() -> IvsClients.forRegion(request.getRegion()));
        final ProxyClient<IvsRealTimeClient> unrepeated =
            proxy.newProxy(() -> IvsClients.unrepeatedForRegion(request.getRegion()));
        final C context = callbackContext != null ? callbackContext : newCallbackContext.get();
        final Budget time = budget != null ? budget : Budget.ofRemaining(900_000L);
        logger.log(typeName + " " + action + " (" + time + ")");
        return handler.handleRequest(proxy, request, context, client, unrepeated, time, logger);
    }

    @Override
    protected ResourceHandlerRequest<M> transform(final HandlerRequest<M, C, T> request) throws IOException {
        final RequestData<M, T> data = request.getRequestData();
        return ResourceHandlerRequest.<M>builder()
            .clientRequestToken(request.getBearerToken())
            .desiredResourceState(data.getResourceProperties())
            .previousResourceState(data.getPreviousResourceProperties())
            .desiredResourceTags(getDesiredResourceTags(request))
            .systemTags(data.getSystemTags())
            .previousSystemTags(data.getPreviousSystemTags())
            .awsAccountId(request.getAwsAccountId())
            .logicalResourceIdentifier(data.getLogicalResourceId())
            .nextToken(request.getNextToken())
            .maxResults(request.getMaxResults())
            .region(request.getRegion())
            .stackId(request.getStackId())
            .awsPartition(partition(request.getRegion()))
            .build();
    }

    private static String partition(final String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        return PartitionMetadata.of(Region.of(region)).id();
    }

    /** The type's descriptor. */
    public ResourceOps<M, ?> ops() {
        return ops;
    }

    /** The type's schema, loaded once from the classpath root. */
    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        return schema(typeName);
    }

    /** The schema of {@code typeName}, loaded once per JVM from the classpath root (the handler jar has them all). */
    public static JSONObject schema(final String typeName) {
        return TypeSchema.of(typeName).json();
    }

    /**
     * What the plugin does to every response model (removes the schema's writeOnlyProperties), without loading the
     * schema again for each response as the plugin does ({@code ResourceTypeSchema.load}): a type without
     * write-only properties returns the model as it is, the others go through the plugin's own
     * {@code removeWriteOnlyProperties} with the schema loaded once.
     */
    @Override
    protected M sanitizeModel(final M model) throws IOException {
        final TypeSchema schema = TypeSchema.of(typeName);
        if (model == null || !schema.hasWriteOnlyProperties()) {
            return model;
        }
        final JSONObject json = new JSONObject(this.serializer.serialize(model));
        schema.resourceTypeSchema().removeWriteOnlyProperties(json);
        return this.serializer.deserializeStrict(json.toString(), getModelTypeReference());
    }

    /** The model's own {@code Tags} as a map (null if none). */
    @Override
    protected Map<String, String> provideResourceDefinedTags(final M resourceModel) {
        return resourceModel == null ? null : ops.modelTags(resourceModel);
    }

    /**
     * {@code HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>} of the concrete wrapper.
     * Called from the plugin's constructor, before any field of a subclass is set: it depends on the class only.
     */
    @Override
    protected TypeReference<HandlerRequest<M, C, T>> getTypeReference() {
        return WrapperTypes.handlerRequest(getClass());
    }

    /** The concrete ResourceModel class. */
    @Override
    protected TypeReference<M> getModelTypeReference() {
        return WrapperTypes.model(getClass());
    }

    /**
     * A test payload's request with what {@code handleRequest} gets from the plugin and a test payload lacks: the
     * resource tags from the models' Tags (the handlers apply and diff those) and, when the request names no
     * region, the function's own ({@code AWS_REGION} in {@code environment}).
     */
    ResourceHandlerRequest<M> completed(final ResourceHandlerRequest<M> request,
                                        final Map<String, String> environment) {
        if (request == null) {
            return null;
        }
        if (request.getDesiredResourceTags() == null) {
            request.setDesiredResourceTags(provideResourceDefinedTags(request.getDesiredResourceState()));
        }
        if (request.getPreviousResourceTags() == null) {
            request.setPreviousResourceTags(provideResourceDefinedTags(request.getPreviousResourceState()));
        }
        if (request.getRegion() == null || request.getRegion().isBlank()) {
            request.setRegion(environment.get("AWS_REGION"));
        }
        return request;
    }

    /**
     * The {@code testEntrypoint} Lambda handler of every type ({@code <package>.HandlerWrapper::testEntrypoint}, as
     * {@code cfn generate} names it; Lambda finds public inherited methods, as for {@code handleRequest}): the
     * request is a {@link ResourceHandlerTestPayload} with the credentials to call with ({@link #completed} fills
     * in its tags and region); no schema validation, no tmpdir scrubbing, no CloudWatch.
     */
    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
        throws IOException {
        final TypeReference<ResourceHandlerTestPayload<M, C, T>> payloadType = WrapperTypes.testPayload(getClass());
        budget = Budget.ofRemaining(context.getRemainingTimeInMillis());
        this.loggerProxy = new LoggerProxy();
        this.loggerProxy.addLogPublisher(new LambdaLogPublisher(context.getLogger()));
        ProgressEvent<M, C> response = ProgressEvent.failed(null, null, HandlerErrorCode.InternalFailure,
            "Uninitialized");
        try {
            final String input = new String(inputStream.readAllBytes(), StandardCharsets.UTF_8);
            final ResourceHandlerTestPayload<M, C, T> payload = this.serializer.deserialize(input, payloadType);
            final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(this.loggerProxy,
                payload.getCredentials(), () -> (long) context.getRemainingTimeInMillis());
            response = invokeHandler(proxy, completed(payload.getRequest(), System.getenv()), payload.getAction(),
                payload.getCallbackContext(), payload.getTypeConfiguration());
        } catch (final BaseHandlerException e) {
            response = ProgressEvent.defaultFailureHandler(e, e.getErrorCode());
        } catch (final AwsServiceException e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.GeneralServiceException);
        } catch (final Exception e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.InternalFailure);
        } finally {
            writeResponse(outputStream, response);
        }
    }
}
