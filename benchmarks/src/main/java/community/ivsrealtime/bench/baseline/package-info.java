/**
 * The benchmark BASELINE: a plain handler for {@code Stage} CREATE and READ, written the way the cloudformation-cli
 * Java plugin's project template writes one (a generated-style {@code HandlerWrapper} over the plugin's
 * {@code LambdaWrapper}, a {@code BaseHandlerStd}, one {@code CreateHandler} through the plugin's call chain that
 * ends in the {@code ReadHandler}, a {@code ClientBuilder} with the SDK's default settings plus the url-connection
 * HTTP client, no other tuning) with its own minimal model and schema. Shaded into its own jar; never deployed.
 * Nothing here is shared with the project's handlers.
 */
package community.ivsrealtime.bench.baseline;
