package community.ivsrealtime.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Everything the shared handlers need to know about one resource type, and nothing else: its service calls
 * ({@link Call}s for create, get, update (if the API has one), delete and list), how the service's resource maps
 * to the model, and the schema facts the handlers act on (createOnly, writeOnly and readOnly properties, Tags).
 * Each type's {@code Translator} builds one ({@code Translator.OPS}); {@code CreateHandler}, {@code ReadHandler},
 * {@code UpdateHandler}, {@code DeleteHandler} and {@code ListHandler} in this package drive any type with it.
 *
 * @param <M> the type's ResourceModel
 * @param <S> the SDK shape of the resource as the service returns it (e.g. {@code Stage})
 */
public final class ResourceOps<M, S> {

    /** The primary identifier of every type. */
    static final String ARN = "Arn";

    /** A create call's input: the desired model and every tag to apply (stack + resource + system tags). */
    public record Creation<M>(M model, Map<String, String> tags) {
    }

    /** An update call's input: the state before and the desired state. */
    public record Change<M>(M previous, M desired) {
    }

    /**
     * One LIST page: its models, the token of the next page (null or empty on the last page) and, where the
     * summaries carry them, every resource's tags as the service stores them, system tags included, by Arn (null
     * when the summaries have no tags).
     */
    public record Page<M>(List<M> models, String nextToken, Map<String, Map<String, String>> tags) {

        /** A page of summaries without tags. */
        public Page(final List<M> models, final String nextToken) {
            this(models, nextToken, null);
        }

        /** A page whose {@code summaries} carry tags. */
        public static <M, X> Page<M> of(final List<M> models, final String nextToken, final List<X> summaries,
                                        final Function<X, String> arn, final Function<X, Map<String, String>> tags) {
            final Map<String, Map<String, String>> byArn = new LinkedHashMap<>();
            summaries.forEach(summary -> byArn.put(arn.apply(summary), tags.apply(summary) == null ? Map.of()
                : tags.apply(summary)));
            return new Page<>(models, nextToken, byArn);
        }
    }

    /** A property of the model: its schema name and accessors. */
    record Property<M, V>(String name, Function<M, V> getter, BiConsumer<M, V> setter, boolean alwaysReturned) {

        /** Copies this property's value from {@code source} into {@code target} if {@code target} lacks it. */
        void fill(final M target, final M source) {
            if (getter.apply(target) == null) {
                setter.accept(target, getter.apply(source));
            }
        }
    }

    /** How the model holds its Tags (each type has its own generated {@code Tag} class). */
    record ModelTags<M, T>(Function<M, Set<T>> getter, BiConsumer<M, Set<T>> setter, Function<T, String> key,
                           Function<T, String> value, BiFunction<String, String, T> tag) {

        Map<String, String> get(final M model) {
            return model == null ? null : Tagging.toMap(getter.apply(model), key, value);
        }

        /** The keys that stand in more than one of the model's tags (with different values: a set holds no equal tags). */
        Set<String> repeatedKeys(final M model) {
            final Set<String> seen = new HashSet<>();
            final Set<String> repeated = new TreeSet<>();
            final Set<T> modelTags = model == null ? null : getter.apply(model);
            if (modelTags != null) {
                modelTags.forEach(t -> {
                    final String k = key.apply(t);
                    if (k != null && !seen.add(k)) { // a missing key is the schema's to report
                        repeated.add(k);
                    }
                });
            }
            return repeated;
        }

        /** Null for null; an empty map gives an empty set (a model that declares {@code Tags: []} keeps it). */
        void set(final M model, final Map<String, String> tags) {
            setter.accept(model, tags == null ? null : tags.isEmpty() ? new LinkedHashSet<>() : Tagging.toSet(tags, tag));
        }
    }

    private final String typeName;
    /** The resource part of the type's ARNs ({@code stage}, {@code encoder-configuration}, ...). */
    private final String arnResource;
    /** The form of the type's ARNs: the schema's Arn pattern (a test keeps the two equal). */
    private final Pattern arnPattern;
    private final String callGraph;
    private final Supplier<M> newModel;
    private final UnaryOperator<M> copy;
    private final Call<Creation<M>, ?, ?, S> create;
    private final Call<M, ?, ?, S> get;
    private final Call<Change<M>, ?, ?, S> update;
    private final BiPredicate<M, M> updateNeeded;
    private final Call<M, ?, ?, Void> delete;
    private final Call<String, ?, ?, Page<M>> list;
    private final Function<S, M> fromService;
    private final Function<S, Map<String, String>> serviceTags;
    private final ModelTags<M, ?> tags;
    private final Function<M, String> arn;
    private final List<Property<M, ?>> readOnly;
    private final Map<String, Function<M, ?>> createOnly;
    private final Map<String, Function<M, ?>> createOnlyAsStored;
    private final Set<String> writeOnly;
    private final Map<String, Function<M, String>> references;

    /** The service's value for an absent name, user ID and the like: the empty string. */
    public static String emptyIfNull(final String value) {
        return value == null ? "" : value;
    }

    private ResourceOps(final Builder<M, S> b) {
        this.typeName = Objects.requireNonNull(b.typeName, "typeName");
        this.arnResource = typeName.substring(typeName.lastIndexOf(':') + 1)
            .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        this.arnPattern = Pattern.compile(
            "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:" + arnResource + "/[a-zA-Z0-9-]+$");
        this.callGraph = typeName.replace("::", "-");
        this.newModel = Objects.requireNonNull(b.newModel, "newModel");
        this.copy = Objects.requireNonNull(b.copy, "copy");
        this.create = Objects.requireNonNull(b.create, "create");
        this.get = Objects.requireNonNull(b.get, "get");
        this.update = b.update;
        this.updateNeeded = b.update == null ? (previous, desired) -> false : b.updateNeeded;
        this.delete = Objects.requireNonNull(b.delete, "delete");
        this.list = Objects.requireNonNull(b.list, "list");
        this.fromService = Objects.requireNonNull(b.fromService, "fromService");
        this.serviceTags = Objects.requireNonNull(b.serviceTags, "serviceTags");
        this.tags = Objects.requireNonNull(b.tags, "tags");
        this.arn = Objects.requireNonNull(b.arn, "arn");
        this.readOnly = List.copyOf(b.readOnly);
        this.createOnly = Collections.unmodifiableMap(new LinkedHashMap<>(b.createOnly));
        this.createOnlyAsStored = Collections.unmodifiableMap(new LinkedHashMap<>(b.createOnlyAsStored));
        this.writeOnly = Set.copyOf(b.writeOnly);
        this.references = Collections.unmodifiableMap(new LinkedHashMap<>(b.references));
    }

    /**
     * The ARNs of other resources {@code model} refers to, by property (e.g. {@code StageArn}), the empty and absent
     * ones left out.
     */
    public Map<String, String> referencesOf(final M model) {
        final Map<String, String> set = new LinkedHashMap<>();
        references.forEach((name, getter) -> {
            final String arn = model == null ? null : getter.apply(model);
            if (arn != null && !arn.isEmpty()) {
                set.put(name, arn);
            }
        });
        return set;
    }

    /**
     * Starts a descriptor for {@code typeName} ({@code Community::IVSRealTime::Stage}); {@code newModel} makes an
     * empty model, {@code copy} a copy the handlers may change.
     */
    public static <M, S> Builder<M, S> builder(final String typeName, final Supplier<M> newModel,
                                               final UnaryOperator<M> copy) {
        return new Builder<>(typeName, newModel, copy);
    }

    /** {@code Community::IVSRealTime::Stage}. */
    public String typeName() {
        return typeName;
    }

    /** The prefix of the call-graph names of the plugin's call chain: {@code Community-IVSRealTime-Stage}. */
    public String callGraph() {
        return callGraph;
    }

    public Call<Creation<M>, ?, ?, S> create() {
        return create;
    }

    public Call<M, ?, ?, S> get() {
        return get;
    }

    /** The update call, or null when the API has none (only Tags change in place). */
    public Call<Change<M>, ?, ?, S> update() {
        return update;
    }

    public Call<M, ?, ?, Void> delete() {
        return delete;
    }

    public Call<String, ?, ?, Page<M>> list() {
        return list;
    }

    /** An empty model. */
    public M newModel() {
        return newModel.get();
    }

    /** A model holding only {@code arn}. */
    @SuppressWarnings("unchecked")
    public M withArn(final String arn) {
        final M model = newModel.get();
        readOnly.stream().filter(p -> ARN.equals(p.name())).findFirst()
            .ifPresent(p -> ((Property<M, String>) p).setter().accept(model, arn));
        return model;
    }

    /** The model's primary identifier (null if absent). */
    public String arn(final M model) {
        return arn.apply(model);
    }

    /** True when an updatable property changed, i.e. the update call must be made (never without one). */
    public boolean updateNeeded(final M previous, final M desired) {
        return updateNeeded.test(previous, desired);
    }

    /**
     * The whole resource as the service stores it, with {@code reportedTags} as its Tags (null: no Tags property;
     * empty: {@code Tags: []}, as a model that declares an empty list must come back with one).
     */
    public M fromService(final S resource, final Map<String, String> reportedTags) {
        final M model = fromService.apply(resource);
        tags.set(model, reportedTags);
        return model;
    }

    /** The tags the service returned with the resource (null when none). */
    public Map<String, String> serviceTags(final S resource) {
        final Map<String, String> map = serviceTags.apply(resource);
        return map == null || map.isEmpty() ? null : map;
    }

    /** Tag keys the model's Tags give more than once (a key can hold one value only). */
    public Set<String> repeatedTagKeys(final M model) {
        return tags.repeatedKeys(model);
    }

    /** The model's own Tags as a map (null when the model or its Tags are absent). */
    public Map<String, String> modelTags(final M model) {
        return tags.get(model);
    }

    /** Sets the model's Tags from a map (no Tags property for null, {@code []} for empty) and returns the model. */
    public M withTags(final M model, final Map<String, String> map) {
        tags.set(model, map);
        return model;
    }

    /** The regular expression every ARN of this type matches (the schema's {@code Arn} pattern). */
    public String arnPattern() {
        return arnPattern.pattern();
    }

    /**
     * Null, or why {@code arn} cannot name a resource of this type (another type's ARN, or no ARN at all): no such
     * resource can exist, which READ, UPDATE and DELETE report as NotFound without a call.
     */
    public String notAnArnOfThisType(final String arn) {
        if (arnPattern.matcher(arn).matches()) {
            return null;
        }
        return "Arn " + arn + " is not the ARN of a " + typeName + " (arn:aws:ivs:<region>:<account>:" + arnResource
            + "/<id>), so no such resource exists";
    }

    /** The schema's createOnly properties, by name, in schema order: the model's values as they are. */
    public Map<String, Function<M, ?>> createOnly() {
        return createOnly;
    }

    /**
     * The same properties, with the service's defaults filled in: what the service stores for the value
     * ({@code Name} absent and {@code ""} are the same name; an encoder configuration's {@code Video: {Width:
     * 1920, Height: 1080}} is stored with the default framerate and bitrate). Two models whose values are equal
     * here describe the same resource.
     */
    public Map<String, Function<M, ?>> createOnlyAsStored() {
        return createOnlyAsStored;
    }

    /** The schema's writeOnly properties (the service never returns them). */
    public Set<String> writeOnly() {
        return writeOnly;
    }

    /** The names of the schema's readOnly properties, Arn first. */
    public Set<String> readOnly() {
        final Set<String> names = new LinkedHashSet<>();
        readOnly.forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * A copy of {@code model} with the read-only values of {@code source} that {@code model} lacks (UPDATE
     * without a call that returns the resource keeps them from the previous state). Only values the service
     * always returns are copied: one it returns only sometimes (a stage's ActiveSessionId) is absent from
     * {@code model} because the resource no longer has it, or because no call returned the resource; either way
     * an old value would be stale. {@code model} itself if {@code source} is null.
     */
    public M withReadOnly(final M model, final M source) {
        if (source == null) {
            return model;
        }
        final M result = copy.apply(model);
        readOnly.stream().filter(Property::alwaysReturned).forEach(p -> p.fill(result, source));
        return result;
    }

    /**
     * True when {@code model} lacks a read-only value other than Arn that the service always returns (Stage
     * Endpoints, PublicKey Fingerprint, ...): a model built from it alone would be incomplete.
     */
    public boolean lacksReadOnly(final M model) {
        return readOnly.stream()
            .anyMatch(p -> p.alwaysReturned() && !ARN.equals(p.name()) && p.getter().apply(model) == null);
    }

    /** Collects one type's calls, mappings and schema facts; {@link #build} checks that nothing required is missing. */
    public static final class Builder<M, S> {
        private final String typeName;
        private final Supplier<M> newModel;
        private final UnaryOperator<M> copy;
        private Call<Creation<M>, ?, ?, S> create;
        private Call<M, ?, ?, S> get;
        private Call<Change<M>, ?, ?, S> update;
        private BiPredicate<M, M> updateNeeded;
        private Call<M, ?, ?, Void> delete;
        private Call<String, ?, ?, Page<M>> list;
        private Function<S, M> fromService;
        private Function<S, Map<String, String>> serviceTags;
        private ModelTags<M, ?> tags;
        private Function<M, String> arn;
        private final List<Property<M, ?>> readOnly = new ArrayList<>();
        private final Map<String, Function<M, ?>> createOnly = new LinkedHashMap<>();
        private final Map<String, Function<M, ?>> createOnlyAsStored = new LinkedHashMap<>();
        private final Set<String> writeOnly = new LinkedHashSet<>();
        private final Map<String, Function<M, String>> references = new LinkedHashMap<>();

        private Builder(final String typeName, final Supplier<M> newModel, final UnaryOperator<M> copy) {
            this.typeName = typeName;
            this.newModel = newModel;
            this.copy = copy;
        }

        /** The create call: one request carrying all tags, whose response is the whole resource. */
        public Builder<M, S> create(final Call<Creation<M>, ?, ?, S> call) {
            this.create = call;
            return this;
        }

        /** The get call (READ, and UPDATE when it must prove the resource exists or learn its state). */
        public Builder<M, S> get(final Call<M, ?, ?, S> call) {
            this.get = call;
            return this;
        }

        /** The update call, made only when {@code needed} says an updatable property changed. */
        public Builder<M, S> update(final Call<Change<M>, ?, ?, S> call, final BiPredicate<M, M> needed) {
            this.update = call;
            this.updateNeeded = needed;
            return this;
        }

        public Builder<M, S> delete(final Call<M, ?, ?, Void> call) {
            this.delete = call;
            return this;
        }

        /** The list call for one page ({@code maxResults} {@link IvsHandler#MAX_LIST_RESULTS}). */
        public Builder<M, S> list(final Call<String, ?, ?, Page<M>> call) {
            this.list = call;
            return this;
        }

        /** The model of a service resource without Tags, and the resource's tags. */
        public Builder<M, S> fromService(final Function<S, M> model, final Function<S, Map<String, String>> tagsOf) {
            this.fromService = model;
            this.serviceTags = tagsOf;
            return this;
        }

        /** The model's Tags: accessors of the set and of one tag, and the tag's constructor. */
        public <T> Builder<M, S> tags(final Function<M, Set<T>> getter, final BiConsumer<M, Set<T>> setter,
                                      final Function<T, String> key, final Function<T, String> value,
                                      final BiFunction<String, String, T> tag) {
            this.tags = new ModelTags<>(getter, setter, key, value, tag);
            return this;
        }

        /** The primary identifier, read-only. */
        public Builder<M, S> arn(final Function<M, String> getter, final BiConsumer<M, String> setter) {
            this.arn = getter;
            this.readOnly.add(new Property<>(ARN, getter, setter, true));
            return this;
        }

        /** A read-only property the service always returns. */
        public <V> Builder<M, S> readOnly(final String name, final Function<M, V> getter, final BiConsumer<M, V> setter) {
            this.readOnly.add(new Property<>(name, getter, setter, true));
            return this;
        }

        /** A read-only property the service returns only sometimes (e.g. a stage's ActiveSessionId). */
        public <V> Builder<M, S> readOnlyWhenPresent(final String name, final Function<M, V> getter,
                                                     final BiConsumer<M, V> setter) {
            this.readOnly.add(new Property<>(name, getter, setter, false));
            return this;
        }

        /** A createOnly property without service defaults: a change means replacement, never an update. */
        public Builder<M, S> createOnly(final String name, final Function<M, ?> getter) {
            return createOnly(name, getter, UnaryOperator.identity());
        }

        /**
         * A createOnly property whose absent value or members the service fills in: {@code asStored} gives the
         * value as the service stores it (it gets null for an absent property), so that absent and default
         * compare equal.
         */
        public <V> Builder<M, S> createOnly(final String name, final Function<M, V> getter,
                                            final UnaryOperator<V> asStored) {
            this.createOnly.put(name, getter);
            this.createOnlyAsStored.put(name, getter.andThen(asStored));
            return this;
        }

        /**
         * A property that holds the ARN of another resource ({@code property} as the schema names it, nested ones
         * with dots): a 404 the service answers while this type's resource exists is about it (InvalidRequest).
         */
        public Builder<M, S> reference(final String property, final Function<M, String> arn) {
            this.references.put(property, arn);
            return this;
        }

        /** A writeOnly property: sent, never returned. */
        public Builder<M, S> writeOnly(final String name) {
            this.writeOnly.add(name);
            return this;
        }

        public ResourceOps<M, S> build() {
            return new ResourceOps<>(this);
        }
    }
}
