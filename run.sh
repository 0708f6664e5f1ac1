#!/usr/bin/env bash
# Starts the whole suite on embedded defaults: builds once (tests skipped), then runs the local stack in the
# foreground. Ctrl-C stops everything. Options are passed through, e.g. ./run.sh --data-dir=/tmp/qj --gateway-port=9080
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
exec java -jar local-stack/target/local-stack-exec.jar "$@"
