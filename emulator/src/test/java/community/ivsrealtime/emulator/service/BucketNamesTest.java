package community.ivsrealtime.emulator.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The StorageConfiguration schema's BucketName pattern and the endpoint's S3 naming rules agree: every name the
 * pattern refuses breaks a rule, and every name it accepts breaks none except the rules a regular expression without
 * look-arounds does not express (IP address, reserved prefixes and suffixes).
 */
class BucketNamesTest {
    private static final List<String> NAMES = List.of("abc", "my.bucket", "a-b.c-d", "a.-b", "1-2", "my..bucket",
            "-bucket", "bucket-", ".bucket", "bucket.", "Bucket", "my_bucket", "192.168.1.1", "xn--abc", "sthree-x",
            "amzn-s3-demo-x", "b-s3alias", "b--ol-s3", "b.mrap", "b--x-s3", "b--table-s3", "a..b.c", "a.b..");

    @Test
    void theSchemaPatternAgreesWithTheRules() throws Exception {
        Path schema = Path.of("..", "resource-schemas", "community-ivsrealtime-storageconfiguration.json");
        String pattern = new ObjectMapper().readTree(Files.readString(schema))
                .at("/definitions/S3StorageConfiguration/properties/BucketName/pattern").asText();
        assertThat(pattern).isNotEmpty();
        Pattern p = Pattern.compile(pattern);
        List<String> notByPattern = List.of("must not be formatted as an IP address", "must not start with the reserved",
                "must not end with the reserved");
        for (String name : NAMES) {
            String problem = BucketNames.problem(name);
            boolean matches = p.matcher(name).find();
            if (!matches) {
                assertThat(problem).as(name).isNotNull();
            } else if (problem != null) {
                assertThat(notByPattern).as(name + ": " + problem).anyMatch(problem::startsWith);
            }
        }
    }
}
