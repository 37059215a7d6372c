package community.ivsrealtime.common;

import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;

/**
 * The Jackson type references the plugin needs for a type's wrapper ({@code HandlerRequest<ResourceModel,
 * CallbackContext, TypeConfigurationModel>} and the rest), built from the type arguments the wrapper class gives
 * {@link IvsHandlerWrapper}. A class of its own: building them needs only the wrapper's class, not an initialized
 * wrapper (whose superclass, the plugin's, builds an HTTP client when initialized).
 */
final class WrapperTypes {

    /** The concrete ResourceModel, CallbackContext and TypeConfigurationModel classes of each wrapper class. */
    private static final ClassValue<Type[]> TYPE_ARGUMENTS = new ClassValue<>() {
        @Override
        protected Type[] computeValue(final Class<?> wrapper) {
            return typeArguments(wrapper);
        }
    };

    private WrapperTypes() {
    }

    /** {@code HandlerRequest<M, C, T>} of the wrapper class. */
    static <R> TypeReference<R> handlerRequest(final Class<?> wrapper) {
        return typeReference(new Parameterized(HandlerRequest.class, TYPE_ARGUMENTS.get(wrapper)));
    }

    /** {@code ResourceHandlerTestPayload<M, C, T>} of the wrapper class. */
    static <R> TypeReference<R> testPayload(final Class<?> wrapper) {
        return typeReference(new Parameterized(ResourceHandlerTestPayload.class, TYPE_ARGUMENTS.get(wrapper)));
    }

    /** The wrapper class's ResourceModel. */
    static <R> TypeReference<R> model(final Class<?> wrapper) {
        return typeReference(TYPE_ARGUMENTS.get(wrapper)[0]);
    }

    /** The type arguments {@code wrapper} gives IvsHandlerWrapper; each must be a class. */
    static Type[] typeArguments(final Class<?> wrapper) {
        for (Class<?> c = wrapper; c != null && c != IvsHandlerWrapper.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == IvsHandlerWrapper.class
                && Arrays.stream(p.getActualTypeArguments()).allMatch(Class.class::isInstance)) {
                return p.getActualTypeArguments();
            }
        }
        throw new IllegalStateException(wrapper.getName() + " must extend IvsHandlerWrapper<ResourceModel, "
            + "CallbackContext, TypeConfigurationModel> with the type's classes");
    }

    /** A Jackson type reference for a type built at run time (Jackson reads it through {@code getType()}). */
    private static <X> TypeReference<X> typeReference(final Type type) {
        return new TypeReference<X>() {
            @Override
            public Type getType() {
                return type;
            }
        };
    }

    /** {@code raw<arguments>} as a reflective type. */
    private static final class Parameterized implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] arguments;

        Parameterized(final Class<?> raw, final Type[] arguments) {
            this.raw = raw;
            this.arguments = arguments.clone();
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof ParameterizedType p && p.getOwnerType() == null && raw.equals(p.getRawType())
                && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            return raw.getName() + Arrays.stream(arguments).map(Type::getTypeName)
                .collect(Collectors.joining(", ", "<", ">"));
        }
    }

}
