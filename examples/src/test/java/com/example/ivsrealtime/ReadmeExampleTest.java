package com.example.ivsrealtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.ivsrealtime.cdk.SchemaAssertions;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's CDK example, as a newcomer would use it: the Java block under "Use the constructs in your CDK app"
 * is compiled against this app's classpath and its main run; CDK_OUTDIR and CDK_CONTEXT_JSON (set for this JVM by
 * the pom, as the CDK CLI sets them for an app) say where the assembly goes and where the packages are.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of(System.getProperty("readme", "../README.md"));

    static String javaBlock(String readme, String heading) {
        int section = readme.indexOf(heading);
        assertThat(section).as("README heading " + heading).isNotNegative();
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("\n```", start + 8);
        return readme.substring(start + 8, end + 1);
    }

    @Test
    void theReadmeExampleCompilesAndSynthesizesValidTemplates() throws Exception {
        String source = javaBlock(Files.readString(README), "### Use the constructs in your CDK app");
        Path work = Path.of("target", "readme-example").toAbsolutePath();
        Path src = work.resolve("src/com/myorg/IvsApp.java");
        Path classes = work.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "--release", "17"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.toFile())).call();
        assertThat(compiled).as("the README example compiles:\n" + diagnostics).isTrue();

        Path outdir = Path.of(System.getenv("CDK_OUTDIR"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("com.myorg.IvsApp").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode types = json.readTree(outdir.resolve("IvsRealTimeTypes.template.json").toFile());
        assertThat(IvsRealTimeAppTest.typeCounts(types)).containsEntry("AWS::CloudFormation::ResourceVersion", 5);
        JsonNode video = json.readTree(outdir.resolve("Video.template.json").toFile());
        assertThat(IvsRealTimeAppTest.typeCounts(video)).containsEntry("Community::IVSRealTime::Stage", 1)
                .containsEntry("Community::IVSRealTime::StorageConfiguration", 1)
                .containsEntry("Community::IVSRealTime::EncoderConfiguration", 1)
                .containsEntry("Community::IVSRealTime::PublicKey", 1)
                .containsEntry("Community::IVSRealTime::IngestConfiguration", 1)
                .containsEntry("AWS::CloudWatch::Alarm", 1)
                .containsEntry("AWS::Events::Rule", 1);
        assertThat(SchemaAssertions.assertAssemblyValid(outdir)).isEqualTo(5);
        assertThat(Files.readString(outdir.resolve("manifest.json"))).as("no warning or error annotations")
                .doesNotContain("aws:cdk:warning", "aws:cdk:error");
    }
}
