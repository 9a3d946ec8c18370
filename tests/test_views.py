"""Views for researchers (issue 10): spaCy Docs whose spans are the facts, the pipeline component
through its entry point, and the HTML view — escaped, and driven in a real headless Chromium
from the operating system's packages (no browser download)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import extract
from extract.cli import main
from extract.read.ingest import read_report

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "changning-kexie-2021.txt"
PDF = FIXTURES / "pdf" / "js_prov_court_2018_dept_budget_p9-10.pdf"


@pytest.fixture(scope="module")
def seed_run():
    return extract.run([SEED], jobs=1)


@pytest.mark.parametrize("path", [SEED, PDF], ids=["seed-text", "budget-pdf"])
def test_spacy_spans_are_the_facts(path):
    result = extract.run([path], jobs=1)
    doc = read_report(path)
    sdoc = extract.to_spacy(doc, result.facts, result.checks)
    facts = result.facts.sort_values(["start", "end"], kind="stable")
    spans = list(sdoc.spans["facts"])
    assert len(spans) == len(facts)
    assert [s.text for s in spans] == list(facts["text"])
    assert [s.label_ for s in spans] == list(facts["kind"])
    assert [s._.fact_id for s in spans] == list(facts["fact_id"])
    assert sdoc.user_data["reportfacts_expanded"] == 0  # every fact falls on token boundaries


def test_failed_check_figures_are_spans(seed_run):
    sdoc = extract.to_spacy(read_report(SEED), seed_run.facts, seed_run.checks)
    failed = seed_run.checks[seed_run.checks.status == "fail"].iloc[0]
    ids = [failed.total_fact_id, *json.loads(failed.part_fact_ids)]
    texts = set(seed_run.facts.set_index("fact_id").loc[ids, "text"])
    assert {s.text for s in sdoc.spans["checks"]} == texts


def test_pipeline_component_from_its_entry_point():
    """A spaCy user who never imports extract adds the component by name."""
    code = ("import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('reportfacts', config={'year': 2021}); "
            "d = nlp('实有在编人员共14人，其中在职14人，退休4人。'); "
            "print([(s.text, s.label_) for s in d.spans['facts']], len(d.spans['checks']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "('14人', 'headcount')" in out and out.strip().endswith("3")


def test_displacy_renders_the_facts(seed_run):
    from spacy import displacy

    sdoc = extract.to_spacy(read_report(SEED), seed_run.facts)
    html = displacy.render(sdoc, style="span", options={"spans_key": "facts"}, jupyter=False)
    shown = re.sub(r"<[^>]+>|\s", "", html)  # displacy puts a space after each token, labels in markup
    assert "181.92万元" in shown.replace("amount", "") and "amount" in html


def test_report_text_is_escaped(tmp_path):
    p = tmp_path / "evil.txt"
    p.write_text("某局2021年报告\n<script>alert('x')</script>收入总计100万元。<img src=x onerror=alert(1)>",
                 encoding="utf-8")
    page = extract.show(p).html
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    assert page.count("<script>") == 1  # the view's own
    assert not any(w in page for w in ("http://", "https://", "<img", "<link", "<iframe"))  # nothing fetched


def test_show_command(tmp_path):
    out = tmp_path / "o"
    assert CliRunner().invoke(main, ["run", str(SEED), str(PDF), "-o", str(out), "--jobs", "1"]).exit_code == 0
    res = CliRunner().invoke(main, ["show", str(out), "--doc", PDF.stem, "-o", str(tmp_path / "v.html")])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert 'class="page">p. 2<' in page  # a PDF shows the page of its facts
    bad = CliRunner().invoke(main, ["show", str(out), "--doc", "nope"])
    assert bad.exit_code == 2


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None or shutil.which("chromedriver") is None,
                    reason="needs the system Chromium and chromedriver (.ci/run installs them)")
def test_view_in_a_real_browser(tmp_path, seed_run):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    page = extract.show(seed_run).save(tmp_path / "seed.html")
    options = Options()
    options.binary_location = _chromium() or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get(page.as_uri())
        shown = {e.get_attribute("id")[2:]: e.text for e in driver.find_elements(By.CSS_SELECTOR, "span.fact")}
        facts = seed_run.facts.set_index("fact_id")["text"].to_dict()
        assert shown and all(facts[i] == t for i, t in shown.items())
        assert len(shown) == len(facts)
        failed = driver.find_element(By.CSS_SELECTOR, "a.check.fail")
        ids = json.loads(failed.get_attribute("data-facts"))
        failed.click()
        outlined = driver.find_elements(By.CSS_SELECTOR, "span.fact.outlined")
        assert sorted(e.get_attribute("id")[2:] for e in outlined) == sorted(ids)
        in_view = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); const m = document.getElementById('text');"
            "const b = m.getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom;", outlined[0])
        assert in_view  # clicking a failed check scrolled to its figures
        shot = ROOT / "outputs" / "view.png"
        shot.parent.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(shot))
    finally:
        driver.quit()
