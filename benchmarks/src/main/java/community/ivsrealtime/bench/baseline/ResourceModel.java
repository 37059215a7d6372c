package community.ivsrealtime.bench.baseline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.json.JSONObject;

/** The baseline's resource model (what {@code cfn generate} would write from its schema, without Lombok). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceModel {
    @JsonIgnore
    public static final String TYPE_NAME = "Bench::IVSRealTime::Stage";

    @JsonProperty("Arn")
    private String arn;
    @JsonProperty("Name")
    private String name;
    @JsonProperty("Tags")
    private List<Tag> tags;

    public String getArn() {
        return arn;
    }

    public void setArn(final String arn) {
        this.arn = arn;
    }

    public String getName() {
        return name;
    }

    public void setName(final String name) {
        this.name = name;
    }

    public List<Tag> getTags() {
        return tags;
    }

    public void setTags(final List<Tag> tags) {
        this.tags = tags;
    }

    /** The primary identifier, as the generated models have it. */
    @JsonIgnore
    public JSONObject getPrimaryIdentifier() {
        final JSONObject identifier = new JSONObject();
        if (arn != null) {
            identifier.put("/properties/Arn", arn);
        }
        return identifier.length() == 0 ? null : identifier;
    }
}
