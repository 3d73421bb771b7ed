#!/usr/bin/env bash
# Runs the customer service WAR on Payara Micro, configured by the same environment variables as on Open Liberty
# (README, "Configuration"); unset ones get the defaults of `mvn -Prun` (embedded MariaDB on 3307, dev inbox on 2525).
#   usage: payara-micro.sh PAYARA_MICRO_JAR CUSTOMER_SERVICE_WAR MARIADB_DRIVER_JAR
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 payara-micro.jar customer-service.war mariadb-java-client.jar" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)

. "$here/environment.sh"

exec java ${JAVA_OPTS:-} -jar "$1" --nocluster --port "$HTTP_PORT" --addlibs "$3" \
    --postbootcommandfile "$here/post-boot-commands.asadmin" --deploy "$2" --contextroot /
