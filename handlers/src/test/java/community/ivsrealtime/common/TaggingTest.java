package community.ivsrealtime.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class TaggingTest {

    private static final Map<String, String> SYSTEM = Map.of(
        "aws:cloudformation:stack-name", "s", "aws:cloudformation:logical-id", "L");

    @Test
    void desiredTagsMergeStackResourceAndSystemTags() {
        final ResourceHandlerRequest<Object> request = ResourceHandlerRequest.builder()
            .desiredResourceTags(Map.of("team", "video", "env", "prod"))
            .systemTags(SYSTEM)
            .build();

        assertThat(Tagging.desiredTags(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
            "team", "video", "env", "prod",
            "aws:cloudformation:stack-name", "s", "aws:cloudformation:logical-id", "L"));
        assertThat(Tagging.desiredTags(new ResourceHandlerRequest<>())).isEmpty();
    }

    @Test
    void previousTagsMergePreviousResourceAndSystemTags() {
        final ResourceHandlerRequest<Object> request = ResourceHandlerRequest.builder()
            .previousResourceTags(Map.of("team", "audio"))
            .previousSystemTags(SYSTEM)
            .build();

        assertThat(Tagging.previousTags(request)).containsEntry("team", "audio")
            .containsEntry("aws:cloudformation:logical-id", "L").hasSize(3);
    }

    @Test
    void diffSplitsAddedChangedAndRemovedKeys() {
        final Tagging.Diff diff = Tagging.diff(
            Map.of("keep", "1", "change", "old", "drop", "x"),
            Map.of("keep", "1", "change", "new", "add", "y"));

        assertThat(diff.toAdd()).containsExactlyInAnyOrderEntriesOf(Map.of("change", "new", "add", "y"));
        assertThat(diff.toRemove()).containsExactly("drop");
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void diffNeverTouchesSystemTags() {
        final Tagging.Diff diff = Tagging.diff(Map.of("aws:cloudformation:stack-id", "old", "aws:x", "1"),
            Map.of("aws:cloudformation:stack-id", "new", "AWS:y", "2", "a", "b"));

        assertThat(diff.toAdd()).containsOnlyKeys("a");
        assertThat(diff.toRemove()).isEmpty();
    }

    @Test
    void diffOfEqualOrMissingMapsIsEmpty() {
        assertThat(Tagging.diff(Map.of("a", "1"), Map.of("a", "1")).isEmpty()).isTrue();
        assertThat(Tagging.diff(null, null).isEmpty()).isTrue();
        assertThat(Tagging.diff(null, Map.of("a", "1")).toAdd()).containsOnlyKeys("a");
        assertThat(Tagging.diff(Map.of("a", "1"), null).toRemove()).containsOnly("a");
    }

    @Test
    void reportedTagsDropSystemAndStackTagsButKeepOwnAndForeignTags() {
        final ResourceHandlerRequest<Object> request = ResourceHandlerRequest.builder()
            .desiredResourceTags(Map.of("stack", "s", "shadowed", "stack-value", "own", "v"))
            .build();
        final Map<String, String> service = Map.of(
            "aws:cloudformation:stack-name", "n", "stack", "s", "shadowed", "resource-value", "own", "v",
            "added-by-hand", "h");

        assertThat(Tagging.reportedTags(service, request, Map.of("own", "v")))
            .containsExactlyInAnyOrderEntriesOf(Map.of("shadowed", "resource-value", "own", "v", "added-by-hand", "h"));
        assertThat(Tagging.reportedTags(Map.of("aws:x", "1"), request, null)).isNull();
        assertThat(Tagging.reportedTags(Map.of(), request, null)).isNull();
        assertThat(Tagging.reportedTags(Map.of("a", "1"), null, null)).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void reportedTagsOfAModelThatDeclaresTagsAreNeverNull() {
        final ResourceHandlerRequest<Object> request = ResourceHandlerRequest.builder()
            .desiredResourceTags(Map.of("stack", "s")).build();
        assertThat(Tagging.reportedTags(Map.of("aws:x", "1", "stack", "s"), request, Map.of())).isEmpty();
        assertThat(Tagging.reportedTags(null, request, Map.of())).isEmpty();
        assertThat(Tagging.reportedTags(null, request, null)).isNull();
    }

    record Tag(String key, String value) {
    }

    @Test
    void convertsBetweenModelTagSetsAndMaps() {
        assertThat(Tagging.toMap(List.of(new Tag("a", "1"), new Tag("b", null)), Tag::key, Tag::value))
            .containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
        assertThat(Tagging.toMap(null, Tag::key, Tag::value)).isNull();
        assertThat(Tagging.toSet(Map.of("a", "1"), Tag::new)).containsExactly(new Tag("a", "1"));
        assertThat(Tagging.toSet(Map.of(), Tag::new)).isNull();
        assertThat(Tagging.orNull(Map.of())).isNull();
    }
}
