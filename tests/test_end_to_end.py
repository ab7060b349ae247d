"""The main job end to end on the bundled sample archive: `chipwatch run`, twice, through Dagster."""

from __future__ import annotations

from assets.cli import main

SEED_FIGURES = [
    # surface, value, unit, qualifier
    ("557만 6000달러", 5_576_000, "USD", "exact"),
    ("1억 달러", 100_000_000, "USD", "exact"),
    ("약 2000개", 2_000, "chips", "approx"),
    ("1만 6000개", 16_000, "chips", "exact"),
    ("약 1년", 1, "years", "approx"),
    ("11개 기업", 11, "companies", "exact"),
    ("약 1억 300만 달러", 103_000_000, "USD", "approx"),
    ("2000개 이상", 2_000, "chips", "at_least"),
]
SEED_URL_PART = "5673971"


def test_run_succeeds_and_prints_summary(sample_run):
    _, outputs, _ = sample_run
    code, out = outputs[0]
    assert code == 0, out
    assert "articles per source:" in out and "facts:" in out and "claims:" in out and "conflicts:" in out
    for source in ("news1", "cnn", "nyt"):
        assert f"{source} " in out.split("articles per source:")[1].splitlines()[0]


def test_second_run_adds_no_rows_and_says_so(sample_run):
    _, outputs, _ = sample_run
    code, out = outputs[1]
    assert code == 0, out
    assert "no new rows" in out


def test_run_succeeds_while_snapshot_is_held_open(sample_run, db):
    _, _, (held, later) = sample_run
    assert held == later and int(held) > 0  # the reader kept its copy throughout
    assert db.execute("SELECT count(*) FROM core.facts").fetchone()[0] == int(held)


def test_dagster_instance_recorded_the_runs(sample_run):
    paths, _, _ = sample_run
    import dagster as dg

    with dg.DagsterInstance.from_config(str(paths["DAGSTER_HOME"])) as instance:
        runs = instance.get_runs()
        assert len(runs) == 2 * 5  # (4 ingest partitions + marts) per run
        assert all(r.is_success for r in runs)


def test_cli_runs_are_listed_under_their_jobs_in_the_ui(sample_run):
    """The UI lists a job's runs by job name and the repository label of the code location's origin
    (``__repository__@chipwatch``); runs without an origin show on no job page and not on the Overview."""
    paths, _, _ = sample_run
    import dagster as dg
    from dagster._core.storage.tags import REPOSITORY_LABEL_TAG

    with dg.DagsterInstance.from_config(str(paths["DAGSTER_HOME"])) as instance:
        for job, partitions in (("ingest", ["cnn", "news1", "nyt", "other"] * 2), ("marts", [None] * 2)):
            label = {REPOSITORY_LABEL_TAG: "__repository__@chipwatch"}
            runs = instance.get_runs(dg.RunsFilter(job_name=job, tags=label))
            assert sorted(r.tags.get("dagster/partition") or "" for r in runs) == sorted(p or "" for p in partitions)
            for r in runs:
                origin = r.remote_job_origin
                assert origin is not None and origin.job_name == job
                assert origin.repository_origin.code_location_origin.location_name == "chipwatch"
                assert r.job_code_origin.repository_origin.code_pointer.module == "assets.definitions"
                assert r.job_snapshot_id and r.execution_plan_snapshot_id


def test_the_web_servers_job_pages_and_overview_list_the_cli_runs(sample_run):
    """What the UI's pages ask the web server's GraphQL: a job's runs (the Jobs page, a job's Runs tab) and
    each run's code location (the Overview's timeline groups runs by it and leaves out runs without one).
    The code location is loaded in-process, as `dagster dev` would load it in its code server."""
    import sys

    import dagster as dg
    from dagster._core.remote_origin import InProcessCodeLocationOrigin
    from dagster._core.types.loadable_target_origin import LoadableTargetOrigin
    from dagster._core.workspace.context import WorkspaceProcessContext
    from dagster._core.workspace.load_target import InProcessWorkspaceLoadTarget
    from dagster_graphql.test.utils import execute_dagster_graphql

    from warehouse.paths import PROJECT_ROOT

    paths, _, _ = sample_run
    origin = InProcessCodeLocationOrigin(
        loadable_target_origin=LoadableTargetOrigin(executable_path=sys.executable, module_name="assets.definitions",
                                                    working_directory=str(PROJECT_ROOT)), location_name="chipwatch")
    query = """query ($job: String!) {
      pipelineOrError(params: {repositoryLocationName: "chipwatch", repositoryName: "__repository__",
                               pipelineName: $job}) { __typename ... on Pipeline { runs { runId status } } }
      runsOrError { ... on Runs { results { runId pipelineName
                                            repositoryOrigin { repositoryLocationName repositoryName } } } } }"""
    with dg.DagsterInstance.from_config(str(paths["DAGSTER_HOME"])) as instance, \
            WorkspaceProcessContext(instance, InProcessWorkspaceLoadTarget([origin])) as workspace:
        for job, count in (("ingest", 8), ("marts", 2)):
            result = execute_dagster_graphql(workspace.create_request_context(), query, {"job": job})
            assert result.errors is None, result.errors
            listed = result.data["pipelineOrError"]["runs"]
            assert len(listed) == count and {r["status"] for r in listed} == {"SUCCESS"}
            runs = result.data["runsOrError"]["results"]
            assert len(runs) == 10
            assert all(r["repositoryOrigin"] == {"repositoryLocationName": "chipwatch",
                                                 "repositoryName": "__repository__"} for r in runs)


def test_seed_figures_are_in_core_facts_with_provenance(db):
    rows = db.execute("""
        SELECT f.surface, f.value, f.unit, f.qualifier, f.sentence, f.span_start, f.span_end, a.body_text
        FROM core.facts f JOIN core.articles a USING (article_id, version)
        WHERE a.url LIKE ?""", [f"%{SEED_URL_PART}%"]).fetchall()
    by_surface = {r[0]: r for r in rows}
    for surface, value, unit, qualifier in SEED_FIGURES:
        assert surface in by_surface, f"{surface} missing from the seed article's facts"
        _, v, u, q, sentence, start, end, body = by_surface[surface]
        assert (v, u, q) == (value, unit, qualifier), surface
        assert body[start:end] == surface and surface in sentence and sentence in body


def test_seed_subjects_and_metrics(db):
    got = dict(((s, (subj, metric))) for s, subj, metric in db.execute("""
        SELECT f.surface, f.subject, f.metric FROM core.facts f JOIN core.articles a USING (article_id, version)
        WHERE a.url LIKE ?""", [f"%{SEED_URL_PART}%"]).fetchall())
    assert got["557만 6000달러"] == ("DeepSeek", "training_cost")
    assert got["1억 달러"][0] == "OpenAI"
    assert got["약 2000개"] == ("DeepSeek", "chip_count")


def test_irrelevant_articles_are_kept_but_not_mined(db):
    irrelevant = db.execute("SELECT article_id FROM core.articles WHERE NOT is_relevant").fetchall()
    assert len(irrelevant) >= 3
    mined = db.execute("SELECT count(*) FROM core.facts f JOIN core.articles a USING (article_id, version) "
                       "WHERE NOT a.is_relevant").fetchone()[0]
    assert mined == 0


def test_non_articles_and_bot_walls_are_classified_not_parsed(db):
    reasons = dict(db.execute("SELECT reason, count(*) FROM core.parse_results WHERE NOT is_article "
                              "GROUP BY reason").fetchall())
    assert reasons.get("non_article", 0) >= 1
    blocked = db.execute("SELECT count(*) FROM raw.fetch_log WHERE outcome = 'blocked' AND source = 'nyt'"
                         ).fetchone()[0]
    assert blocked >= 1
    # A blocked page is never kept as a page, so it can never become an article.
    assert db.execute("SELECT count(*) FROM raw.pages p JOIN raw.fetch_log l USING (url) "
                      "WHERE l.outcome = 'blocked' AND p.kind = 'page'").fetchone()[0] == 0


def test_training_cost_claim_shows_outlets_and_relations(db):
    rows = db.execute("""
        SELECT source, surface, relation_to_previous FROM marts.figure_observations
        WHERE subject = 'DeepSeek' AND metric = 'training_cost' AND unit = 'USD' ORDER BY observed_at
    """).fetchall()
    sources = {r[0] for r in rows}
    relations = {r[2] for r in rows}
    assert {"news1", "cnn", "nyt"} <= sources
    assert {"first", "rounding", "probable_unit_error"} <= relations
    assert "consistent" in relations or "bound" in relations
    unit_error = [r for r in rows if r[2] == "probable_unit_error"]
    assert [r[1] for r in unit_error] == ["5576만 달러"]


def test_corrected_article_has_a_revision_with_the_changed_figure(db):
    revs = db.execute("SELECT url, from_version, to_version, facts_changed FROM marts.article_revisions").fetchall()
    assert revs, "the sample's corrected article should yield a revision"
    assert any(any("593" in c and "589" in c for c in r[3]) for r in revs)


def test_smuggling_deal_of_an_unnamed_seller_is_kept_but_never_compared(db):
    # "a seller in Shenzhen" / "중국 선전의 한 판매상은": no named party, so no claim (issue 10's rule)
    facts = db.execute("""
        SELECT source, subject FROM core.facts WHERE metric = 'deal_value' AND value BETWEEN 9e7 AND 1.2e8
    """).fetchall()
    assert {s for s, _ in facts} >= {"nyt", "cnn", "news1"} and all(subj is None for _, subj in facts)
    assert db.execute("""
        SELECT count(*) FROM marts.figure_observations WHERE metric = 'deal_value' AND value BETWEEN 9e7 AND 1.2e8
    """).fetchone()[0] == 0


def test_training_cost_recited_from_the_first_report(db):
    rows = db.execute("""
        SELECT source, observed_at, first_reported_at, is_recitation, relation_to_previous, article_id, version
        FROM marts.figure_observations
        WHERE claim_key = 'DeepSeek|training_cost|-|money|DeepSeek-V3' ORDER BY report_seq
    """).fetchall()
    first = rows[0]
    assert first[4] == "first" and first[1].date().isoformat() == "2025-01-27"
    recited = [r for r in rows if r[3]]
    # a later report of the same value from another outlet points back to the first report's time
    assert recited and all(r[2] < r[1] for r in recited if r[1].date() > first[1].date())
    assert all(r[2] <= r[1] for r in rows)
    # figures of one article version are never compared with each other: all "first" rows are the first report's
    assert {(r[5], r[6]) for r in rows if r[4] == "first"} == {(first[5], first[6])}


def test_timeline_and_discrepancies_are_consistent(db):
    n_conf = db.execute("SELECT sum(n_conflicts) FROM marts.figure_timeline").fetchone()[0]
    n_disc = db.execute("SELECT count(*) FROM marts.figure_discrepancies").fetchone()[0]
    assert n_conf == n_disc > 0
    assert db.execute("SELECT count(*) FROM marts.claim_reports").fetchone()[0] == \
        db.execute("SELECT count(*) FROM marts.figure_observations").fetchone()[0]


def test_bot_walled_nyt_article_is_kept_as_a_feed_only_record(db):
    rows = db.execute("SELECT source, headline, published_at, last_fetch_outcome FROM core.feed_only_articles "
                      "WHERE last_fetch_outcome = 'blocked'").fetchall()
    assert rows and rows[0][0] == "nyt" and rows[0][1] and rows[0][2] is not None


def test_krw_conversion_is_consistent_with_the_usd_figure(db):
    # "557만6000달러(약 78억8000만원)": the conversion rides on its figure and checks the exchange rate
    rows = db.execute("""
        SELECT surface, conversion_surface, conversion_ok FROM marts.figure_observations
        WHERE subject = 'DeepSeek' AND metric = 'training_cost' AND conversion_surface IS NOT NULL
    """).fetchall()
    assert rows and all(ok for _, _, ok in rows), rows
    assert any("78억8000만" in conv for _, conv, _ in rows)
    assert db.execute("""
        SELECT count(*) FROM marts.figure_observations o JOIN core.facts f USING (fact_id)
        WHERE f.linked_fact_id IS NOT NULL
    """).fetchone()[0] == 0


def test_figures_command_shows_a_claims_timeline_from_the_snapshot(sample_run, capsys):
    assert main(["figures", "--claim", "DeepSeek|training_cost|-|money|DeepSeek-V3"]) == 0
    out = capsys.readouterr().out
    assert "5576만 달러" in out and "probable_unit_error" in out and out.startswith("| claim_key |")
    assert main(["figures"]) == 0
    assert "claim_key" in capsys.readouterr().out
    assert main(["figures", "--claim", "no such claim at all"]) == 1


def test_charts_and_report_are_written(sample_run):
    paths, _, _ = sample_run
    charts = paths["CHIPWATCH_OUTPUT"] / "charts"
    assert (charts / "report.html").is_file()
    assert (charts / "deepseek-training-cost-money-deepseek-v3.png").is_file()


def _readme_query(question: str) -> str:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    after = text[text.index(question):]
    return after[after.index("```sql") + len("```sql"):after.index("```", after.index("```sql") + 6)]


def test_readme_names_who_disagrees_with_everyone_and_whether_they_corrected_it(db):
    rows = db.execute(_readme_query("disagrees with everyone else, and did they correct it")).fetchall()
    got = {(r[1], r[3], r[4], r[7].split(",")[0]) for r in rows}
    assert got == {
        ("The New York Times", "$118.51", "outlier", "never re-checked"),  # Nvidia's close was $118.42
        ("News1", "5576만 달러", "unit_error", "a later report agrees"),  # V3: 557만6000달러
        ("News1", "약 2000개", "outlier", "a later report agrees"),  # R1 was trained on 512 H800s
        ("News1", "39만달러", "outlier", "never re-checked"),  # R1: $294,000 (29만4000달러)
        ("CNN", "$593 billion", "outlier", "corrected in the article"),  # the correction note: $589 billion
    }
    # Not an outlier: a US official's "fewer than 50,000" H100 chips (via Reuters) stands against three outlets
    # that all re-tell one man's claim, Alexandr Wang's (via CNBC): one source against one.
    assert "fewer than 50,000" not in {r[3] for r in rows}


def test_every_discrepancy_of_the_sample_says_who_is_likely_wrong_or_that_it_is_a_tie(db):
    rows = db.execute("""
        SELECT d.claim_key, d.likely_wrong, d.surface_a, d.surface_b, t.consensus_basis, t.consensus_low
        FROM marts.figure_discrepancies d JOIN marts.figure_timeline t USING (claim_key)""").fetchall()
    wrong = {(r[2] if r[1] == "a" else r[3]) for r in rows if r[1]}
    assert wrong == {"$118.51", "5576만 달러", "약 2000개", "39만달러"}
    # undecided: R1's cost ($6 million in January by two outlets, $294,000 in September by two), DeepSeek's
    # H100s (Alexandr Wang's "more than 50,000", re-told by three outlets, against an official's "fewer"), and
    # the H800's time from launch to restriction (News1's "약 1년" against the NYT's "about seven months", one
    # report each; the rule came about seven months after the launch)
    assert {r[0] for r in rows if r[1] is None} == {"DeepSeek|training_cost|-|money|DeepSeek-R1",
                                                    "DeepSeek|chip_count|H100|chips",
                                                    "US government|duration|H800|duration"}
    assert all(r[5] is not None for r in rows)  # a consensus range for every claim with a conflict
    revision = db.execute("SELECT changed_claims, correction_note FROM marts.article_revisions").fetchone()
    assert revision[0] == ["Nvidia|market_value_change|-|money|@2025-01-27"]
    assert revision[1].endswith("It was $589 billion.")
