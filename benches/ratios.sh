#!/usr/bin/env bash
# Runs a criterion benchmark several times and prints, per run, each case's median and its ratio
# to the group's baseline, then the median ratio over the runs. Wall time on a shared machine
# drifts between runs; a ratio measured within one run, repeated, is what is comparable.
#
#   benches/ratios.sh [RUNS] [BENCH] [-- criterion filter and options]
#   benches/ratios.sh 5 runtime
#   benches/ratios.sh 3 from_wire
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bench=${2:-runtime}
shift $(($# < 2 ? $# : 2))
[[ "${1:-}" == "--" ]] && shift
criterion=target/criterion
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
point() { sed -n 's/.*"median":{[^}]*}[^}]*"point_estimate":\([0-9.e+-]*\).*/\1/p' "$1"; }
declare -A ratios
mkdir -p "$criterion"
marker="$criterion/.ratios-marker"
for run in $(seq 1 "$runs"); do
    touch "$marker"
    sleep 1
    cargo bench -q -p errcat-benches --bench "$bench" -- --warm-up-time 1 --measurement-time 3 "$@" >/dev/null 2>&1
    echo "run $run"
    for estimates in "$criterion"/*/*/new/estimates.json "$criterion"/*/*/*/new/estimates.json; do
        # Only the cases this run measured.
        [[ -f "$estimates" && "$estimates" -nt "$marker" ]] || continue
        case_dir=${estimates%/new/estimates.json}
        case=${case_dir#"$criterion"/}
        group=${case%%/*}
        rest=${case#*/}
        # The baseline of a case: `handwritten` in its group, or for from_wire the strum case of
        # the same kind (hit/miss) and size.
        if [[ "$group" == from_wire ]]; then
            baseline_case=${rest/errcat_/strum_phf_}
        else
            baseline_case=handwritten
        fi
        baseline="$criterion/$group/$baseline_case/new/estimates.json"
        [[ -f "$baseline" ]] || continue
        ours=$(point "$estimates")
        theirs=$(point "$baseline")
        ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.3f", a / b }')
        printf '  %-40s %10.1f ns  %sx %s\n' "$case" "$ours" "$ratio" "$group/$baseline_case"
        ratios["$case"]+="$ratio "
    done
done
echo "median ratio over $runs runs"
for case in $(printf '%s\n' "${!ratios[@]}" | sort); do
    printf '  %-40s %sx  (runs: %s)\n' "$case" "$(tr ' ' '\n' <<<"${ratios[$case]}" | grep . | median)" "${ratios[$case]% }"
done
