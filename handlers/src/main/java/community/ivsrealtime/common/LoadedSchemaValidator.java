package community.ivsrealtime.common;

import org.everit.json.schema.Schema;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.SchemaValidator;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * The plugin's model validation ({@code AbstractWrapper.processRequest} validates every CREATE/UPDATE model) against
 * the schema loaded once ({@link TypeSchema}) instead of loading it again for every request as the plugin's
 * {@code Validator} does. The outcome is the plugin's: the same everit schema, the same scrubbed
 * {@link ValidationException}. A schema document that is not one of ours, and the LIST-handler schema checks, go to
 * the plugin's {@code Validator} (made on first use).
 */
final class LoadedSchemaValidator implements SchemaValidator {

    private volatile Validator plugin;

    @Override
    public void validateObject(final JSONObject modelObject, final JSONObject definitionSchema)
        throws ValidationException {
        final TypeSchema schema = TypeSchema.forDocument(definitionSchema);
        if (schema == null) {
            plugin().validateObject(modelObject, definitionSchema);
            return;
        }
        validate(schema.loaded(), modelObject);
    }

    static void validate(final Schema schema, final JSONObject object) throws ValidationException {
        try {
            schema.validate(object);
        } catch (final org.everit.json.schema.ValidationException e) {
            throw ValidationException.newScrubbedException(e);
        }
    }

    @Override
    public void validateObjectByListHandlerSchema(final JSONObject modelObject, final JSONObject definitionSchema)
        throws ValidationException {
        plugin().validateObjectByListHandlerSchema(modelObject, definitionSchema);
    }

    @Override
    public Schema getListHandlerSchema(final JSONObject definitionSchema) throws ValidationException {
        return plugin().getListHandlerSchema(definitionSchema);
    }

    private Validator plugin() {
        Validator result = plugin;
        if (result == null) {
            result = new Validator();
            plugin = result;
        }
        return result;
    }
}
