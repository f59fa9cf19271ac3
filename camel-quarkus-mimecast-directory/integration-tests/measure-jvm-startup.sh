#!/usr/bin/env bash
# Starts the JVM-mode integration-test app against a running emulator on :8089, reads its startup time and RSS.
# First, from the repository root:
#   ./mvnw -B -q install -DskipTests
#   ./mvnw -B -q -f camel-mimecast-directory-emulator/pom.xml exec:java \
#       -Dexec.mainClass=org.apache.camel.component.mimecast.emulator.MimecastEmulator -Dexec.args=8089 &
# then run this script from the repository root.
set -euo pipefail
APP=camel-quarkus-mimecast-directory/integration-tests/target/quarkus-app/quarkus-run.jar
P=camel.component.mimecast-directory
java -D$P.base-url=http://127.0.0.1:8089 -D$P.access-key=emulator-access-key \
     -D$P.secret-key=ZW11bGF0b3Itc2VjcmV0LWtleS0wMTIzNDU2Nzg5 -D$P.app-id=emulator-app-id \
     -D$P.app-key=emulator-app-key -Dmimecast.watched-group-id=group-1 -jar $APP > /tmp/quarkus-app.log 2>&1 &
PID=$!
sleep 6
grep -o "started in [0-9.]*s" /tmp/quarkus-app.log | head -1
grep VmRSS /proc/$PID/status
kill $PID; wait $PID 2>/dev/null || true
