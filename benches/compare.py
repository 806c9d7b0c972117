"""The ESF+ common indicators four ways, in one process, on the same data.

1. hanke in Rust (the core over the Arrow buffers, timed inside Rust);
2. hanke from Python on a polars and on a pyarrow table (Arrow PyCapsule);
3. a vectorised pandas implementation, as a skilled user writes it;
4. a lazy polars implementation, as a skilled user writes it (categoricals
   compared as categoricals, integer month keys, one pass; all cores).

The four are first checked to give identical numbers — every indicator by
gender, the grand total and the incomplete records — then timed (median of
``--repeat`` runs) and compared. The pandas and polars versions implement the
same definitions as hanke (``docs/indicators.md``; RULES.md §2): Annex I counts
complete records only; age at entry in whole years; long-term unemployment by
the age-dependent definition (> 6 months under 25, > 12 months from 25);
results upon leaving need an exit by the cut-off (job searching counts those
inactive at entry), longer-term results a follow-up by it within 28 days of six
months after the exit; in 2021–2027 nobody in employment is also job searching.

    python benches/compare.py --rows 1000000        # BENCHMARKS.md
    python benches/compare.py --smoke               # part of the test command
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time

import pandas as pd
import polars as pl
import pyarrow as pa

import hanke

CUT_OFF = dt.date(2025, 12, 31)
GENDERS = ("woman", "man", "non_binary")
EMPLOYMENT = ["open_labour_market", "self_employed", "pay_subsidised_work", "apprenticeship"]
EDUCATION = ["apprenticeship", "education"]
JOB_SEARCHING = ["work_trial", "job_seeking"]
ISCED = {"EECO09": (0, 2), "EECO10": (3, 4), "EECO11": (5, 8)}
ANSWERS = {
    "EECO12": "disability",
    "EECO13": "third_country_national",
    "EECO14": "foreign_background",
    "EECO15": "minority",
    "EECO16": "homeless",
}

Counts = dict  # code -> (women, men, non_binary, unknown)


def from_hanke(ind) -> Counts:
    out = {}
    for row in ind.table().to_pylist():
        if row["total"] is not None:
            out[row["code"]] = (row["women"], row["men"], row["non_binary"], row["unknown"])
    for name, t in (("grand_total", ind.grand_total), ("incomplete", ind.incomplete)):
        out[name] = (t["women"], t["men"], t["non_binary"], t["unknown"])
    return out


# --- pandas -----------------------------------------------------------------


def pandas_indicators(df: pd.DataFrame, cut_off: dt.date) -> Counts:
    """What a skilled pandas user writes (issue 29's fair peer): vectorised
    throughout; "more than N months" by integer month keys instead of a
    ``DateOffset`` per row; the six-month follow-up day computed for the
    distinct exit days only; grouped by the categorical gender's codes."""
    cut = pd.Timestamp(cut_off)
    e, b = df["entry_date"], df["birth_date"]
    entered = e <= cut
    gender = df["gender"]
    born = b.notna() & (b <= e)
    age = e.dt.year - b.dt.year - ((e.dt.month * 100 + e.dt.day) < (b.dt.month * 100 + b.dt.day))
    age_known = born & (age <= 255)
    status = df["labour_status"]
    unemployed = status == "unemployed"
    since = df["unemployed_since"]
    edu = df["education"]
    isced_known = edu.notna() & (edu != 9)
    complete = gender.notna() & born & status.notna() & ~(unemployed & since.isna()) & isced_known
    months = lambda d: d.dt.year * 12 + d.dt.month  # noqa: E731
    after = lambda n: (months(e) > months(since) + n) | (  # noqa: E731
        (months(e) == months(since) + n) & (e.dt.day > since.dt.day)
    )
    long_term = after(6).where(age < 25, after(12))
    left = df["exit_date"].notna() & (df["exit_date"] <= cut)
    sit = df["exit_situation"]
    employment = left & sit.isin(EMPLOYMENT)
    exits = df["exit_date"].dropna().unique()
    six_after = df["exit_date"].map(pd.Series(pd.DatetimeIndex(exits) + pd.DateOffset(months=6), index=exits))
    tolerance = pd.Timedelta(days=28)
    follow = df["follow_up_date"]
    in_window = (follow >= six_after - tolerance) & (follow <= six_after + tolerance)
    followed = left & follow.notna() & (follow <= cut) & in_window
    employed = status.isin(["employed", "self_employed"])
    ind = pd.DataFrame(
        {
            "EECO01": True,
            "EECO02": unemployed,
            "EECO03": unemployed & since.notna() & age_known & long_term,
            "EECO04": status.isin(["inactive", "inactive_in_education"]),
            "EECO05": employed,
            "EECO06": age_known & (age < 18),
            "EECO07": age_known & age.between(18, 29),
            "EECO08": age_known & (age >= 55),
            **{code: isced_known & edu.between(lo, hi) for code, (lo, hi) in ISCED.items()},
            **{code: df[col] == "yes" for code, col in ANSWERS.items()},
            "EECR01": left & status.isin(["inactive", "inactive_in_education"]) & sit.isin(JOB_SEARCHING) & ~employment,
            "EECR02": left & sit.isin(EDUCATION),
            "EECR03": left & df["qualification_gained"].fillna(False).astype(bool),
            "EECR04": employment,
            "EECR05": followed & df["follow_up_employed"].fillna(False).astype(bool),
            "EECR06": employed & followed & df["follow_up_improvement"].notna(),
        }
    )
    ind["grand_total"] = True
    ind["incomplete"] = ~complete
    eligible = entered & complete
    for code in ind.columns:
        if code not in ("grand_total", "incomplete"):
            ind[code] = ind[code] & eligible
    ind["grand_total"] &= entered
    ind["incomplete"] &= entered
    sums = ind.groupby(gender, observed=True, dropna=False).sum()
    sums.index = [("unknown" if pd.isna(g) else g) for g in sums.index]
    return {
        code: tuple(int(sums[code].get(g, 0)) for g in (*GENDERS, "unknown"))
        for code in ind.columns
    }


# --- polars -----------------------------------------------------------------


def polars_indicators(df: pl.DataFrame, cut_off: dt.date) -> Counts:
    sums, codes = polars_query(df, cut_off)
    rows = {(r["gender"] or "unknown"): r for r in sums.collect().iter_rows(named=True)}
    return {
        code: tuple(int(rows.get(g, {}).get(code, 0)) for g in (*GENDERS, "unknown"))
        for code in codes
    }


def polars_query(df: pl.DataFrame, cut_off: dt.date) -> tuple[pl.LazyFrame, list[str]]:
    """What a skilled polars user writes (issue 29's fair peer): one lazy
    pass; categoricals compared as categoricals (no cast to strings); "more
    than N months" by integer month keys (``year * 12 + month``, then the
    day) instead of ``dt.offset_by``; the six-month follow-up day looked up
    for the distinct exit days only; grouped by the categorical gender."""
    c = pl.col
    cut = pl.lit(cut_off)
    e, b = c("entry_date"), c("birth_date")
    md = lambda d: d.dt.month().cast(pl.Int32) * 100 + d.dt.day().cast(pl.Int32)  # noqa: E731
    mk = lambda d: d.dt.year().cast(pl.Int32) * 12 + d.dt.month().cast(pl.Int32)  # noqa: E731
    # e > d + n months (a day past the end of a shorter month clamps to it,
    # and no entry day can be past that end: the day comparison is enough).
    after = lambda d, n: (mk(e) > mk(d) + n) | ((mk(e) == mk(d) + n) & (e.dt.day() > d.dt.day()))  # noqa: E731
    exits = df.get_column("exit_date").unique().drop_nulls()
    six = exits.dt.offset_by("6mo")
    age = (e.dt.year() - b.dt.year() - (md(e) < md(b)).cast(pl.Int32)).alias("age")
    born = b.is_not_null() & (b <= e)
    status = c("labour_status")
    sit = c("exit_situation")
    frame = df.lazy().with_columns(
        age=age,
        born=born,
        unemployed=status == "unemployed",
        employed=status.is_in(["employed", "self_employed"]),
        isced_known=c("education").is_not_null() & (c("education") != 9),
        left=c("exit_date").is_not_null() & (c("exit_date") <= cut),
        entered=e <= cut,
        six_months=c("exit_date").replace_strict(exits, six, default=None, return_dtype=pl.Date),
    )
    frame = frame.with_columns(
        age_known=c("born") & (c("age") <= 255),
        complete=c("gender").is_not_null()
        & c("born")
        & status.is_not_null()
        & ~(c("unemployed") & c("unemployed_since").is_null())
        & c("isced_known"),
        employment=c("left") & sit.is_in(EMPLOYMENT),
        followed=c("left")
        & c("follow_up_date").is_not_null()
        & (c("follow_up_date") <= cut)
        & c("follow_up_date").is_between(
            c("six_months") - dt.timedelta(days=28),
            c("six_months") + dt.timedelta(days=28),
        ),
        long_term=pl.when(c("age") < 25)
        .then(after(c("unemployed_since"), 6))
        .otherwise(after(c("unemployed_since"), 12)),
    )
    frame = frame.with_columns(eligible=c("entered") & c("complete"))
    el = c("eligible")
    exprs = {
        "EECO01": el,
        "EECO02": el & c("unemployed"),
        "EECO03": el & c("unemployed") & c("unemployed_since").is_not_null() & c("age_known") & c("long_term"),
        "EECO04": el & status.is_in(["inactive", "inactive_in_education"]),
        "EECO05": el & c("employed"),
        "EECO06": el & c("age_known") & (c("age") < 18),
        "EECO07": el & c("age_known") & c("age").is_between(18, 29),
        "EECO08": el & c("age_known") & (c("age") >= 55),
        **{code: el & c("isced_known") & c("education").is_between(lo, hi) for code, (lo, hi) in ISCED.items()},
        **{code: el & (c(col) == "yes").fill_null(False) for code, col in ANSWERS.items()},
        "EECR01": el
        & c("left")
        & status.is_in(["inactive", "inactive_in_education"])
        & sit.is_in(JOB_SEARCHING)
        & ~c("employment"),
        "EECR02": el & c("left") & sit.is_in(EDUCATION),
        "EECR03": el & c("left") & c("qualification_gained").fill_null(False),
        "EECR04": el & c("employment"),
        "EECR05": el & c("followed") & c("follow_up_employed").fill_null(False),
        "EECR06": el & c("employed") & c("followed") & c("follow_up_improvement").is_not_null(),
        "grand_total": c("entered"),
        "incomplete": c("entered") & ~c("complete"),
    }
    sums = frame.group_by("gender").agg([x.fill_null(False).sum().alias(k) for k, x in exprs.items()])
    return sums, list(exprs)


def profile_peers(polars_df: pl.DataFrame, pandas_df: pd.DataFrame) -> None:
    """Where each peer's time goes. Polars 2 has no per-node profiler (its
    ``LazyFrame.profile`` was removed with the streaming engine), so its query
    is timed whole on each engine and then one indicator at a time (the same
    plan, aggregating that expression alone); pandas under cProfile (its
    heaviest calls by own time)."""
    import cProfile
    import pstats

    def best(f, n=3):
        times = []
        for _ in range(n):
            start = time.perf_counter()
            f()
            times.append(time.perf_counter() - start)
        return min(times)

    query, codes = polars_query(polars_df, CUT_OFF)
    print("polars profile:")
    for engine in ("streaming", "in-memory"):
        print(f"  {best(lambda: query.collect(engine=engine)) * 1000:>9.1f} ms  whole query, {engine} engine")
    single = {code: best(lambda: query.select(code).collect()) for code in codes}
    for code, secs in sorted(single.items(), key=lambda kv: kv[1], reverse=True)[:6]:
        print(f"  {secs * 1000:>9.1f} ms  {code} alone")
    prof = cProfile.Profile()
    prof.runcall(pandas_indicators, pandas_df, CUT_OFF)
    print("pandas profile (cProfile, heaviest calls by own time):")
    stats = pstats.Stats(prof)
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:8]
    for (file, line, name), (_, calls, own, _, _) in rows:
        print(f"  {own * 1000:>9.1f} ms  {calls:>6} × {name} ({file.rsplit('/', 2)[-1]}:{line})")


# --- the run ----------------------------------------------------------------


def timed(f, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--smoke", action="store_true", help="10 000 rows, one run: checks, no figures")
    ap.add_argument("--profile", action="store_true", help="also print where polars' and pandas' time goes")
    args = ap.parse_args(argv)
    rows, repeat = (10_000, 1) if args.smoke else (args.rows, args.repeat)
    if not args.smoke and hanke.testing.build_profile() != "release":
        print(
            "hanke is a debug build; timings would mean nothing. Build it with "
            "./scripts/python-env.sh --release (the tests rebuild the debug one).",
            file=sys.stderr,
        )
        return 2

    data = hanke.testing.synthetic_participants(rows)
    polars_df = pl.DataFrame(data)
    arrow_table = pa.table(data)
    pandas_df = arrow_table.to_pandas(date_as_object=False)
    pandas_arrow_df = arrow_table.to_pandas(types_mapper=pd.ArrowDtype)
    cores = os.cpu_count() or 1

    runs = {
        "hanke (Rust)": None,
        "hanke from Python, polars": lambda: from_hanke(hanke.common_indicators(polars_df, cut_off=CUT_OFF)),
        "hanke from Python, pyarrow": lambda: from_hanke(hanke.common_indicators(arrow_table, cut_off=CUT_OFF)),
        "hanke, pyarrow, all cores": lambda: from_hanke(
            hanke.common_indicators(arrow_table, cut_off=CUT_OFF, threads=cores)
        ),
        "hanke, pandas (NumPy)": lambda: from_hanke(hanke.common_indicators(pandas_df, cut_off=CUT_OFF)),
        "hanke, pandas (Arrow)": lambda: from_hanke(hanke.common_indicators(pandas_arrow_df, cut_off=CUT_OFF)),
        "pandas": lambda: pandas_indicators(pandas_df, CUT_OFF),
        "polars": lambda: polars_indicators(polars_df, CUT_OFF),
    }
    results, medians = {}, {}
    for name, f in runs.items():
        if f is None:
            continue
        medians[name], results[name] = timed(f, repeat)
    rust = hanke.testing.time_common_indicators(arrow_table, repeat=repeat, cut_off=CUT_OFF)
    medians["hanke (Rust)"] = statistics.median(rust)

    reference = results["hanke from Python, pyarrow"]
    for name, r in results.items():
        if r != reference:
            diff = {k: (r.get(k), reference.get(k)) for k in reference if r.get(k) != reference.get(k)}
            print(f"MISMATCH: {name} differs from hanke: {diff}", file=sys.stderr)
            return 1
    print(f"{rows} participants, cut-off {CUT_OFF}: all {len(results) + 1} give identical numbers "
          f"({len(reference)} counts by gender; EECO01 total {sum(reference['EECO01'])})")
    if args.smoke:
        return 0
    base = medians["hanke (Rust)"]
    print(f"{cores} cores; polars' thread pool: {pl.thread_pool_size()} (POLARS_MAX_THREADS=1 for one core)")
    print(f"{'way':<30}{'median s':>12}{'M rows/s':>12}{'× Rust':>10}")
    for name in ["hanke (Rust)", "hanke from Python, pyarrow", "hanke, pyarrow, all cores",
                 "hanke from Python, polars", "hanke, pandas (NumPy)", "hanke, pandas (Arrow)", "polars", "pandas"]:
        m = medians[name]
        print(f"{name:<30}{m:>12.4f}{rows / m / 1e6:>12.1f}{m / base:>10.2f}")
    print(f"pandas / hanke-from-pyarrow: {medians['pandas'] / medians['hanke from Python, pyarrow']:.1f}×; "
          f"polars / hanke-from-pyarrow: {medians['polars'] / medians['hanke from Python, pyarrow']:.1f}×; "
          f"polars / hanke-all-cores: {medians['polars'] / medians['hanke, pyarrow, all cores']:.1f}×")
    if args.profile:
        profile_peers(polars_df, pandas_df)
    return 0


if __name__ == "__main__":
    sys.exit(main())
