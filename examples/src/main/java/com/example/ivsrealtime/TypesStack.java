package com.example.ivsrealtime;

import community.ivsrealtime.cdk.registration.IvsRealTimeTypes;
import community.ivsrealtime.cdk.registration.IvsRealTimeTypesProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Registers the five Community::IVSRealTime types (and makes each registered version the default). */
public class TypesStack extends Stack {

    public TypesStack(final Construct scope, final String id, final String packagesDirectory) {
        super(scope, id, StackProps.builder()
                .description("Registers the Community::IVSRealTime resource types (IVS Real-Time as code)")
                .build());
        new IvsRealTimeTypes(this, "Types", IvsRealTimeTypesProps.builder()
                .packagesDirectory(packagesDirectory)
                .build());
    }
}
