#!/usr/bin/env bash
# Executes every notebook top to bottom with the small parameters in
# notebooks/ci/, against results the release build of outletsim writes in
# this same run. A notebook that raises fails the build. Executed notebooks
# and their figures go to results/notebooks/<notebook>/.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-notebooks
stamp="$venv/requirements.sha256"
wanted=$(sha256sum notebooks/requirements.txt | cut -d' ' -f1)
if [ ! -x "$venv/bin/papermill" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r notebooks/requirements.txt
    echo "$wanted" > "$stamp"
fi

export OUTLETSIM="$PWD/.build/release/outletsim"
export MPLBACKEND=Agg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for notebook in notebooks/*.py; do
    grep -q '^#       format_name: percent' "$notebook" || continue   # the helper, not a notebook
    name=$(basename "$notebook" .py)
    out="results/notebooks/$name"
    mkdir -p "$out"
    parameters=(-p out_dir "../$out")
    if [ -f "notebooks/ci/$name.yaml" ]; then parameters+=(-f "notebooks/ci/$name.yaml"); fi
    "$venv/bin/jupytext" --quiet --to ipynb --output "$work/$name.ipynb" "$notebook"
    start=$(date +%s)
    if "$venv/bin/papermill" --cwd notebooks --kernel python3 --log-level WARNING "${parameters[@]}" \
        "$work/$name.ipynb" "$out/$name.ipynb" 2> "$work/$name.log"; then
        echo "notebook $name: ok in $(( $(date +%s) - start )) s, figures in $out"
    else
        cat "$work/$name.log" >&2
        echo "notebook $name: FAILED (executed copy in $out/$name.ipynb)" >&2
        status=1
    fi
done
exit $status
