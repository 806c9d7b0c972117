"""Indicators straight from Arrow tables: the same numbers from polars, pyarrow
and the record path, in-place reading, and errors with rows."""

import datetime as dt

import polars as pl
import pyarrow as pa
import pytest

import hanke


def counts(ind):
    return [(r["code"], r["women"], r["men"], r["non_binary"], r["unknown"]) for r in ind.table().to_pylist()]


def test_polars_pyarrow_and_native_tables_agree():
    data = hanke.testing.synthetic_participants(5_000)
    assert data.num_rows == 5_000 and "entry_date" in data.column_names
    cut = dt.date(2025, 6, 30)
    native = hanke.common_indicators(data, cut_off=cut)
    assert counts(hanke.common_indicators(pl.DataFrame(data), cut_off=cut)) == counts(native)
    assert counts(hanke.common_indicators(pa.table(data), cut_off=cut)) == counts(native)
    # Split into batches and merged: the same.
    batches = pa.table(data).to_batches(max_chunksize=777)
    assert len(batches) > 1
    assert counts(hanke.common_indicators(pa.Table.from_batches(batches), cut_off=cut)) == counts(native)
    assert native.grand_total["total"] + native.not_yet_entered == 5_000


def test_plain_strings_and_timestamps_are_converted_with_finnish_labels():
    df = pl.DataFrame(
        {
            "entry_date": [dt.datetime(2024, 2, 1), dt.datetime(2024, 3, 1)],
            "gender": ["nainen", "mies"],
            "birth_date": [dt.date(2000, 1, 1), None],
        }
    )
    ind = hanke.common_indicators(df)
    assert ind.grand_total["women"] == 1 and ind.grand_total["men"] == 1
    assert ind.incomplete["total"] == 2


def test_an_unknown_label_is_an_error_with_its_row():
    df = pl.DataFrame({"entry_date": [dt.date(2024, 2, 1)] * 3, "gender": ["woman", "man", "dog"]})
    with pytest.raises(hanke.ValidationError) as e:
        hanke.common_indicators(df)
    assert e.value.code == "columns.invalid_value"
    assert "row 2" in str(e.value)


def test_a_missing_entry_date_is_an_error_with_its_row():
    df = pl.DataFrame({"entry_date": [dt.date(2024, 2, 1), None]})
    with pytest.raises(hanke.ValidationError) as e:
        hanke.common_indicators(df)
    assert e.value.code == "columns.missing_entry_date"
    # A missing column is the table's problem, as a file's header's would be.
    with pytest.raises(hanke.exceptions.CsvImportError) as e:
        hanke.common_indicators(pl.DataFrame({"gender": ["woman"]}), period="2021-2027")
    assert e.value.code == "import.missing_column"


def test_the_comparison_script_smoke_run():
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).parents[3] / "benches" / "compare.py"
    spec = importlib.util.spec_from_file_location("compare", path)
    compare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compare)
    assert compare.main(["--smoke"]) == 0


def test_objective_l_reports_the_total_and_age_groups() -> None:
    """Issue 24 item 3: under specific objective (l) a record needs only
    gender and birth date; the labour-market and education indicators are not
    reported. Same figures as the Rust test (ages 16, 25, 60 at entry)."""
    import datetime as dt

    import polars as pl

    df = pl.DataFrame(
        {
            "participant_id": ["L1", "L2", "L3"],
            "entry_date": [dt.date(2023, 3, 1)] * 3,
            "birth_date": [dt.date(2006, 6, 1), dt.date(1997, 6, 1), dt.date(1962, 6, 1)],
            "gender": ["woman"] * 3,
        }
    )
    general = hanke.common_indicators(df, period="2021-2027")
    assert general.incomplete["women"] == 3
    ind = hanke.common_indicators(df, period="2021-2027", objective="(l)")
    assert ind.incomplete.get("women", 0) == 0
    for code, n in [("EECO01", 3), ("EECO06", 1), ("EECO07", 1), ("EECO08", 1)]:
        value = ind.get(code)
        assert value is not None and value["women"] == n, code
    assert ind.get("EECO02") is None
    with pytest.raises(hanke.ValidationError) as e:
        hanke.common_indicators(df, period="2021-2027", objective="m")
    assert e.value.code == "programme.objective"


def test_threads_give_identical_counts_and_the_same_first_error():
    # 300 000 rows: split into ranges of at least 65 536 rows, so 2 and 4
    # threads really split (the core's property test covers every split).
    data = hanke.testing.synthetic_participants(300_000)
    cut = dt.date(2025, 12, 31)
    one = hanke.common_indicators(data, cut_off=cut)
    for threads in (2, 3, 4):
        assert counts(hanke.common_indicators(data, cut_off=cut, threads=threads)) == counts(one)
    df = pl.DataFrame(data).with_columns(
        pl.when(pl.int_range(pl.len()) == 200_000).then(pl.lit("dog")).otherwise(pl.col("gender").cast(pl.String)).alias("gender")
    )
    for threads in (1, 2, 4):
        with pytest.raises(hanke.ValidationError) as e:
            hanke.common_indicators(df, cut_off=cut, threads=threads)
        assert e.value.code == "columns.invalid_value" and "row 200000" in str(e.value)
    with pytest.raises(hanke.ValidationError) as e:
        hanke.common_indicators(data, threads=0)
    assert e.value.code == "argument.range"


def outcome(data, **kw):
    """Counts and notes, or the error's class, code and text."""
    try:
        ind = hanke.common_indicators(data, **kw)
    except hanke.HankeError as e:
        return (type(e).__name__, e.code, str(e))
    return (counts(ind), [(n.rule_id, n.path, n.row) for n in ind.notes()], ind.not_yet_entered)


def with_own_categories(df):
    """The frame with its categoricals on a category list of their own (not
    polars' global one, which the whole test session fills)."""
    cats = pl.Categories.random()
    return df.with_columns(
        pl.col(c).cast(pl.String).cast(pl.Categorical(cats)) for c, t in df.schema.items() if t == pl.Categorical
    )


def test_polars_categoricals_by_code_read_as_exported():
    # A polars frame's categoricals are read by their physical codes; a pyarrow
    # table of the same frame goes through polars' own export. Both must give
    # the same counts, notes and errors — labels in Finnish, nulls, a bad label,
    # several chunks, another categorical sharing the category list, a column
    # on a list of its own, enums.
    data = hanke.testing.synthetic_participants(3_000)
    base = with_own_categories(pl.DataFrame(data))
    cats = base.schema["gender"].categories
    extra = pl.Series("nimi", [f"x{i}" for i in range(3_000)]).cast(pl.Categorical(cats))
    frames = {
        "synthetic": base,
        "chunks": pl.concat([base.slice(0, 1_000), base.slice(1_000, 2_000)], rechunk=False),
        "finnish": with_own_categories(
            base.with_columns(pl.col("gender").cast(pl.String).replace({"woman": "nainen", "man": "mies"}))
        ),
        "nulls": base.with_columns(
            pl.when(pl.int_range(pl.len()) % 7 == 0).then(None).otherwise(pl.col("labour_status")).alias("labour_status")
        ),
        "bad label": with_own_categories(
            base.with_columns(
                pl.when(pl.int_range(pl.len()) == 2_222)
                .then(pl.lit("dog"))
                .otherwise(pl.col("gender").cast(pl.String))
                .alias("gender")
            )
        ),
        "other categorical": base.with_columns(extra),
        # One column on a list of its own beside the shared one: each read on its own list.
        "two lists": base.with_columns(
            pl.col("labour_status").cast(pl.String).cast(pl.Categorical(pl.Categories.random()))
        ),
        "enum": base.with_columns(pl.col("gender").cast(pl.String).cast(pl.Enum(["woman", "man", "non_binary"]))),
    }
    cut = dt.date(2025, 12, 31)
    for name, df in frames.items():
        assert hanke.testing.reads_categoricals_by_code(df), name
        kw = {"cut_off": cut, "ignore_columns": ["nimi"] if "nimi" in df.columns else None}
        fast, plain = outcome(df, **kw), outcome(pa.table(df), **kw)
        assert fast == plain, name
    assert outcome(frames["bad label"], cut_off=cut)[1] == "columns.invalid_value"
    assert "row 2222" in outcome(frames["bad label"], cut_off=cut)[2]
    # A list longer than 4 096 entries (another column's 5 000 names on the
    # same list) is read through polars' export instead — with the same result.
    names = pl.Series("nimi", [f"name {i}" for i in range(5_000)]).cast(pl.Categorical(cats))
    long_list = base.with_columns(names.head(3_000))
    assert not hanke.testing.reads_categoricals_by_code(long_list)
    kw = {"cut_off": cut, "ignore_columns": ["nimi"]}
    assert outcome(long_list, **kw) == outcome(pa.table(long_list), **kw)
    # Not polars, or no categoricals: the plain export.
    assert not hanke.testing.reads_categoricals_by_code(pa.table(data))
    assert not hanke.testing.reads_categoricals_by_code(pl.DataFrame({"entry_date": [dt.date(2024, 1, 1)]}))


def test_a_polars_frame_of_many_chunks_is_read_as_exported_without_a_copy():
    # A frame of several chunks (what read_csv and scans give) is read column
    # by column, its chunks as they are, where polars' export of the frame
    # copies every column into one chunk first. The same counts, notes and
    # errors as that export — chunks aligned or not, with categoricals or not,
    # a bad label in a later chunk — and the frame is left as it was.
    data = hanke.testing.synthetic_participants(3_000)
    base = with_own_categories(pl.DataFrame(data))
    cats = [c for c, t in base.schema.items() if t == pl.Categorical]

    def pieces(df, *cuts):
        bounds = [0, *cuts, df.height]
        return pl.concat([df.slice(a, b - a) for a, b in zip(bounds, bounds[1:])], rechunk=False)

    aligned = pieces(base, 700, 701, 2_000)
    bad = aligned.with_columns(
        pl.when(pl.int_range(pl.len()) == 2_500).then(pl.lit("dog")).otherwise(pl.col("gender").cast(pl.String)).alias("gender")
    )
    frames = {
        "aligned": aligned,
        # One column cut elsewhere than the others.
        "ragged": aligned.with_columns(pieces(base.select("labour_status"), 1_234).to_series()),
        "no categoricals": pieces(base.with_columns(pl.col(cats).cast(pl.String)), 10, 2_999),
        "bad label, later chunk": pieces(with_own_categories(bad.rechunk()), 1_000, 2_000),
        # An enum (exported as a dictionary a chunk) and labels as strings.
        "enum and strings": pieces(
            base.with_columns(
                pl.col("gender").cast(pl.String).cast(pl.Enum(["woman", "man", "non_binary"])),
                pl.col("labour_status").cast(pl.String),
            ),
            1_500,
        ),
    }
    # Read as the chunks are: cut at every boundary of any column.
    assert hanke.testing.batch_rows(frames["aligned"]) == [700, 1, 1_299, 1_000]
    assert hanke.testing.batch_rows(frames["ragged"]) == [700, 1, 533, 766, 1_000]
    assert hanke.testing.batch_rows(frames["no categoricals"]) == [10, 2_989, 1]
    assert hanke.testing.batch_rows(base) == [3_000]
    cut = dt.date(2025, 12, 31)
    for name, df in frames.items():
        chunks = df.n_chunks("all")
        assert max(chunks) > 1, name
        fast = outcome(df, cut_off=cut)
        records = _read(df, period="2021-2027", accept_temporary_codes=True)
        assert df.n_chunks("all") == chunks, f"{name}: the frame was copied into one chunk"
        assert fast == outcome(pa.table(df), cut_off=cut), name
        # The record path reads the same batches: the same records, rejections and rows.
        assert records == _read(pa.table(df), period="2021-2027", accept_temporary_codes=True), name
    assert "row 2500" in outcome(frames["bad label, later chunk"], cut_off=cut)[2]


def _with_key_past_labels(table: pa.Table, column: str, row: int, blank: bool) -> pa.Table:
    """``column`` as a dictionary whose key at ``row`` is past its labels —
    what a producer can hand over through Arrow's C interface, which does not
    check keys (``safe=False`` builds one)."""
    a = table.column(column).combine_chunks()
    if not pa.types.is_dictionary(a.type):
        a = a.dictionary_encode()
    labels = a.dictionary
    if blank:
        labels = pa.concat_arrays([labels, pa.array([" "])])
    keys = a.indices.to_pylist()
    keys[row] = 100
    bad = pa.DictionaryArray.from_arrays(pa.array(keys, a.indices.type), labels, safe=False)
    return table.set_column(table.schema.get_field_index(column), column, bad)


@pytest.mark.parametrize("column", ["gender", "homeless"])
@pytest.mark.parametrize("blank", [False, True])
def test_a_dictionary_key_past_its_labels_is_refused_by_every_reader(column, blank):
    # Before: with a blank label in the dictionary the row was read as
    # missing (counted as "unknown"), silently.
    data = hanke.testing.synthetic_participants(300)
    table = pa.table(data)
    table = table.append_column("participant_id", pa.array([f"P{i}" for i in range(len(table))]))
    bad = _with_key_past_labels(table, column, 37, blank)
    with pytest.raises(hanke.HankeError) as e:
        hanke.common_indicators(bad, cut_off=dt.date(2025, 12, 31))
    assert e.value.code == "columns.invalid_value"
    assert "row 37" in str(e.value) and column in str(e.value)
    with pytest.raises(hanke.HankeError) as e:
        hanke.read_participants(bad, period="2021-2027", accept_temporary_codes=True)
    assert e.value.code == "columns.invalid_value"
    assert "row 37" in str(e.value) and column in str(e.value)


def test_a_long_shared_category_list_is_read_label_by_label():
    # Polars keeps one category list for a session; once it is longer than
    # 256 entries a frame's codes are past 255. The record reader looked them
    # up through a table of 256 entries and read every such label as entry
    # 255 — another column's label (here "label255", which it then refused;
    # had it been "woman", the row would have been read as a woman).
    cats = pl.Categories.random()
    on_list = pl.Categorical(cats)
    # Kept alive: a list whose every column is gone may start again from 0.
    filler = pl.Series("filler", [f"label{i}" for i in range(300)]).cast(on_list)
    n = 6
    df = pl.DataFrame(
        {
            "participant_id": [f"P{i}" for i in range(n)],
            "entry_date": [dt.date(2023, 1, 2)] * n,
            "gender": pl.Series(["woman", "man", "man", "woman", "non_binary", "man"]).cast(on_list),
            "labour_status": pl.Series(["unemployed", "employed"] * 3).cast(on_list),
            "homeless": pl.Series(["yes", "no", "no", "declined", "no", "yes"]).cast(on_list),
        }
    )
    assert min(df.select(pl.col("gender").to_physical()).to_series()) > 255, filler.len()
    assert hanke.testing.reads_categoricals_by_code(df)
    by_code = hanke.read_participants(df, period="2021-2027")
    exported = hanke.read_participants(pa.table(df), period="2021-2027")
    assert by_code.report["rejected"] == 0, by_code.rejections()
    assert by_code.to_dicts() == exported.to_dicts()
    assert [p["entry"]["gender"] for p in by_code.to_dicts()] == ["woman", "man", "man", "woman", "non_binary", "man"]


def _read(data, **kw):
    """Records and their account, or the error's class, code and text."""
    try:
        p = hanke.read_participants(data, **kw)
    except hanke.HankeError as e:
        return (type(e).__name__, e.code, str(e))
    return (p.to_dicts(), p.report, [str(r) for r in p.rejections()])


@pytest.mark.parametrize(
    "column",
    ["entry_date", "participant_id", "municipality", "gender", "household_jobless", "exit_situation"],
)
def test_a_categorical_of_any_column_reads_as_its_export(column):
    # Whatever column a polars frame makes categorical — one no dictionary is
    # read for (dates, ids, municipalities) or a coded one — reading it by its
    # codes gives what polars' own export gives: the same records, counts,
    # or the same error, with and without the period told from the data.
    n = 40
    df = pl.DataFrame(
        {
            "participant_id": [f"P{i}" for i in range(n)],
            "entry_date": [f"2023-01-{1 + i % 28:02d}" for i in range(n)],
            "municipality": ["091", "049"] * (n // 2),
            "gender": ["woman", "man", "non_binary", "nainen"] * (n // 4),
            "household_jobless": ["yes", "no"] * (n // 2),
            "household_dependent_children": ["no"] * n,
            "household_single_adult": ["no"] * n,
            "exit_date": ["2023-06-30"] * n,
            "exit_situation": ["job_seeking", "education"] * (n // 2),
        }
    )
    if column != "entry_date":
        df = df.with_columns(pl.col("entry_date", "exit_date").str.to_date())
    df = with_own_categories(df.with_columns(pl.col(column).cast(pl.Categorical)))
    assert hanke.testing.reads_categoricals_by_code(df)
    for kw in ({}, {"period": "2021-2027"}):
        assert _read(df, **kw) == _read(pa.table(df), **kw), kw
        assert outcome(df, **kw) == outcome(pa.table(df), **kw), kw
