package org.opencommerce.customer.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The results as a table, as CSV and JSON files, and the ratios the benchmark's targets are stated in. */
final class Report {

    /** Fact name prefix of the raw hash rate around the login run at a concurrency (on min(c, cores) threads). */
    static final String HASH_RATE = "hash.verifications_per_second.around_login_c=";
    static final String SIGNATURE_RATE = "rs256.signatures_per_second.around_refresh_c=";
    private static final Pattern TARGET = Pattern.compile("\\(target (>=|<=|<) ([0-9.]+)\\)");

    private final List<LoadRun.Result> results;
    private final Map<String, Object> facts;

    Report(List<LoadRun.Result> results, Map<String, Object> facts) {
        this.results = results;
        this.facts = facts;
    }

    String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-9s %-10s %5s %-18s %10s %9s %9s %9s %7s %8s%n", "system", "scenario", "conc", "note", "req/s",
                "p50 ms", "p95 ms", "p99 ms", "errors", "RSS MiB"));
        for (LoadRun.Result r : results) {
            table.append(String.format(Locale.ROOT, "%-9s %-10s %5d %-18s %10.1f %9.2f %9.2f %9.2f %7d %8d%n",
                    r.system(), r.scenario(), r.concurrency(), r.note(), r.perSecond(), r.p50Millis(), r.p95Millis(),
                    r.p99Millis(), r.errors(), r.serverRssMib()));
        }
        return table.toString();
    }

    /** Each target's ratio, computed from this run only. */
    Map<String, Double> ratioValues() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (int c : concurrencies()) {
            find("service", "empty", c).ifPresent(empty -> find("service", "me", c).ifPresent(me ->
                    ratios.put("me/empty c=" + c + " (target >= 0.50)", me.perSecond() / empty.perSecond())));
        }
        for (int c : concurrencies()) {
            // c logins at once can use at most min(c, cores) cores: the raw rate was measured on as many threads.
            if (facts.get(HASH_RATE + c) instanceof Double rate) {
                find("service", "login", c).ifPresent(login ->
                        ratios.put("login/raw hash c=" + c + " (target >= 0.90)", login.perSecond() / rate));
            }
        }
        for (int c : concurrencies()) {
            String refreshTarget = c >= 16 ? " (target >= 2)" : " (no target)";
            find("service", "refresh", c).ifPresent(ours -> find("keycloak", "refresh", c).ifPresent(kc ->
                    ratios.put("refresh/keycloak refresh c=" + c + refreshTarget, ours.perSecond() / kc.perSecond())));
            if (facts.get(SIGNATURE_RATE + c) instanceof Double rate) {
                find("service", "refresh", c).ifPresent(refresh ->
                        ratios.put("refresh/raw RS256 signatures c=" + c + " (ceiling, no target)", refresh.perSecond() / rate));
            }
            String userinfoTarget = c >= 64 ? " (target >= 1)" : " (no target)";
            find("service", "me", c).ifPresent(ours -> find("keycloak", "userinfo", c).ifPresent(kc ->
                    ratios.put("me/keycloak userinfo c=" + c + userinfoTarget, ours.perSecond() / kc.perSecond())));
            find("service", "login", c).ifPresent(ours -> find("keycloak", "login", c).ifPresent(kc ->
                    ratios.put("login/keycloak login c=" + c + " (no target)", ours.perSecond() / kc.perSecond())));
        }
        List<LoadRun.Result> scaled = results.stream().filter(r -> r.note().startsWith("customers=")
                && r.concurrency() == 16).toList();
        for (String scenario : List.of("me", "login")) {
            List<LoadRun.Result> runs = scaled.stream().filter(r -> r.scenario().equals(scenario)).toList();
            if (runs.size() >= 2) {
                LoadRun.Result smallest = runs.get(runs.size() - 2);
                LoadRun.Result largest = runs.get(runs.size() - 1);
                ratios.put(scenario + " p50 " + largest.note() + " / " + smallest.note() + " (target <= 1.2)",
                        largest.p50Millis() / smallest.p50Millis());
            }
        }
        results.stream().filter(r -> r.scenario().startsWith("bo-")).forEach(search ->
                ratios.put(search.scenario() + " p50 ms " + search.note() + " (target < 50)", search.p50Millis()));
        results.stream().filter(r -> r.system().equals("service")).mapToLong(LoadRun.Result::serverRssMib).max()
                .ifPresent(rss -> ratios.put("service peak RSS MiB (target <= 512)", (double) rss));
        return ratios;
    }

    String ratios() {
        StringBuilder text = new StringBuilder("Ratios (this run):\n");
        ratioValues().forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-62s %10.2f  %s%n", name, value,
                verdict(name, value))));
        facts.forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-58s %s%n", name, value)));
        return text.toString();
    }

    /** "met" or "missed" for a ratio whose name states its target; empty for the others. */
    static String verdict(String name, double value) {
        Matcher target = TARGET.matcher(name);
        if (!target.find()) {
            return "";
        }
        double bound = Double.parseDouble(target.group(2));
        boolean met = switch (target.group(1)) {
            case ">=" -> value >= bound;
            case "<=" -> value <= bound;
            default -> value < bound;
        };
        return met ? "met" : "missed";
    }

    void write(Path dir) throws IOException {
        try (Writer csv = Files.newBufferedWriter(dir.resolve("results.csv"))) {
            csv.write("system,scenario,concurrency,note,seconds,requests,errors,per_second,p50_ms,p95_ms,p99_ms,server_rss_mib\n");
            for (LoadRun.Result r : results) {
                csv.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%.1f,%d,%d,%.2f,%.3f,%.3f,%.3f,%d%n", r.system(),
                        r.scenario(), r.concurrency(), r.note(), r.seconds(), r.requests(), r.errors(), r.perSecond(),
                        r.p50Millis(), r.p95Millis(), r.p99Millis(), r.serverRssMib()));
            }
        }
        JsonArrayBuilder runs = Json.createArrayBuilder();
        for (LoadRun.Result r : results) {
            runs.add(Json.createObjectBuilder().add("system", r.system()).add("scenario", r.scenario())
                    .add("concurrency", r.concurrency()).add("note", r.note()).add("seconds", r.seconds())
                    .add("requests", r.requests()).add("errors", r.errors()).add("perSecond", r.perSecond())
                    .add("p50Millis", safe(r.p50Millis())).add("p95Millis", safe(r.p95Millis()))
                    .add("p99Millis", safe(r.p99Millis())).add("serverRssMib", r.serverRssMib()));
        }
        JsonObjectBuilder ratios = Json.createObjectBuilder();
        ratioValues().forEach((name, value) -> ratios.add(name, safe(value)));
        JsonObjectBuilder factValues = Json.createObjectBuilder();
        facts.forEach((name, value) -> factValues.add(name, String.valueOf(value)));
        JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (Writer json = Files.newBufferedWriter(dir.resolve("results.json"))) {
            writers.createWriter(json).writeObject(Json.createObjectBuilder().add("runs", runs).add("ratios", ratios)
                    .add("facts", factValues).build());
        }
        Files.writeString(dir.resolve("results.txt"), table() + "\n" + ratios());
    }

    private static double safe(double value) {
        return Double.isFinite(value) ? value : -1;
    }

    private List<Integer> concurrencies() {
        return results.stream().filter(r -> r.scenario().equals("me") || r.scenario().equals("empty")
                || r.system().equals("keycloak")).map(LoadRun.Result::concurrency).distinct().toList();
    }

    /** The first run of system/scenario at concurrency c (the scale runs come later and are excluded). */
    private Optional<LoadRun.Result> find(String system, String scenario, int c) {
        return results.stream().filter(r -> r.system().equals(system) && r.scenario().equals(scenario)
                && r.concurrency() == c).findFirst();
    }
}
