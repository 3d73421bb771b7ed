#!/usr/bin/env bash
# Sets up and starts the customer service on a Payara Server domain: the MariaDB driver into the domain's lib, the
# domain started with the environment of README "Configuration" (unset variables get the `mvn -Prun` defaults), the
# JDBC pool and resource jdbc/customer and the mail session mail/customer created with asadmin from the same commands
# Payara Micro runs (post-boot-commands.asadmin, with the variables' values filled in), and the WAR deployed at /.
# Afterwards the resources live in the domain's configuration: manage them in the Admin Console or with asadmin.
#   usage: payara-server.sh PAYARA_HOME CUSTOMER_SERVICE_WAR MARIADB_DRIVER_JAR
#   env:   DOMAIN (default domain1), ASADMIN_OPTIONS (e.g. "--port 4848 --user admin --passwordfile pw.txt")
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 payara-home customer-service.war mariadb-java-client.jar" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
payara_home=$1
war=$2
driver=$3
domain="${DOMAIN:-domain1}"
asadmin() {
    # shellcheck disable=SC2086
    bash "$payara_home/bin/asadmin" ${ASADMIN_OPTIONS:-} "$@"
}

. "$here/environment.sh"

cp "$driver" "$payara_home/glassfish/domains/$domain/lib/"
# the domain's JVM inherits this environment: MicroProfile Config reads the settings from it, as on Payara Micro
asadmin start-domain "$domain"

commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
while IFS= read -r line; do
    if [[ -z $line || $line == \#* ]]; then
        continue
    fi
    while [[ $line =~ \$\{ENV=([A-Za-z_][A-Za-z0-9_]*)\} ]]; do
        name=${BASH_REMATCH[1]}
        line=${line//"\${ENV=$name}"/${!name}}
    done
    printf '%s\n' "$line"
done < "$here/post-boot-commands.asadmin" > "$commands"
asadmin multimode --file "$commands"

asadmin deploy --force=true --contextroot / --name customer-service "$war"
