package org.opencommerce.customer.bench.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The retention check of bench/churn.sh: clients log in, refresh and log out back to back against a tenant with short
 * token lifetimes, while the purge runs with short settings; every interval the rows of the growing tables are
 * counted. Flat counts mean the data does not grow for ever.
 *   args: BASE_URL DB_URL OPERATOR_SECRET MINUTES CLIENTS
 */
public final class Churn {

    private static final String PASSWORD = "churn horse battery 42";
    private static final List<String> TABLES = List.of("token_grant", "refresh_token", "email_token", "outbox_mail",
            "customer", "login_account");

    private Churn() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String dbUrl = args[1];
        String operatorSecret = args[2];
        Duration length = Duration.ofMinutes(Long.parseLong(args[3]));
        int clients = Integer.parseInt(args[4]);
        Http http = new Http();
        String operator = Http.json(http.postForm(base + "/oauth/token", null, Map.of("grant_type", "client_credentials",
                "client_id", "admin", "client_secret", operatorSecret)), 200).getString("access_token");
        String tenant = "churn" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Http.json(http.postJson(base + "/admin/tenants", operator, Json.createObjectBuilder().add("tenant", tenant)
                .add("anonymousTokenTtlSeconds", 10).add("customerTokenTtlSeconds", 10).add("refreshTokenTtlSeconds", 20)
                .build()), 201);
        String clientId = Http.json(http.postJson(base + "/admin/tenants/" + tenant + "/clients", operator,
                Json.createObjectBuilder().add("name", "churn").build()), 201).getString("clientId");
        Storefront shop = new Storefront(base, tenant, clientId);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong cycles = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            String email = "churn-" + i + "@" + tenant + ".example.com";
            Http.json(shop.signup(http, shop.anonymousToken(http), email, PASSWORD), 201);
            pool.submit(() -> {
                Http own = new Http();
                while (running.get()) {
                    try {
                        JsonObject login = shop.loggedIn(own, email, PASSWORD);
                        JsonObject refreshed = Http.json(shop.refresh(own, login.getString("access_token"),
                                login.getString("refresh_token")), 200);
                        String token = refreshed.getString("access_token");
                        HttpResponse<String> logout = own.get(base + "/customer/" + tenant + "/logout?accessToken="
                                + Http.encode(token), token);
                        if (logout.statusCode() != 204) {
                            errors.incrementAndGet();
                        }
                        cycles.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }

        System.out.printf("%-8s %8s %7s", "minute", "cycles", "errors");
        TABLES.forEach(table -> System.out.printf(" %14s", table));
        System.out.println();
        Instant end = Instant.now().plus(length);
        for (int minute = 0; ; minute++) {
            print(minute, cycles.get(), errors.get(), counts(dbUrl));
            if (!Instant.now().isBefore(end)) {
                break;
            }
            Thread.sleep(60_000);
        }
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    private static List<Long> counts(String dbUrl) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(dbUrl, "root", ""); Statement query = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.add(rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void print(int minute, long cycles, long errors, List<Long> counts) {
        System.out.printf("%-8d %8d %7d", minute, cycles, errors);
        counts.forEach(count -> System.out.printf(" %14d", count));
        System.out.println();
    }
}
