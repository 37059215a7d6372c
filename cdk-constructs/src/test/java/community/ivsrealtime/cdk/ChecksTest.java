package community.ivsrealtime.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Token;

/** The Java-side token test that spares a round trip to node for values that cannot be tokens. */
class ChecksTest {

    @Test
    void plainJavaValuesAreDecidedWithoutNode() {
        assertThat(Checks.mightBeToken("stage-1")).isFalse();
        assertThat(Checks.mightBeToken("")).isFalse();
        assertThat(Checks.mightBeToken(42)).isFalse();
        assertThat(Checks.mightBeToken(42L)).isFalse();
        assertThat(Checks.mightBeToken(1.5d)).isFalse();
        assertThat(Checks.mightBeToken(Double.NaN)).isFalse();
        assertThat(Checks.mightBeToken(Boolean.TRUE)).isFalse();
        assertThat(Checks.mightBeToken(List.of("a", "b"))).isFalse();
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
            assertThat(Checks.mightBeToken(token)).as(String.valueOf(token)).isTrue();
            assertThat(Checks.isUnresolved(token)).as(String.valueOf(token)).isTrue();
            assertThat(Checks.known(token)).as(String.valueOf(token)).isFalse();
            assertThat(Token.isUnresolved(token)).as("node agrees on " + token).isTrue();
        }
        // a map is never a token for aws-cdk-lib either (only objects with resolve())
        assertThat(Token.isUnresolved(Map.of("a", "b"))).isFalse();
    }
}
