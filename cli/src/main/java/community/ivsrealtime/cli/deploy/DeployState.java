package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local deploy knows of the stacks it deployed: per stack its resources (physical id, the properties
 * last sent, the model the handler returned), the replaced resources still to delete, the resolved outputs and
 * exports, and the step under way ({@link Pending}, written before each handler call, so that a run killed in the
 * middle is recovered by the next one). Saved by {@link StateStore}; it holds stream keys.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class DeployState {

    public int version = 1;
    /** The stacks by name, in deploy order. */
    public Map<String, StackState> stacks = new LinkedHashMap<>();

    /** One deployed stack. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class StackState {
        public String name;
        public String stackId;
        public String region;
        public String accountId;
        /** The template file last deployed (for messages). */
        public String template;
        public Map<String, String> tags = new TreeMap<>();
        public List<String> dependencies = new ArrayList<>();
        /** Managed resources by logical id, in deploy order. */
        public Map<String, ResourceState> resources = new LinkedHashMap<>();
        /** Resources replaced by a new physical resource, to delete once the deploy has succeeded. */
        public List<ResourceState> retired = new ArrayList<>();
        /** Resources of other types, not deployed, with their fake physical ids. */
        public Map<String, String> skipped = new LinkedHashMap<>();
        public Map<String, String> outputs = new LinkedHashMap<>();
        public Map<String, String> exports = new LinkedHashMap<>();
        /** The handler call under way, if a run stopped during it. */
        public Pending pending;
        public String status;
    }

    /** A resource created through its handler. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ResourceState {
        public String logicalId;
        public String type;
        public String physicalId;
        /** The properties as last sent to the handler (intrinsics resolved). */
        public ObjectNode properties;
        /** The model the handler returned last (attributes for Fn::GetAtt; may hold a stream key). */
        public ObjectNode model;
        /** The stack tags the resource was last created or updated with. */
        public Map<String, String> stackTags = new TreeMap<>();
        public List<String> dependsOn = new ArrayList<>();
        public String deletionPolicy;
        public String updateReplacePolicy;

        public ResourceState copy() {
            final ResourceState copy = new ResourceState();
            copy.logicalId = logicalId;
            copy.type = type;
            copy.physicalId = physicalId;
            copy.properties = properties == null ? null : properties.deepCopy();
            copy.model = model == null ? null : model.deepCopy();
            copy.stackTags = new TreeMap<>(stackTags);
            copy.dependsOn = new ArrayList<>(dependsOn);
            copy.deletionPolicy = deletionPolicy;
            copy.updateReplacePolicy = updateReplacePolicy;
            return copy;
        }
    }

    /** A handler call started and not known to have finished. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Pending {
        /** CREATE, UPDATE or DELETE. */
        public String action;
        public String logicalId;
        public String type;
        /** The resource's physical id (UPDATE, DELETE); null for a CREATE. */
        public String physicalId;
        public ObjectNode properties;
        /** True when the CREATE makes the replacement of the resource now in the state. */
        public boolean replacement;
        public String startedAt;
    }

    public StackState stack(final String name) {
        return stacks.get(name);
    }
}
