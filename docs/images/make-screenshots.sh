#!/usr/bin/env bash
# Re-makes the README's pictures: publishes examples/replication-lag.md to an in-process sandbox with the
# project's own CLI, opens each view in headless Chromium (the browser tests in io.hindsight.server.browser)
# and copies their screenshots here. Needs Java 17, Maven, and Debian's chromium + chromium-driver
# (apt-get install chromium chromium-driver).
set -euo pipefail
cd "$(dirname "$0")/../.."

# the views to picture: the browser test that takes each one names its screenshot so
SHOTS=(confluence-page confluence-report jira-issue jira-board report
       web-page web-page-service web-page-replayed-service)   # the service's web page: ServiceWebPageBrowserTest
TESTS="SandboxViewsBrowserTest,ServiceWebPageBrowserTest"

export HINDSIGHT_BROWSER_TESTS=required   # no browser is an error here, not a skip
mvn -B -ntp -q -pl hindsight-server -am test -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false
for shot in "${SHOTS[@]}"; do
  cp "hindsight-server/target/browser-screenshots/$shot.png" "docs/images/$shot.png"
  echo "docs/images/$shot.png"
done
