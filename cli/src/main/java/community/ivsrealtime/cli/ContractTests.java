package community.ivsrealtime.cli;

import community.ivsrealtime.contract.ContractInputs;
import community.ivsrealtime.contract.ContractSuite;
import community.ivsrealtime.contract.ContractSuite.Outcome;
import community.ivsrealtime.contract.ContractSuite.Result;
import community.ivsrealtime.registry.ResourceType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ivsrt test [TYPE...] [--inputs DIR] [--endpoint URL | --aws]}: the 14 CloudFormation contract tests
 * ({@link ContractSuite}, the same checks the project's JUnit run makes) for each type and each of its input sets;
 * a table test x type, the reasons of every failure and skip, JUnit XML reports. Every test deletes what it
 * created, also when it fails. Exit code 0 when no test failed, 1 otherwise, 2 on a usage error.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = Ivsrt.Version.class,
    header = "Run the CloudFormation contract tests against the handlers (like cfn test, Java only).",
    description = {"Runs the 14 contract tests of CloudFormation's resource contract test suite for each TYPE "
        + "(default: all) and each of its input sets (inputs_<n>_create.json + inputs_<n>_update.json; default: "
        + "the ones shipped in the RegisterType packages), through each type's HandlerWrapper.handleRequest.",
        "Without --endpoint/--aws the calls go to a local endpoint started in this process. Every test deletes "
            + "what it created, also when it fails.",
        "Prints a table (test x type: pass, FAIL or skip), the reasons, and writes JUnit XML reports.",
        "Exit code 0 when no test failed, 1 otherwise, 2 on a usage error."})
public final class ContractTests implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TYPE", arity = "0..*",
        description = "Resource types, full or simple names (default: all).")
    List<String> types;

    @Option(names = "--inputs", paramLabel = "DIR", description = "Directory of contract inputs: DIR/<type>/inputs/,"
        + " DIR/<type>/ or (one type) DIR/ holding inputs_<n>_create.json and inputs_<n>_update.json; <type> as "
        + "in stage, encoderconfiguration, ...")
    Path inputs;

    @Option(names = "--test", paramLabel = "NAME", split = ",",
        description = "Only these tests (default: all 14), e.g. contract_create_read.")
    List<String> only;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "target/ivsrt-test-reports",
        description = "Where the JUnit XML reports go (default ${DEFAULT-VALUE}).")
    Path report;

    @Mixin
    Target.Options target;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final List<ResourceType> selected = new ArrayList<>();
        if (types == null || types.isEmpty()) {
            selected.addAll(Arrays.asList(ResourceType.values()));
        }
        for (final String name : types == null ? List.<String>of() : types) {
            try {
                final ResourceType type = new Target.TypeConverter().convert(name);
                if (!selected.contains(type)) {
                    selected.add(type);
                }
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        final List<String> tests = only == null || only.isEmpty() ? ContractSuite.TESTS : only;
        for (final String test : tests) {
            if (!ContractSuite.TESTS.contains(test)) {
                throw new ParameterException(spec.commandLine(), "no contract test \"" + test + "\"; known: "
                    + String.join(", ", ContractSuite.TESTS));
            }
        }
        final Map<ResourceType, List<ContractInputs>> sets = new LinkedHashMap<>();
        for (final ResourceType type : selected) {
            final List<ContractInputs> found = inputsOf(type);
            if (found.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no contract inputs for " + type.typeName() + " in "
                    + inputs + " (inputs_<n>_create.json and inputs_<n>_update.json in " + inputs + "/"
                    + type.lowerName() + "/inputs/, " + inputs + "/" + type.lowerName() + "/ or " + inputs + "/)");
            }
            sets.put(type, found);
        }
        final List<Result> results = new ArrayList<>();
        try (Target to = Target.open(target)) {
            out.println("Contract tests against " + to.description());
            out.flush();
            for (final Map.Entry<ResourceType, List<ContractInputs>> entry : sets.entrySet()) {
                for (final ContractInputs set : entry.getValue()) {
                    final ContractSuite suite = new ContractSuite(entry.getKey(), set, to.caller());
                    for (final String test : tests) {
                        final Result result = suite.run(test);
                        results.add(result);
                        err.println("  " + entry.getKey().simpleName() + " " + set.name() + " " + test + ": "
                            + word(result.outcome()) + " (" + result.millis() + " ms)");
                        err.flush();
                    }
                }
            }
        }
        printTable(out, tests, sets, results);
        final List<Path> written = JUnitXml.write(report, results);
        out.println("JUnit XML: " + written.size() + " report" + (written.size() == 1 ? "" : "s") + " in "
            + report.toAbsolutePath().normalize());
        final long failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        final long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIP).count();
        out.println(results.size() + " tests: " + (results.size() - failed - skipped) + " passed, " + failed
            + " failed, " + skipped + " skipped");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private List<ContractInputs> inputsOf(final ResourceType type) {
        if (inputs == null) {
            return ContractInputs.bundled(type);
        }
        if (!Files.isDirectory(inputs)) {
            throw new ParameterException(spec.commandLine(), "--inputs " + inputs + " is not a directory");
        }
        try {
            return ContractInputs.fromDirectory(inputs, type);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String word(final Outcome outcome) {
        return switch (outcome) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case SKIP -> "skip";
        };
    }

    private static void printTable(final PrintWriter out, final List<String> tests,
                                   final Map<ResourceType, List<ContractInputs>> sets, final List<Result> results) {
        final List<ResourceType> columns = new ArrayList<>(sets.keySet());
        final int first = tests.stream().mapToInt(String::length).max().orElse(4);
        final List<Integer> widths = new ArrayList<>();
        for (final ResourceType type : columns) {
            widths.add(Math.max(type.simpleName().length(), sets.get(type).size() * 5 - 1));
        }
        final StringBuilder header = new StringBuilder(pad("test", first));
        for (int i = 0; i < columns.size(); i++) {
            header.append("  ").append(pad(columns.get(i).simpleName(), widths.get(i)));
        }
        out.println();
        out.println(header.toString().stripTrailing());
        for (final String test : tests) {
            final StringBuilder line = new StringBuilder(pad(test, first));
            for (int i = 0; i < columns.size(); i++) {
                final ResourceType type = columns.get(i);
                final String cell = results.stream().filter(r -> r.test().equals(test) && r.type() == type)
                    .map(r -> word(r.outcome())).collect(Collectors.joining(" "));
                line.append("  ").append(pad(cell, widths.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(one word per input set: " + sets.values().iterator().next().stream().map(ContractInputs::name)
            .collect(Collectors.joining(", ")) + ")");
        final List<Result> notPassed = results.stream().filter(r -> r.outcome() != Outcome.PASS).toList();
        if (!notPassed.isEmpty()) {
            out.println();
            for (final Result r : notPassed) {
                out.println(word(r.outcome()) + " " + r.test() + " " + r.type().simpleName() + " " + r.inputs() + ": "
                    + r.reason());
            }
        }
        out.println();
    }

    private static String pad(final String text, final int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** JUnit XML (the Ant/Surefire format CI systems read): one file per type, a testcase per test and input set. */
    static final class JUnitXml {
        private JUnitXml() {
        }

        static List<Path> write(final Path dir, final List<Result> results) {
            final List<Path> written = new ArrayList<>();
            try {
                Files.createDirectories(dir);
                final Map<ResourceType, List<Result>> byType = results.stream()
                    .collect(Collectors.groupingBy(Result::type, LinkedHashMap::new, Collectors.toList()));
                for (final Map.Entry<ResourceType, List<Result>> entry : byType.entrySet()) {
                    final Path file = dir.resolve("TEST-ivsrt-contract-" + entry.getKey().lowerName() + ".xml");
                    Files.writeString(file, suite(entry.getKey(), entry.getValue()), StandardCharsets.UTF_8);
                    written.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JUnit XML reports to " + dir, e);
            }
            return written;
        }

        static String suite(final ResourceType type, final List<Result> results) {
            final long failures = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
            final long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIP).count();
            final double seconds = results.stream().mapToLong(Result::millis).sum() / 1000.0;
            final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            xml.append("<testsuite name=\"").append(escape(type.typeName())).append("\" tests=\"")
                .append(results.size()).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                .append(skipped).append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds))
                .append("\">\n");
            for (final Result r : results) {
                xml.append("  <testcase classname=\"").append(escape(type.typeName())).append("\" name=\"")
                    .append(escape(r.test() + "[" + r.inputs() + "]")).append("\" time=\"")
                    .append(String.format(Locale.ROOT, "%.3f", r.millis() / 1000.0)).append('"');
                if (r.outcome() == Outcome.PASS) {
                    xml.append("/>\n");
                    continue;
                }
                xml.append(">\n    <").append(r.outcome() == Outcome.FAIL ? "failure" : "skipped")
                    .append(" message=\"").append(escape(r.reason())).append("\"/>\n  </testcase>\n");
            }
            return xml.append("</testsuite>\n").toString();
        }

        static String escape(final String text) {
            final StringBuilder s = new StringBuilder();
            for (final char c : String.valueOf(text).toCharArray()) {
                switch (c) {
                    case '&' -> s.append("&amp;");
                    case '<' -> s.append("&lt;");
                    case '>' -> s.append("&gt;");
                    case '"' -> s.append("&quot;");
                    case '\'' -> s.append("&apos;");
                    default -> {
                        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                            s.append(' ');
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            return s.toString();
        }
    }
}
