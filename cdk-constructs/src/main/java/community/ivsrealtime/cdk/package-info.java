/**
 * AWS CDK (v2) constructs for the {@code Community::IVSRealTime::*} resource types: Amazon IVS Real-Time stages,
 * encoder configurations, storage configurations, public keys and ingest configurations.
 *
 * <p>Two levels, as in aws-cdk-lib:
 * <ul>
 *   <li>L1s ({@code CfnStage}, {@code CfnEncoderConfiguration}, ...), generated from the type schemas at build time:
 *       every schema property, rendered under the schema's names;</li>
 *   <li>L2s ({@link community.ivsrealtime.cdk.Stage}, {@link community.ivsrealtime.cdk.EncoderConfiguration},
 *       {@link community.ivsrealtime.cdk.StorageConfiguration}, {@link community.ivsrealtime.cdk.PublicKey},
 *       {@link community.ivsrealtime.cdk.IngestConfiguration}), written by hand in the CDK's style: typed props
 *       checked at synth time against the schemas' limits, imports from ARNs, grants with the actions and resources
 *       of the Service Authorization Reference, CloudWatch metrics and EventBridge rules. Each L2's default child is
 *       its L1, with construct ID {@code Resource}.</li>
 * </ul>
 *
 * <p>Note: {@code community.ivsrealtime.cdk.Stage} and {@code software.amazon.awscdk.Stage} share a simple name;
 * import one of them explicitly rather than with a wildcard.
 */
package community.ivsrealtime.cdk;
