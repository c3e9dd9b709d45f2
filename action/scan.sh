#!/usr/bin/env bash
# Runs `tagscan scan` (or `tagscan report merge` when INPUT_MERGE names saved reports) with the
# action's inputs, read from INPUT_* environment variables and passed as separate arguments: no
# input is ever run as shell text. Lists (files, extra arguments) split at white space; file
# patterns expand as globs. The step itself succeeds whatever tagscan says, so that the reports
# are uploaded; the exit code goes to $GITHUB_OUTPUT (exit-code=N) for the last step to return.
set -euo pipefail

: "${TAGSCAN_JAR:?the jar made by action/build.sh}"
: "${GITHUB_OUTPUT:?}"

out="${INPUT_OUTPUT_DIR:-tagscan-reports}"
formats="${INPUT_FORMATS:-json,markdown}"

# Words of a list input, each glob expanded to the files it matches (kept as is if none).
words() {
  local word match
  local -a matches words_read
  read -r -d '' -a words_read <<<"$1" || true
  for word in "${words_read[@]}"; do
    matches=()
    if [[ "$word" == *[*?[]* ]]; then
      shopt -s nullglob
      # The pattern is expanded by the shell's globbing only: no command or variable expansion.
      matches=($word)
      shopt -u nullglob
    fi
    if ((${#matches[@]} == 0)); then
      matches=("$word")
    fi
    for match in "${matches[@]}"; do
      printf '%s\0' "$match"
    done
  done
}

args=()
if [[ -n "${INPUT_MERGE:-}" ]]; then
  args+=(report merge)
  while IFS= read -r -d '' file; do args+=("$file"); done < <(words "$INPUT_MERGE")
else
  args+=(scan)
  [[ -n "${INPUT_DICTIONARY:-}" ]] && args+=(--dictionary "$INPUT_DICTIONARY")
  if [[ -n "${INPUT_INVENTORY:-}" ]]; then
    args+=(--inventory)
    while IFS= read -r -d '' file; do args+=("$file"); done < <(words "$INPUT_INVENTORY")
  fi
  [[ -n "${INPUT_EXEMPTIONS:-}" ]] && args+=(--exemptions "$INPUT_EXEMPTIONS")
  [[ -n "${INPUT_REGIONS:-}" ]] && args+=(--regions "$INPUT_REGIONS")
  [[ -n "${INPUT_ACCOUNTS:-}" ]] && args+=(--accounts "$INPUT_ACCOUNTS")
  [[ "${INPUT_ORG:-false}" == "true" ]] && args+=(--org)
  [[ -n "${INPUT_ROLE_NAME:-}" ]] && args+=(--role-name "$INPUT_ROLE_NAME")
  [[ -n "${INPUT_FAIL_ON:-}" ]] && args+=(--fail-on "$INPUT_FAIL_ON")
  [[ -n "${INPUT_BASELINE:-}" ]] && args+=(--baseline "$INPUT_BASELINE")
  [[ -n "${INPUT_SHARD:-}" ]] && args+=(--shard "$INPUT_SHARD")
fi
[[ -n "${INPUT_CONFIG:-}" ]] && args+=(--config "$INPUT_CONFIG")
args+=(--format "$formats" --output "$out")
if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -r -d '' -a extra <<<"$INPUT_ARGS" || true
  args+=("${extra[@]}")
fi

mkdir -p "$out"
# Reports older than this run (a directory reused) are not this run's: they are not passed on.
started="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tagscan-started.XXXXXX")"
set +e
java ${TAGSCAN_JAVA_OPTS:-} -jar "$TAGSCAN_JAR" "${args[@]}"
code=$?
set -e

sarif=""
for file in "$out"/*.sarif; do
  [[ -f "$file" && "$file" -nt "$started" ]] && sarif="$file" && break
done
summary=""
[[ "$out/tagscan-summary.md" -nt "$started" ]] && summary="$out/tagscan-summary.md"
rm -f "$started"

{
  echo "exit-code=$code"
  echo "report-dir=$out"
  echo "summary=$summary"
  echo "sarif=$sarif"
} >>"$GITHUB_OUTPUT"
echo "tagscan action: tagscan exited with $code" >&2
