package community.ivsrealtime.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** Helpers of the L2 tests: a stack in a fixed environment and plain-map views of synthesized templates. */
final class L2Tests {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-west-2";

    private L2Tests() {
    }

    /** A stack with a literal account and Region (so ARNs and principals render as plain strings). */
    static Stack stack() {
        return stacks("S").get(0);
    }

    /** Stacks of one app, each with that literal account and Region, for references from one to another. */
    static List<Stack> stacks(String... ids) {
        App app = new App();
        StackProps env = StackProps.builder().env(Environment.builder().account(ACCOUNT).region(REGION).build()).build();
        return java.util.Arrays.stream(ids).map(id -> new Stack(app, id, env)).toList();
    }

    /**
     * Synthesizes the stack and validates every {@code Community::IVSRealTime::*} resource in it against its schema
     * with the handlers' validator ({@link SchemaAssertions}).
     */
    static Template synth(Stack stack) {
        Template template = Template.fromStack(stack);
        SchemaAssertions.assertTemplateValid(template);
        return template;
    }

    /** The resources of a type: logical ID to resource. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template, String type) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources(type);
    }

    /** The one resource of a type. */
    static Map<String, Object> resource(Template template, String type) {
        Map<String, Map<String, Object>> found = resources(template, type);
        assertThat(found).as(type).hasSize(1);
        return found.values().iterator().next();
    }

    /** The properties of the one resource of a type. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Template template, String type) {
        return (Map<String, Object>) resource(template, type).getOrDefault("Properties", Map.of());
    }

    /** The logical ID of a construct's default child (its L1). */
    static String logicalId(IConstruct construct) {
        CfnElement element = (CfnElement) construct.getNode().getDefaultChild();
        return Stack.of(construct).resolve(element.getLogicalId()).toString();
    }

    /** {@code {"Fn::GetAtt": [<logical ID of construct's L1>, attribute]}}. */
    static Map<String, Object> getAtt(IConstruct construct, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId(construct), attribute));
    }

    /** Every statement of every IAM policy in the template. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> policyStatements(Template template) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : resources(template, "AWS::IAM::Policy").values()) {
            Map<String, Object> doc = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
                    .get("PolicyDocument");
            statements.addAll((List<Map<String, Object>>) doc.get("Statement"));
        }
        return statements;
    }
}
