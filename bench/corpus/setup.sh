#!/bin/bash
# setup.sh DEST: check out each corpus driver (drivers.txt) at its pinned
# commit under DEST/<repo name>, then write the files its own build generates.
#
# Source of each repository, first match wins:
#   $NDISV_CORPUS_MIRROR/<owner>+<name>/repo   a bare git dir (the layout the
#   $NDISV_CORPUS_MIRROR/<owner>+<name>        session's fetch tool leaves in
#                                              /work/.mirror), or a bare dir
#   https://github.com/<owner>/<name>          otherwise (only the pinned
#                                              commit is fetched, depth 1)
# The checkout is the pinned commit's tree without a .git; DEST/<name>/.corpus-pin
# says which repository and commit it is. Mirror snapshots may lack their
# largest blobs (firmware archives, videos): those files are left out and
# listed in .corpus-pin, the pinned commit itself must be there. A checkout
# whose .corpus-pin matches is kept; generated files are written again.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${NDISV_CORPUS_DATA:-$here/drivers.txt}
[[ $# -eq 1 ]] || { echo "usage: $0 DEST" >&2; exit 2; }
mkdir -p "$1"
dest=$(cd "$1" && pwd)
command -v git >/dev/null || { echo "setup.sh: git is not installed" >&2; exit 1; }
command -v python3 >/dev/null || { echo "setup.sh: python3 is not installed" >&2; exit 1; }

trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }

source_of() { # owner/name -> what git fetch reads
  local m=${NDISV_CORPUS_MIRROR:-} key=${1/\//+}
  if [[ -n $m && -d $m/$key/repo/objects ]]; then echo "$m/$key/repo"
  elif [[ -n $m && -d $m/$key/objects ]]; then echo "$m/$key"
  else echo "https://github.com/$1"; fi
}

checkout() { # owner/name commit -> DEST/<name> holding commit's tree
  local repo=$1 commit=$2 dir=$dest/${1#*/} src from tmp
  if [[ $(head -1 "$dir/.corpus-pin" 2>/dev/null) == "$repo $commit" ]]; then
    echo "setup.sh: $repo already at ${commit:0:12}"
    return
  fi
  src=$(source_of "$repo")
  from=$src
  echo "setup.sh: $repo ${commit:0:12} from $src"
  tmp=$(mktemp -d)
  if [[ $src == https://* ]]; then
    git init -q --bare "$tmp/repo"
    git --git-dir="$tmp/repo" fetch -q --depth 1 "$src" "$commit" || true
    src=$tmp/repo
  fi
  if ! git --git-dir="$src" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "setup.sh: $repo: commit $commit is not in $from" \
         "(set NDISV_CORPUS_MIRROR to a folder of bare git dirs if github.com is out of reach)" >&2
    rm -rf "$tmp"; return 1
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  # Check the tree out through a scratch index, without the blobs the source lacks.
  local -A absent=()
  local oid path e
  while read -r oid; do absent[$oid]=1; done < <(git --git-dir="$src" ls-tree -r "$commit" |
    awk '$2 == "blob" {print $3}' | git --git-dir="$src" cat-file --batch-check | awk '$2 == "missing" {print $1}')
  if ! (
    export GIT_DIR=$src GIT_WORK_TREE=$dir GIT_INDEX_FILE=$tmp/index
    set -e
    git read-tree "$commit"
    : >"$tmp/absent"
    if ((${#absent[@]})); then
      while IFS= read -r -d '' e; do
        oid=${e#* * } oid=${oid%%$'\t'*} path=${e#*$'\t'}
        [[ -z ${absent[$oid]:-} ]] || printf '%s\0' "$path" >>"$tmp/absent"
      done < <(git ls-tree -r -z "$commit")
      git update-index --force-remove -z --stdin <"$tmp/absent"
    fi
    # A .gitattributes working-tree-encoding that cannot convert a file makes
    # git complain but write the file as stored, which is all we need.
    git checkout-index -a -f 2> >(grep -v "^error: failed to encode " >&2)
  ); then
    echo "setup.sh: $repo: cannot check out $commit" >&2
    rm -rf "$tmp"; return 1
  fi
  { echo "$repo $commit"; tr '\0' '\n' <"$tmp/absent" | sed 's/^/absent from the source: /'
    git --git-dir="$src" ls-tree -r "$commit" | awk -F'\t' '$1 ~ / commit / {print "submodule, not checked out: " $2}'
  } >"$dir/.corpus-pin"
  ((${#absent[@]} == 0)) || echo "setup.sh:   ${#absent[@]} files absent from the source, left out (listed in .corpus-pin)"
  rm -rf "$tmp"
}

generate() { # checkout-dir "TOOL INPUT OUTPUT [VARS [drop-empty]]"
  local dir=$1 tool in out vars mode
  read -r tool in out vars mode <<<"$2"
  case $tool in
  subst)
    [[ -f $dir/$vars ]] && vars=$dir/$vars || vars=$here/$vars
    python3 "$here/subst.py" ${mode:+--$mode} "$dir/$in" "$dir/$out" "$vars" || return 1 ;;
  mof2h)
    python3 "$here/mof2h.py" "$dir/$in" "$dir/$out" || return 1 ;;
  *)
    echo "setup.sh: unknown generator '$tool'" >&2; return 1 ;;
  esac
  echo "setup.sh:   wrote ${dir#"$dest"/}/$out"
}

declare -A done_repo=() bad_repo=()
failed=0
while IFS='|' read -r id repo commit folder project _ gen; do
  id=$(trim "$id")
  [[ -z $id || $id == \#* ]] && continue
  repo=$(trim "$repo") commit=$(trim "$commit") folder=$(trim "$folder")
  project=$(trim "$project") gen=$(trim "$gen")
  dir=$dest/${repo#*/}
  if [[ -z ${done_repo[$repo]:-} ]]; then
    done_repo[$repo]=$commit
    checkout "$repo" "$commit" || { failed=1; bad_repo[$repo]=1; }
  fi
  if [[ -n ${bad_repo[$repo]:-} ]]; then
    continue
  elif [[ ${done_repo[$repo]} != "$commit" ]]; then
    echo "setup.sh: $id pins $repo at $commit, another line at ${done_repo[$repo]}" >&2
    failed=1; continue
  fi
  if [[ $gen != - ]]; then
    IFS=';' read -ra items <<<"$gen"
    for item in "${items[@]}"; do
      generate "$dir" "$(trim "$item")" || failed=1
    done
  fi
  [[ -f $dir/$folder/$project ]] ||
    { echo "setup.sh: $id: no $folder/$project in $repo" >&2; failed=1; }
done <"$data"
exit $failed
