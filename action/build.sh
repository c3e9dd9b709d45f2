#!/usr/bin/env bash
# Makes the tagscan jar the action runs: downloaded from a release when TAGSCAN_VERSION names one,
# otherwise built from the action's own checkout with the Maven wrapper. Writes jar=PATH to
# $GITHUB_OUTPUT. Inputs arrive as environment variables, never as shell text.
set -euo pipefail

: "${TAGSCAN_HOME:?set to the action checkout}"
: "${GITHUB_OUTPUT:?}"

if [[ -n "${TAGSCAN_VERSION:-}" ]]; then
  version="${TAGSCAN_VERSION#v}"
  if [[ ! "$version" =~ ^[0-9A-Za-z.+-]+$ ]]; then
    echo "tagscan action: version '$TAGSCAN_VERSION' is not a release version such as 1.2.0" >&2
    exit 2
  fi
  repository="${TAGSCAN_REPOSITORY:-}"
  if [[ -z "$repository" ]]; then
    echo "tagscan action: a version needs the action's repository (github.action_repository)" >&2
    exit 2
  fi
  jar="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tagscan-$version.jar"
  url="https://github.com/$repository/releases/download/v$version/tagscan.jar"
  echo "tagscan action: downloading $url" >&2
  curl --fail --silent --show-error --location --retry 3 --output "$jar" "$url"
else
  echo "tagscan action: building tagscan from $TAGSCAN_HOME" >&2
  (cd "$TAGSCAN_HOME" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package) >&2
  jar="$TAGSCAN_HOME/target/tagscan.jar"
fi

echo "jar=$jar" >>"$GITHUB_OUTPUT"
