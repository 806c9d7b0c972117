#!/usr/bin/env bash
# Fuzzes every parser of hanke with cargo-fuzz (libFuzzer; needs the nightly
# toolchain, and installs cargo-fuzz from crates.io if it is missing).
#   ./scripts/fuzz.sh                 every target, RUNS executions each (CSV and
#                                     EURA parsers 3×), figures for RELIABILITY.md
#   RUNS=20000 ./scripts/fuzz.sh      a smoke run
#   ./scripts/fuzz.sh json            one target
#   MAX_LEN=4096 ./scripts/fuzz.sh    shorter inputs (default 65536): faster runs
# No sanitizer (-s none): the crate forbids unsafe code, so what is left to find
# is panics, hangs and runaway memory, and the runs go several times faster.
# Optimised (-O) but with debug assertions and overflow checks (-a), so that an
# arithmetic overflow is a finding rather than a silent wrap.
# Seeds come from the project's own fixtures (copied into target/fuzz-corpus,
# where the corpus grows); a crash leaves its input in fuzz/artifacts/<target>/
# and fails the run — make it a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
RUNS=${RUNS:-1000000}
CORPUS=target/fuzz-corpus

# Seeds: the fixtures whole, and the test vectors' inputs one file each.
seed() { # target, files...
    local dir="$CORPUS/$1"; shift
    mkdir -p "$dir"
    for f in "$@"; do cp "$f" "$dir/$(basename "$f")"; done
}
vector_inputs() { # target, vector file
    mkdir -p "$CORPUS/$1"
    python3 - "$CORPUS/$1" "$2" <<'PY'
import json, sys, hashlib, pathlib
out, path = pathlib.Path(sys.argv[1]), sys.argv[2]
for case in json.load(open(path, encoding="utf-8"))["cases"]:
    text = case["input"].encode()
    (out / hashlib.sha1(text).hexdigest()[:16]).write_bytes(text)
PY
}
vector_inputs business_id tests/vectors/business_id.json
vector_inputs money_and_dates tests/vectors/money_parse.json
mkdir -p "$CORPUS/money_and_dates" "$CORPUS/identity_code"
printf '1.3.2016' > "$CORPUS/money_and_dates/date_fi"
printf 'syyskuu 2015' > "$CORPUS/money_and_dates/month_fi"
printf '50 %%' > "$CORPUS/money_and_dates/rate"
# Synthetic codes with the temporary individual numbers 900–999 only.
printf '010105A903V' > "$CORPUS/identity_code/temporary_2005"
printf '131299-995P' > "$CORPUS/identity_code/temporary_1999"
seed participant_csv examples/data/participants/*.csv
seed workbook crates/hanke/tests/data/*.xlsx crates/hanke/tests/data/*.ods
seed eura_description examples/data/eura/descriptions/*.txt examples/data/eura/pages/*.txt
mkdir -p "$CORPUS/project_list"
head -n 40 examples/data/eura/eura2014_projektilista.csv > "$CORPUS/project_list/head.csv"
seed json examples/data/projects/*.json examples/data/activities/*.json examples/data/instruments/*.json
# The output gate: every text of the adversarial corpus (issue 23), one file each.
mkdir -p "$CORPUS/output_gate"
python3 - "$CORPUS/output_gate" tests/vectors/adversarial.json <<'PY'
import json, sys, hashlib, pathlib
out, c = pathlib.Path(sys.argv[1]), json.load(open(sys.argv[2], encoding="utf-8"))
for text in [x["text"] for x in c["codes"]] + c["markup"] + c["formulas"]:
    b = text.encode()
    (out / hashlib.sha1(b).hexdigest()[:16]).write_bytes(b)
PY
# Tables: a header byte per column, then rows of cells separated by `;`.
mkdir -p "$CORPUS/participant_table"
printf '\x00\x01\x03\x05\x07\x0d\nP1;2024-02-01;nainen;työtön;perusaste;Testi\nP2;1.3.2023;mies;pitkäaikaistyötön;3;\n' \
    > "$CORPUS/participant_table/seed"
# Two rows of one person (a synthetic temporary code, in two spellings).
printf '\x00\x01\x0e\nP1;2024-02-01;010190-905V\nP2;2024-03-01; 010190-905v\n' \
    > "$CORPUS/participant_table/same_person"

# Synced records: one record, and ancestor, local and remote joined by NULs
# (made with hanke.sync from synthetic answers).
seed sync_record fuzz/seeds/sync_record/*

TARGETS=(identity_code business_id money_and_dates participant_csv eura_description project_list json participant_table output_gate sync_record workbook)
if [ $# -gt 0 ]; then TARGETS=("$@"); fi
for t in "${TARGETS[@]}"; do
    runs=$RUNS
    case $t in participant_csv | eura_description | project_list | participant_table) runs=$((RUNS * 3)) ;; esac
    echo "== fuzz $t: $runs executions"
    # -rss_limit_mb: out-of-memory counts as a finding; -timeout: so does a hang.
    log="$CORPUS/$t.log"
    status=0
    cargo +nightly fuzz run -O -a -s none "$t" "$CORPUS/$t" -- \
        -runs="$runs" -max_len="${MAX_LEN:-65536}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done [0-9]+ runs" "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        echo "fuzz $t: a finding (exit $status); the input is in fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
