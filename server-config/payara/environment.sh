# The environment both Payara scripts give the server: the variables of README "Configuration", with the defaults of
# `mvn -Prun` for unset ones (embedded MariaDB on 3307, dev inbox on 2525), and Payara's MicroProfile JWT settings.
# Sourced by payara-micro.sh and payara-server.sh.
export HTTP_PORT="${HTTP_PORT:-8080}"
export DB_URL="${DB_URL:-jdbc:mariadb://127.0.0.1:${DEV_DB_PORT:-3307}/customer}"
export DB_USER="${DB_USER:-root}"
# Payara refuses a pool without a password; the embedded dev MariaDB accepts any.
export DB_PASSWORD="${DB_PASSWORD:-dev}"
export DB_POOL_MAX="${DB_POOL_MAX:-20}"
export SMTP_HOST="${SMTP_HOST:-127.0.0.1}"
export SMTP_PORT="${SMTP_PORT:-2525}"
export SMTP_USER="${SMTP_USER:-customer-service}"
export SMTP_AUTH="${SMTP_AUTH:-false}"
export SMTP_STARTTLS="${SMTP_STARTTLS:-false}"
export MAIL_FROM="${MAIL_FROM:-no-reply@localhost}"

# Access tokens: the application signs with the keys kept in the database (a pair in these files is taken over at the
# first start on an empty database, else one is made and written there); Payara's MicroProfile JWT verifies with the
# key set the application publishes (JWKS_LOCATION, by default this node's own).
data_dir="${PAYARA_DATA_DIR:-$PWD/payara-data}"
export JWT_ISSUER="${JWT_ISSUER:-customer-service}"
export JWT_PRIVATE_KEY_LOCATION="${JWT_PRIVATE_KEY_LOCATION:-$data_dir/jwt/private-key.pem}"
export JWT_PUBLIC_KEY_LOCATION="${JWT_PUBLIC_KEY_LOCATION:-$data_dir/jwt/public-key.pem}"
export DATA_KEY_LOCATION="${DATA_KEY_LOCATION:-$data_dir/secrets/data.key}"
export JWKS_LOCATION="${JWKS_LOCATION:-http://127.0.0.1:$HTTP_PORT/.well-known/jwks.json}"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWKS_LOCATION"
export MP_JWT_VERIFY_ISSUER="$JWT_ISSUER"
export MP_JWT_VERIFY_AUDIENCES="$JWT_ISSUER"
export MP_JWT_VERIFY_PUBLICKEY_ALGORITHMS="RS256"

