package community.ivsrealtime.bench.baseline;

/** The template's (empty) type configuration. */
public class TypeConfigurationModel {
}
