# Builds the WAR with Maven, then runs it on the official Open Liberty image (Java 17), as a non-root user.
# All configuration is by environment variable (see README.md, "Configuration"); the database is migrated at start.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
COPY liquibase liquibase
COPY server-config server-config
RUN mvn -B -ntp -DskipTests package

FROM icr.io/appcafe/open-liberty:26.0.0.3-full-java17-openj9-ubi
# The same server.xml as every other deployment: one file, not a copy of it.
COPY --chown=1001:0 server-config/liberty/server.xml /config/server.xml
COPY --chown=1001:0 server-config/liberty/jvm.options /config/jvm.options
COPY --chown=1001:0 --from=build /build/target/jdbc/ /opt/ol/wlp/usr/shared/resources/jdbc/
COPY --chown=1001:0 --from=build /build/target/customer-service.war /config/dropins/customer-service.war
# A container has no embedded MariaDB and no dev inbox: DB_URL and SMTP_HOST must point at real ones.
ENV HTTP_PORT=9080 \
    HTTPS_PORT=9443 \
    JWT_PRIVATE_KEY_LOCATION=/config/jwt/private-key.pem \
    JWT_PUBLIC_KEY_LOCATION=/config/jwt/public-key.pem
USER 1001
EXPOSE 9080 9443
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:9080/health/ready || exit 1
RUN configure.sh
