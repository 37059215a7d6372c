package community.ivsrealtime.cdk;

import java.util.Objects;

/** Base of the enum-like classes: a string value as the schema spells it, compared by value. */
abstract class Choice {
    private final String value;

    Choice(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The value as the type schema and the IVS API spell it. */
    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Choice) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
