#!/bin/bash
# run.sh NDISV OUTDIR [ID...]: run `ndisv check <project file>` on each corpus
# driver (drivers.txt; all, or the ids given) from the driver's own folder, as
# a user would, and print a markdown table of the results on stdout.
#
#   NDISV_CORPUS_DIR   where setup.sh put the checkouts (default: the current directory)
#   TIMEOUT            seconds before a run is stopped (default 300)
#   GNU_TIME           GNU time (default /usr/bin/time)
#
# OUTDIR keeps, per driver id: .cmd (folder and command), .stdout and .stderr
# (ndisv's own), .time (GNU time's "user sys maxrss-kB exit" line).
# Time is CPU time (user + system, all of ndisv's threads), RSS the peak.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
data=${NDISV_CORPUS_DATA:-$here/drivers.txt}
root=$(cd "${NDISV_CORPUS_DIR:-.}" && pwd)
limit=${TIMEOUT:-300}
[[ $# -ge 2 ]] || { echo "usage: $0 NDISV OUTDIR [ID...]" >&2; exit 2; }
ndisv=$(readlink -f "$1") out=$2
shift 2
[[ -x $ndisv ]] || { echo "run.sh: $1 is not an executable" >&2; exit 2; }
# GNU time gives each run's peak RSS; bash's `time` keyword cannot.
gnu_time=${GNU_TIME:-/usr/bin/time}
if ! "$gnu_time" --version 2>&1 | grep -q "GNU"; then
  echo "run.sh: $gnu_time is not GNU time; install it (Debian: apt-get install time)" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }

wanted() { local id=$1 w; shift; for w; do [[ $w == "$id" ]] && return 0; done; return 1; }

# The verdict summary of ndisv's text report: "ndisv: compiled N of M
# translation units", one "ndisv: <rule>: <verdict> ..." line per rule and
# the not-applicable rules on one "ndisv: not applicable (N rules, ...)" line.
# It is on stdout (with the diagnostics; compiler warnings and errors are on
# stderr); both are read, so that it is found wherever ndisv prints it.
summary() { # files -> "TUs defect inconclusive pass n/a" ("-" when absent)
  awk '
    /^ndisv: compiled [0-9]+ of [0-9]+ translation units/ { tus = $3 "/" $5 }
    /^ndisv: [^ ]+: +(defect|inconclusive|pass|not-applicable) / { n[$3]++; seen = 1 }
    /^ndisv: not applicable \([0-9]+ rules?/ { sub(/^\(/, "", $4); n["not-applicable"] += $4; seen = 1 }
    END {
      if (tus == "") tus = "-"
      if (!seen) { print tus, "-", "-", "-", "-"; exit }
      print tus, n["defect"] + 0, n["inconclusive"] + 0, n["pass"] + 0, n["not-applicable"] + 0
    }' "$@"
}

echo "| driver (folder) | input | TUs compiled | defect | inconclusive | pass | n/a | time | peak RSS | exit |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
total=$(grep -c -v -E '^[[:space:]]*(#|$)' "$data")
k=0
while IFS='|' read -r id repo _ folder project env _; do
  id=$(trim "$id")
  [[ -z $id || $id == \#* ]] && continue
  k=$((k + 1))
  if [[ $# -gt 0 ]] && ! wanted "$id" "$@"; then continue; fi
  repo=$(trim "$repo") folder=$(trim "$folder") project=$(trim "$project") env=$(trim "$env")
  [[ $env == - ]] && env=""
  dir=$root/${repo#*/}/$folder
  input="\`$project\`${env:+ ($env)}"
  if [[ ! -e $dir/$project ]]; then
    echo "run.sh: [$k/$total] $id: no $dir/$project (run setup.sh first)" >&2
    echo "| $repo \`$folder\` | $input | missing | - | - | - | - | - | - | - |"
    continue
  fi
  echo "cd $dir && ${env:+env $env }$ndisv check $project" >"$out/$id.cmd"
  echo "run.sh: [$k/$total] $id ..." >&2
  # shellcheck disable=SC2086 # env holds NAME=VALUE words
  (cd "$dir" && env $env "$gnu_time" -o "$out/$id.time" -f "%U %S %M %x" \
    timeout -k 10 "$limit" "$ndisv" check "$project" >"$out/$id.stdout" 2>"$out/$id.stderr") || true
  # GNU time writes "Command exited with non-zero status" or "Command
  # terminated by signal" before the format line: the last line is ours.
  read -r user sys rss code < <(tail -n 1 "$out/$id.time")
  read -r tus defect inconclusive pass na < <(summary "$out/$id.stdout" "$out/$id.stderr")
  if [[ $code == 124 || $code == 137 ]]; then
    time="> $limit s"
  else
    time=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f s", u + s }')
  fi
  mb=$(awk -v k="$rss" 'BEGIN { printf "%.0f MB", k / 1024 }')
  echo "run.sh: [$k/$total] $id: $tus TUs, $time, $mb, exit $code" >&2
  echo "| $repo \`$folder\` | $input | $tus | $defect | $inconclusive | $pass | $na | $time | $mb | $code |"
done <"$data"
