package community.ivsrealtime.cdk.registration;

import community.ivsrealtime.cdk.TypeSchemas;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Registers the {@code Community::IVSRealTime::*} resource types in the account and region of its stack, with one
 * {@code cdk deploy}: for each type a {@link RegisteredType} (the RegisterType package as an S3 asset, an execution
 * role allowed exactly the schema's handler permissions, a log group and log delivery role,
 * {@code AWS::CloudFormation::ResourceVersion} and {@code AWS::CloudFormation::ResourceDefaultVersion}).
 *
 * <p>Stacks that use the types must be deployed after this one: {@code appStack.addStackDependency(typesStack)}.
 *
 * <pre>{@code
 * Stack types = new Stack(app, "IvsRealTimeTypes");
 * new IvsRealTimeTypes(types, "Types", IvsRealTimeTypesProps.builder()
 *         .packagesDirectory("packages")          // community-ivsrealtime-<type>.zip, as mvn package writes them
 *         .build());
 * }</pre>
 */
public class IvsRealTimeTypes extends Construct {

    private final Map<String, RegisteredType> types = new LinkedHashMap<>();

    public IvsRealTimeTypes(Construct scope, String id, IvsRealTimeTypesProps props) {
        super(scope, id);
        if (props.getTypeNames().isEmpty()) {
            throw new IllegalArgumentException("IvsRealTimeTypes: typeNames must name at least one type, got []");
        }
        TypePackage.Folder folder = TypePackage.folder(props.getPackagesDirectory());
        for (String typeName : props.getTypeNames()) {
            TypeSchemas.schema(typeName); // fails naming the types when unknown
            if (types.containsKey(typeName)) {
                throw new IllegalArgumentException("IvsRealTimeTypes: typeNames names " + typeName + " twice");
            }
            String id2 = typeName.substring(typeName.lastIndexOf(':') + 1);
            types.put(typeName, new RegisteredType(this, id2, typeName, folder.packageOf(typeName), props));
        }
    }

    /** The registered types by type name, in registration order. */
    public Map<String, RegisteredType> getTypes() {
        return Collections.unmodifiableMap(types);
    }

    /** One registered type; fails naming the registered ones when {@code typeName} is not among them. */
    public RegisteredType type(String typeName) {
        RegisteredType t = types.get(typeName);
        if (t == null) {
            throw new IllegalArgumentException("IvsRealTimeTypes: " + typeName + " is not registered here; registered: "
                    + List.copyOf(types.keySet()));
        }
        return t;
    }
}
