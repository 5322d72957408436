# Sourced by .ci/run and scripts/test-all.sh: `phase NAME cmd…` runs a step, records how long it
# took, and on failure prints the summary and exits with the step's code. `phases_summary TITLE`.
PHASES=()
phases_summary() {
  echo
  echo "== $1 phases"
  printf '  %s\n' "${PHASES[@]}"
}
phase() {
  local name="$1"
  shift
  local start=$SECONDS rc=0
  echo "== $name"
  "$@" || rc=$?
  PHASES+=("$(printf '%-26s %5d s' "$name" $((SECONDS - start)))$([ $rc -ne 0 ] && echo "   FAILED (exit $rc)")")
  if [ $rc -ne 0 ]; then
    phases_summary "${PHASES_TITLE:-run}"
    exit $rc
  fi
}
