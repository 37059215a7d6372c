package community.ivsrealtime.cli.deploy;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the deploy commands print: a progress line per step (elapsed time since the command started, stack,
 * resource, action, status, the step's own time), tables, and messages. Every line goes through
 * {@link community.ivsrealtime.cli.Secrets#redact}: a stream key the state or a model carries is never printed.
 */
public final class Printer {

    private final PrintWriter out;
    private final community.ivsrealtime.cli.Secrets secrets;
    private final long started = System.nanoTime();

    public Printer(final PrintWriter out, final community.ivsrealtime.cli.Secrets secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    public community.ivsrealtime.cli.Secrets secrets() {
        return secrets;
    }

    public void line(final String text) {
        out.println(secrets.redact(text));
        out.flush();
    }

    /** Seconds since the command started. */
    public double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** One step's progress: {@code [  1.2s] stack  LogicalId  Type  ACTION  STATUS  (0.3s) detail}. */
    public void step(final String stack, final String logicalId, final String type, final String action,
                     final String status, final Double seconds, final String detail) {
        line(String.format(Locale.ROOT, "[%6.1fs] %-12s %-22s %-33s %-8s %-11s%s%s", elapsed(), stack, logicalId,
            shortType(type), action, status, seconds == null ? "" : String.format(Locale.ROOT, " %5.2fs", seconds),
            detail == null || detail.isEmpty() ? "" : "  " + detail));
    }

    /** A table with a header row; columns as wide as their widest cell. */
    public void table(final List<String> header, final List<List<String>> rows) {
        final int[] widths = new int[header.size()];
        final List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (final List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i) == null ? 0 : row.get(i).length());
            }
        }
        for (final List<String> row : all) {
            final StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                final String cell = row.get(i) == null ? "" : row.get(i);
                line.append(i == row.size() - 1 ? cell : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cell));
            }
            line(line.toString().stripTrailing());
        }
    }

    /** {@code Community::IVSRealTime::Stage} as {@code IVSRealTime::Stage}; other types as they are. */
    static String shortType(final String type) {
        return type.startsWith("Community::") ? type.substring("Community::".length()) : type;
    }
}
