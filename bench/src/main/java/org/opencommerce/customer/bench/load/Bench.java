package org.opencommerce.customer.bench.load;

import jakarta.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark: the service's hot paths next to their ceilings (an empty JAX-RS endpoint in the same server, the raw
 * password-hash rate) and next to Keycloak, at several concurrencies and customer counts. bench/run.sh starts the
 * servers and calls this; see README, "Benchmark".
 */
public final class Bench {

    static final String PASSWORD = "bench password 1";
    private static final int SCALE_CONCURRENCY = 16;
    /** Distinct customers whose tokens a /me run spreads its reads over. */
    private static final int TOKEN_POOL = 256;
    /**
     * The first preloaded customers are the address writers' (one per client), never read by the other scenarios:
     * their address books grow by thousands during the write runs, which would make later /me reads of them larger.
     */
    private static final int WRITERS = 64;
    private static final List<String> SEARCHES = List.of("bo-email", "bo-number", "bo-prefix");
    private static final int KEYCLOAK_USERS = 100;
    /** The warm-up ends when the compilers work less than this share of a round's wall time (seconds per second). */
    private static final double JIT_QUIET = 0.05;

    private final Options options;
    private final List<LoadRun.Result> results = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Storefront storefront;
    private final ServerMemory memory;
    private long customers;
    /** Null when the run has no operator password (BENCH_ADMIN_PASSWORD): no back-office scenarios. */
    private BackOffice backOffice;

    private Bench(Options options, ServerMemory memory) {
        this.options = options;
        this.memory = memory;
        this.storefront = new Storefront(options.base, options.tenant, options.clientId);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        try (ServerMemory memory = new ServerMemory(options.serverPid)) {
            Bench bench = new Bench(options, memory);
            bench.runAll();
            Report report = new Report(bench.results, bench.facts);
            Files.createDirectories(options.out);
            report.write(options.out);
            System.out.println(report.table());
            System.out.println(report.ratios());
            System.out.println("Results: " + options.out.toAbsolutePath());
        }
    }

    private void runAll() throws Exception {
        BulkLoader loader = new BulkLoader(options.dbUrl, options.dbUser, options.dbPassword, options.tenant);
        // One customer signed up through the API: its stored hash has the server's parameters, and every preloaded
        // account gets a copy of it (they all have the same password).
        String probe = "probe-" + Long.toString(System.nanoTime(), 36) + BulkLoader.EMAIL_DOMAIN;
        Http setup = new Http();
        Http.json(storefront.signup(setup, storefront.anonymousToken(setup), probe, PASSWORD), 201);
        String hash = loader.storedHash(probe);
        HashRate hashRate = new HashRate(hash);
        int cores = Runtime.getRuntime().availableProcessors();
        facts.put("cores", cores);
        facts.put("service.hash", hashRate.parameters());
        long small = options.scales[0];
        if (small <= WRITERS) {
            throw new IllegalArgumentException("the smallest scale must be more than " + WRITERS + " customers");
        }
        facts.put("load.seconds." + small, loader.loadUpTo(small, hash));
        if (options.adminPassword != null) {
            backOffice = new BackOffice(setup, options.base, options.tenant, options.adminPassword);
        }
        customers = loader.count();
        SignatureRate signatureRate = new SignatureRate(setup, options.base);
        facts.put("service.signature", signatureRate.parameters());
        facts.put("repetitions", options.reps + " per scenario (the median by req/s is reported, the spread in facts)");
        warmUp();

        for (int c : options.concurrency) {
            run("service", "empty", c, i -> emptyEndpoint());
            run("service", "me", c, i -> me(c));
        }
        for (int c : options.concurrency) {
            loginNextToRawHash(hashRate, c, cores);
        }
        for (int c : options.concurrency) {
            run("service", "anonymous", c, i -> anonymous());
            refreshNextToRawSignatures(signatureRate, c, cores);
        }
        for (int c : options.concurrency) {
            run("service", "address", c, i -> address(i % WRITERS));
        }
        for (long scale : options.scales) {
            if (scale != small) {
                facts.put("load.seconds." + scale, loader.loadUpTo(scale, hash));
            }
            customers = loader.count();
            String note = "customers=" + scale;
            measure("service", "me", note, SCALE_CONCURRENCY, i -> me(SCALE_CONCURRENCY), memory);
            measure("service", "login", note, SCALE_CONCURRENCY, i -> login(), memory);
            if (backOffice != null) {
                searches(note);
            }
        }
        // Last: new customers get ids after the preloaded ones, which the scale runs count on.
        AtomicLong signups = new AtomicLong();
        for (int c : options.concurrency) {
            run("service", "signup", c, i -> signup(signups));
        }
        if (options.keycloak != null) {
            keycloak();
        }
    }

    /**
     * Logins at concurrency c, with their ceiling measured right before and right after: the raw hash rate on as many
     * threads as there are logins, up to the cores. Back to back, because the machine's speed drifts (the same hash
     * loop has run at 26 and at 66 verifications/s a minute apart on the 2-core build machine).
     */
    private void loginNextToRawHash(HashRate hashRate, int c, int cores) throws Exception {
        int threads = Math.min(c, cores);
        Duration measured = options.measured.dividedBy(2);
        double before = hashRate.verificationsPerSecond(PASSWORD, threads, options.warmup, measured);
        run("service", "login", c, i -> login());
        double after = hashRate.verificationsPerSecond(PASSWORD, threads, options.warmup, measured);
        facts.put(Report.HASH_RATE + c, (before + after) / 2);
        facts.put(Report.HASH_RATE + c + ".before_after", String.format(Locale.ROOT, "%.1f / %.1f on %d thread(s)",
                before, after, threads));
    }

    /**
     * The back office's lookups at this scale, one client at a time (their latency is the target): an exact login
     * email, a customer number, and a page of 60 by last-name prefix in last-name order (about one customer in 90
     * matches "Customer 1…" at any scale).
     */
    private void searches(String note) throws Exception {
        for (String scenario : SEARCHES) {
            measure("service", scenario, note, 1, i -> search(scenario), memory);
        }
    }

    private LoadRun.Client search(String scenario) throws Exception {
        Http http = new Http();
        String token = backOffice.token(http);
        return () -> {
            long customer = ThreadLocalRandom.current().nextLong(WRITERS, customers);
            var response = switch (scenario) {
                case "bo-email" -> backOffice.search(http, token, "email:" + BulkLoader.email(customer), null);
                case "bo-number" -> backOffice.search(http, token, "customerNumber:" + BulkLoader.id(customer), null);
                default -> backOffice.search(http, token,
                        "lastName:\"Customer " + (10 + ThreadLocalRandom.current().nextInt(90)) + "\"*", "lastName");
            };
            return response.statusCode() == 200 && response.body().length() > 2;
        };
    }

    private void run(String system, String scenario, int concurrency, LoadRun.ClientFactory factory) throws Exception {
        measure(system, scenario, "customers=" + customers, concurrency, factory, memory);
    }

    /**
     * options.reps runs of a scenario back to back (the first warms up for options.warmup, the others for a second):
     * the one of median throughput is the result, with the highest RSS of all; the spread goes into the facts.
     */
    private LoadRun.Result measure(String system, String scenario, String note, int concurrency,
                                   LoadRun.ClientFactory factory, ServerMemory serverMemory) throws Exception {
        List<LoadRun.Result> reps = new ArrayList<>();
        for (int rep = 0; rep < options.reps; rep++) {
            Duration warmup = rep == 0 ? options.warmup : Duration.ofSeconds(1);
            reps.add(LoadRun.run(system, scenario, note, concurrency, warmup, options.measured, factory, serverMemory));
        }
        reps.sort(Comparator.comparingDouble(LoadRun.Result::perSecond));
        LoadRun.Result median = reps.get(reps.size() / 2).withServerRssMib(
                reps.stream().mapToLong(LoadRun.Result::serverRssMib).max().orElse(0));
        String spread = "spread " + system + " " + scenario + " c=" + concurrency + " " + note;
        // a scenario measured twice in a run (/me and login at 16 clients: in the sweep and as the smallest scale)
        facts.put(facts.containsKey(spread) ? spread + " (again)" : spread, String.format(Locale.ROOT,
                "%.1f .. %.1f req/s, p50 %.2f .. %.2f ms over %d runs", reps.get(0).perSecond(),
                reps.get(reps.size() - 1).perSecond(), reps.stream().mapToDouble(LoadRun.Result::p50Millis).min().orElse(0),
                reps.stream().mapToDouble(LoadRun.Result::p50Millis).max().orElse(0), reps.size()));
        results.add(median);
        print(median);
        return median;
    }

    /**
     * The service's scenarios, unmeasured, before the first measured one, in rounds until the JIT compilers are
     * done with them (measured cold, the first scenarios of a run were up to 2.5x slower; measured after one round,
     * the compilers still took about a core of the two for minutes).
     */
    private void warmUp() throws Exception {
        int c = SCALE_CONCURRENCY;
        List<LoadRun.ClientFactory> scenarios = new ArrayList<>(List.of(i -> emptyEndpoint(), i -> me(c), i -> login(),
                i -> anonymous(), i -> refresh(), i -> address(i % WRITERS)));
        if (backOffice != null) {
            // Without them the first back-office searches, measured between the two scales, made ~180 compiled
            // methods not entrant, among them MP-JWT's and RESTEasy's that /me runs too, and /me at the large scale
            // ran on the recompiled code (bench/RESULTS.md, round 6).
            SEARCHES.forEach(name -> scenarios.add(i -> search(name)));
        }
        warmUp("service", options.serverPid, memory, scenarios);
    }

    /**
     * Rounds of every scenario (each for warmup + measured seconds at SCALE_CONCURRENCY clients) until the server's
     * compilers worked less than JIT_QUIET of a round's time, or until options.warmupMax has passed (at least one
     * round). Every scenario in each round: a server warmed on one request type recompiles when the mix changes.
     */
    private void warmUp(String system, long pid, ServerMemory serverMemory, List<LoadRun.ClientFactory> scenarios)
            throws Exception {
        CompilerActivity compilers = new CompilerActivity(pid);
        Duration each = options.warmup.plus(options.measured);
        long start = System.nanoTime();
        long deadline = start + options.warmupMax.toNanos();
        int rounds = 0;
        String last;
        OptionalDouble compiledBefore = compilers.seconds();
        while (true) {
            long roundStart = System.nanoTime();
            for (LoadRun.ClientFactory scenario : scenarios) {
                LoadRun.run(system, "warm-up", "", SCALE_CONCURRENCY, Duration.ZERO, each, scenario, serverMemory);
            }
            rounds++;
            double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
            OptionalDouble compiledAfter = compilers.seconds();
            if (compiledBefore.isEmpty() || compiledAfter.isEmpty()) {
                last = "compiler time unknown (jcmd PerfCounter.print failed)";
                System.out.println(system + " warm-up round " + rounds + ": " + last);
                break;
            }
            double compiled = compiledAfter.getAsDouble() - compiledBefore.getAsDouble();
            double share = compiled / roundSeconds;
            last = String.format(Locale.ROOT, "compilers busy %.1f s of the last round's %.0f s (%.0f %%)", compiled,
                    roundSeconds, share * 100);
            System.out.println(system + " warm-up round " + rounds + ": " + last);
            if (share < JIT_QUIET || System.nanoTime() >= deadline) {
                break;
            }
            compiledBefore = compiledAfter;
        }
        facts.put("warm-up " + system, String.format(Locale.ROOT, "%d round(s) of every scenario, %.0f s; %s", rounds,
                (System.nanoTime() - start) / 1e9, last));
    }

    /**
     * Refreshes at concurrency c, with their ceiling (raw RS256 signatures of the service's key size) measured right
     * before and right after, on as many threads as the refreshes can use (min(c, cores)), as for the login.
     */
    private void refreshNextToRawSignatures(SignatureRate signatureRate, int c, int cores) throws Exception {
        int threads = Math.min(c, cores);
        Duration measured = options.measured.dividedBy(2);
        double before = signatureRate.signaturesPerSecond(threads, options.warmup, measured);
        run("service", "refresh", c, i -> refresh());
        double after = signatureRate.signaturesPerSecond(threads, options.warmup, measured);
        facts.put(Report.SIGNATURE_RATE + c, (before + after) / 2);
        facts.put(Report.SIGNATURE_RATE + c + ".before_after", String.format(Locale.ROOT, "%.1f / %.1f on %d thread(s)",
                before, after, threads));
    }

    private static void print(LoadRun.Result r) {
        System.out.printf("%-9s %-10s c=%-3d %10.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  rss %d MiB (%s)%n",
                r.system(), r.scenario(), r.concurrency(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors(),
                r.serverRssMib(), r.note());
    }

    private String randomEmail() {
        return BulkLoader.email(ThreadLocalRandom.current().nextLong(WRITERS, customers));
    }

    private LoadRun.Client emptyEndpoint() {
        Http http = new Http();
        String url = options.base + "/bench-empty/ping";
        return () -> http.get(url, null).statusCode() == 200;
    }

    /** /me with the tokens of random customers (a pool, so that reads spread over the table). */
    private LoadRun.Client me(int concurrency) throws Exception {
        Http http = new Http();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Math.max(4, TOKEN_POOL / concurrency); i++) {
            tokens.add(storefront.loggedIn(http, randomEmail(), PASSWORD).getString("access_token"));
        }
        return () -> storefront.me(http, tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()))).statusCode() == 200;
    }

    private LoadRun.Client login() throws Exception {
        Http http = new Http();
        String anonymous = storefront.anonymousToken(http);
        return () -> storefront.login(http, anonymous, randomEmail(), PASSWORD).statusCode() == 200;
    }

    private LoadRun.Client anonymous() {
        Http http = new Http();
        return () -> storefront.anonymousLogin(http).statusCode() == 200;
    }

    private LoadRun.Client refresh() throws Exception {
        Http http = new Http();
        JsonObject login = storefront.loggedIn(http, randomEmail(), PASSWORD);
        String[] pair = {login.getString("access_token"), login.getString("refresh_token")};
        return () -> {
            var response = storefront.refresh(http, pair[0], pair[1]);
            if (response.statusCode() != 200) {
                return false;
            }
            JsonObject tokens = Http.json(response, 200);
            pair[0] = tokens.getString("access_token");
            pair[1] = tokens.getString("refresh_token");
            return true;
        };
    }

    private LoadRun.Client signup(AtomicLong counter) throws Exception {
        Http http = new Http();
        String anonymous = storefront.anonymousToken(http);
        String run = Long.toString(System.nanoTime(), 36);
        return () -> storefront.signup(http, anonymous, "signup-" + run + "-" + counter.incrementAndGet() + "@load.example",
                PASSWORD).statusCode() == 201;
    }

    private LoadRun.Client address(int writer) throws Exception {
        Http http = new Http();
        String token = storefront.loggedIn(http, BulkLoader.email(writer), PASSWORD).getString("access_token");
        return () -> storefront.addAddress(http, token).statusCode() == 201;
    }

    private void keycloak() throws Exception {
        Keycloak keycloak = new Keycloak(options.keycloak);
        Http http = new Http();
        facts.put("keycloak.hash", keycloak.setUp(http, options.keycloakAdmin, options.keycloakAdminPassword,
                KEYCLOAK_USERS, PASSWORD));
        try (ServerMemory keycloakMemory = new ServerMemory(options.keycloakPid)) {
            warmUp("keycloak", options.keycloakPid, keycloakMemory, List.of(i -> keycloakLogin(keycloak),
                    i -> keycloakRefresh(keycloak), i -> keycloakUserinfo(keycloak)));
            for (int c : options.concurrency) {
                String note = "users=" + KEYCLOAK_USERS;
                measure("keycloak", "login", note, c, i -> keycloakLogin(keycloak), keycloakMemory);
                measure("keycloak", "refresh", note, c, i -> keycloakRefresh(keycloak), keycloakMemory);
                measure("keycloak", "userinfo", note, c, i -> keycloakUserinfo(keycloak), keycloakMemory);
            }
        }
    }

    private static LoadRun.Client keycloakLogin(Keycloak keycloak) {
        Http client = new Http();
        return () -> keycloak.passwordGrant(client, randomKeycloakUser(), PASSWORD).statusCode() == 200;
    }

    private static LoadRun.Client keycloakRefresh(Keycloak keycloak) throws Exception {
        Http client = new Http();
        String[] refresh = {Http.json(keycloak.passwordGrant(client, randomKeycloakUser(), PASSWORD), 200)
                .getString("refresh_token")};
        return () -> {
            var response = keycloak.refresh(client, refresh[0]);
            if (response.statusCode() != 200) {
                return false;
            }
            refresh[0] = Http.json(response, 200).getString("refresh_token");
            return true;
        };
    }

    private static LoadRun.Client keycloakUserinfo(Keycloak keycloak) throws Exception {
        Http client = new Http();
        String token = Http.json(keycloak.passwordGrant(client, randomKeycloakUser(), PASSWORD), 200)
                .getString("access_token");
        return () -> keycloak.userinfo(client, token).statusCode() == 200;
    }

    private static String randomKeycloakUser() {
        return Keycloak.username(ThreadLocalRandom.current().nextInt(KEYCLOAK_USERS));
    }

    /** Command-line options (bench/run.sh passes them all). */
    record Options(String base, String tenant, String clientId, String dbUrl, String dbUser, String dbPassword,
                   long serverPid, Path out, Duration warmup, Duration measured, int[] concurrency, long[] scales,
                   String keycloak, long keycloakPid, String keycloakAdmin, String keycloakAdminPassword,
                   String adminPassword, int reps, Duration warmupMax) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Options(
                    values.getOrDefault("base", "http://127.0.0.1:9080"),
                    values.getOrDefault("tenant", "demo"),
                    values.getOrDefault("client-id", "demo-storefront"),
                    values.getOrDefault("db-url", "jdbc:mariadb://127.0.0.1:3307/customer"),
                    values.getOrDefault("db-user", "root"),
                    values.getOrDefault("db-password", ""),
                    Long.parseLong(values.getOrDefault("server-pid", "0")),
                    Path.of(values.getOrDefault("out", "bench/results/latest")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "5"))),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "10"))),
                    Arrays.stream(values.getOrDefault("concurrency", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray(),
                    Arrays.stream(values.getOrDefault("scales", "1000,1000000").split(",")).mapToLong(Long::parseLong).toArray(),
                    values.get("keycloak"),
                    Long.parseLong(values.getOrDefault("keycloak-pid", "0")),
                    values.getOrDefault("keycloak-admin", "admin"),
                    values.getOrDefault("keycloak-admin-password", "admin"),
                    values.get("admin-password"),
                    Integer.parseInt(values.getOrDefault("reps", "3")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup-max", "900"))));
        }
    }
}
