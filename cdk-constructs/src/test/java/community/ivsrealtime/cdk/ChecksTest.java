package community.ivsrealtime.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Token;

/** The Java-side token test that spares a round trip to node: it must answer as aws-cdk-lib's {@code Token.isUnresolved}. */
class ChecksTest {

    @Test
    void plainJavaValuesAreDecidedWithoutNode() {
        assertThat(Checks.isUnresolved("stage-1")).isFalse();
        assertThat(Checks.isUnresolved("")).isFalse();
        assertThat(Checks.isUnresolved(42)).isFalse();
        assertThat(Checks.isUnresolved(42L)).isFalse();
        assertThat(Checks.isUnresolved(1.5d)).isFalse();
        assertThat(Checks.isUnresolved(Double.NaN)).isFalse();
        assertThat(Checks.isUnresolved(Boolean.TRUE)).isFalse();
        assertThat(Checks.isUnresolved(List.of("a", "b"))).isFalse();
        assertThat(Checks.known("stage-1")).isTrue();
        assertThat(Checks.known(null)).isFalse();
    }

    @Test
    void everyKindOfTokenIsStillRecognised() {
        String string = Fn.ref("Param");
        Number number = Token.asNumber(Fn.ref("Param"));
        List<String> list = Token.asList(Fn.ref("Param"));
        Object resolvable = Fn.getAtt("Res", "Arn");
        for (Object token : List.of(string, "prefix-" + string, number, list, resolvable)) {
            assertThat(Checks.isUnresolved(token)).as(String.valueOf(token)).isTrue();
            assertThat(Checks.known(token)).as(String.valueOf(token)).isFalse();
            assertThat(Token.isUnresolved(token)).as("node agrees on " + token).isTrue();
        }
        // a map is never a token for aws-cdk-lib either (only objects with resolve())
        assertThat(Token.isUnresolved(Map.of("a", "b"))).isFalse();
    }

    /**
     * Strings, numbers and lists are decided in Java; each answer must be node's. Near misses of the token encodings
     * (a marker without its key, a key with a character outside the allowed ones, a stringified number token without
     * {@code Token[} elsewhere in the string, which aws-cdk-lib does not count) are where a hand-made test would go wrong.
     */
    @Test
    void javaAnswersAsNodeDoes() {
        String string = Fn.ref("Param");
        String numberAsString = Token.asString(Token.asNumber(Fn.ref("Param")));
        String listElement = Token.asList(Fn.ref("Param")).get(0);
        List<Object> values = new java.util.ArrayList<>(List.of(
                "stage-1", "", "Token[", "${Token[", "${Token[]}", "${Token[TOKEN.1]}", "${Token[TOKEN 1]}",
                "${Token[a-Z0-9:._-]}", "x${Token[TOKEN.12]}y", "#{Token[TOKEN.1]}", "${Token[TOKEN.1]",
                "-1.8881545897087626e+289", "Token[ -1.8881545897087626e+289", "Token[ -1.888154589e+289",
                string, "arn:" + string + ":x", numberAsString, "Token[" + numberAsString, listElement,
                Token.asNumber(Fn.ref("Param")), 7, 7.25d, -1.8881545897087626e+289d, Double.NaN, true,
                List.of(listElement), List.of(listElement, "b"), List.of(string), List.of("#{Token[TOKEN.9]}"),
                List.of(), List.of("a")));
        for (Object value : values) {
            assertThat(Checks.isUnresolved(value)).as("Java's answer for %s", value).isEqualTo(Token.isUnresolved(value));
        }
        assertThat(values.stream().filter(Checks::isUnresolved).count()).as("the corpus holds tokens").isGreaterThan(5);
        assertThat(values.stream().filter(v -> !Checks.isUnresolved(v)).count()).as("and near misses").isGreaterThan(10);
    }
}
