package community.ivsrealtime.bench.baseline;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag of the baseline model. */
public class Tag {
    @JsonProperty("Key")
    private String key;
    @JsonProperty("Value")
    private String value;

    public Tag() {
    }

    public Tag(final String key, final String value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public void setKey(final String key) {
        this.key = key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(final String value) {
        this.value = value;
    }
}
