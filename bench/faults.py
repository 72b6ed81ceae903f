"""The fault campaign of issue 17: faults and bad inputs against `faits run`, each as a new user meets it.

    python bench/faults.py                 # every case, about 11 minutes on 2 shared cores
    python bench/faults.py --quick         # no Dask, two kill moments, 500 tiny files
    python bench/faults.py --only kill     # the cases whose name holds "kill"

Every case runs the `faits` command (``python -m pipeline.cli``) in a
subprocess on inputs built here (synthetic French articles, never the
corpus), with a timeout: a case that hangs fails. Then it checks what a user
would: the exit code, that every good article is in the store and the
tables once (no duplicate, none lost), that every bad input is named (in the
list of skipped inputs, a warning, or the error message), that no traceback
is printed, that no temporary file is left, that the run is marked as it
ended, and, after a kill -9 or a SIGTERM of a run with workers, that no
process of it is alive 10 s later. It prints a table: case, exit code, good
articles kept, bad input named, verdict (held or FAILED, with why). Exit
code 1 when a case failed.

Cases: kill -9 at four moments (loading the model, the first batches, mid-run,
writing the tables) with one process, two workers and Dask, then a rerun;
SIGTERM of a run with workers; kill -9 of one worker (the run goes on); damaged stores (cut in half, garbage inside,
not a database, a directory, locked) under run, query and export; outputs
that cannot be written (-o naming a file, facts.csv a directory, a folder
that cannot be created); paths with spaces and non-Latin letters; 40 bad or
odd files among good ones; 26 bad JSONL/CSV records; CSV formula cells; 13
bad gold files; a 200 KB sentence; numbers in exponent form; invisible
characters inside numbers; 5,000 tiny files; the normalizers fuzzed
(bench/fuzz_normalizers.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
FAITS = [sys.executable, "-m", "pipeline.cli"]
TIMEOUT = 900
# enough articles that "mid-run" (2.5 to 4 s after the store opens) falls before the end on a quiet machine
N_KILL_ARTICLES = 120


# -- articles ---------------------------------------------------------------------------------------

PLACES = ["Kharkiv", "Marseille", "Lyon", "Gaza", "Dakar", "Bamako", "Toulouse", "Lille", "Odessa", "Nantes"]
SOURCES = ["l'ONU", "le ministère de l'Intérieur", "la préfecture", "Médecins sans frontières", "l'AFP"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre"]
SENTENCES = [
    "Plus de {n} soldats ont été tués près de {place} en {month} {year}, selon {source}.",
    "Au moins {m} personnes ont été blessées lors des combats à {place}, a indiqué {source}.",
    "Environ {n} habitants ont été déplacés depuis le début de l'offensive, selon {source}.",
    "Le gouvernement a débloqué {m} millions d'euros pour la reconstruction de {place}.",
    "Entre {m} et {n} manifestants ont défilé dans les rues de {place} le 3 {month} {year}.",
    "Les secours ont évacué {m} blessés vers les hôpitaux de la région de {place}.",
    "La police a interpellé {m} personnes à {place}, selon {source}.",
]


def article(rng: random.Random, i: int) -> str:
    """A French news article of about 250 words, its figures unique to ``i``."""
    def fill(s: str) -> str:
        return s.format(n=f"{1000 + 37 * i + rng.randint(0, 30):,}".replace(",", " "), m=rng.randint(2, 90) + i,
                        place=rng.choice(PLACES), source=rng.choice(SOURCES), month=rng.choice(MONTHS),
                        year=rng.choice([2023, 2024, 2025]))
    paragraphs = [" ".join(fill(rng.choice(SENTENCES)) for _ in range(3)) for _ in range(4)]
    title = f"Bilan numéro {i} : {fill(SENTENCES[0])[:-1]}"
    footer = f"Source link : https://example.org/{i}\nPublish date : 2025-06-{1 + i % 28:02d} 10:00:00"
    return "\n\n".join([title, *paragraphs, footer]) + "\n"


def write_articles(folder: Path, n: int, seed: int = 0, prefix: str = "art") -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    ids = []
    for i in range(n):
        name = f"{prefix}-{seed}-{i:04d}"
        (folder / f"{name}.txt").write_text(article(rng, seed * 10_000 + i), encoding="utf-8")
        ids.append(name)
    return ids


# -- running faits ------------------------------------------------------------------------------------


@dataclass
class Result:
    rc: int | str
    out: str
    err: str
    seconds: float

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.err or "Traceback" in self.out


def faits(*args: str, timeout: float = TIMEOUT, cwd: Path | None = None) -> Result:
    started = time.perf_counter()
    proc = subprocess.Popen([*FAITS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            cwd=cwd or ROOT, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        rc: int | str = proc.returncode
    except subprocess.TimeoutExpired:
        _kill_tree(proc.pid)
        out, err = proc.communicate()
        rc = "hung"
    return Result(rc, out, err, time.perf_counter() - started)


def _kill_tree(pid: int) -> None:
    try:
        procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    for p in procs:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass


def alive(pids: list[int]) -> list[int]:
    """Those of ``pids`` still running (a zombie waiting for its reaper is not running)."""
    left = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                left.append(pid)
        except psutil.NoSuchProcess:
            pass
    return left


def store_check(store: Path, ids: list[str]) -> tuple[int, list[str]]:
    """(good articles in the store, problems): every id once, no duplicate fact."""
    problems = []
    con = duckdb.connect(str(store), read_only=True)
    try:
        stored = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        dup_facts = con.execute("SELECT count(*) FROM (SELECT content_hash, fact_id FROM facts "
                                "GROUP BY 1, 2 HAVING count(*) > 1)").fetchone()[0]
        orphans = con.execute("SELECT count(*) FROM facts WHERE content_hash NOT IN "
                              "(SELECT content_hash FROM articles)").fetchone()[0]
    finally:
        con.close()
    if len(stored) != len(set(stored)):
        problems.append("duplicate article")
    if dup_facts:
        problems.append(f"{dup_facts} duplicate facts")
    if orphans:
        problems.append(f"{orphans} facts without article")
    kept = len(set(ids) & set(stored))
    return kept, problems


def runs_of(store: Path) -> list[tuple[int, str]]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall()
    finally:
        con.close()


def table_ids(out: Path) -> set[str]:
    path = out / "facts.jsonl"
    if not path.is_file():
        return set()
    return {json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines() if line}


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.glob(".*.tmp")] if folder.is_dir() else []


# -- the table ----------------------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    exit: str
    kept: str
    named: str
    problems: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def verdict(self) -> str:
        return "held" if not self.problems else "FAILED: " + "; ".join(self.problems)


ROWS: list[Row] = []


def report(row: Row) -> None:
    ROWS.append(row)
    print(f"  {row.case}: exit {row.exit}, kept {row.kept}, named {row.named}, {row.verdict}"
          + (f" ({row.note})" if row.note else ""), flush=True)


def print_table() -> None:
    print()
    print("| case | exit code | good articles kept | bad input named | verdict |")
    print("|---|---|---|---|---|")
    for r in ROWS:
        verdict = r.verdict + (f" ({r.note})" if r.note else "")
        print(f"| {r.case} | {r.exit} | {r.kept} | {r.named} | {verdict} |")


# -- cases --------------------------------------------------------------------------------------------


def kill_case(work: Path, engine: str, workers: int, moment: str, sig: int = signal.SIGKILL) -> None:
    """Kill a run at ``moment``, check no process of it outlives it by 10 s, rerun, check the store."""
    name = f"{'kill -9' if sig == signal.SIGKILL else 'SIGTERM'} {moment}, " + (
        "Dask, 2 workers" if engine == "dask" else f"{workers} worker{'s' if workers > 1 else ''}")
    case = work / re.sub(r"\W+", "-", name)
    arts, out = case / "articles", case / "out"
    ids = write_articles(arts, N_KILL_ARTICLES, seed=zlib.crc32(name.encode()) % 1000)
    store = out / "faits.duckdb"
    args = ["run", str(arts), "-o", str(out), "-q", "--engine", engine, "--workers", str(workers), "--batch-size", "4"]
    problems: list[str] = []
    # output to a file, not a pipe: an orphan worker holding the pipe open would block reading it
    log = case / "killed-run.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([*FAITS, *args], stdout=sink, stderr=sink, text=True, env=ENV,
                                cwd=ROOT, start_new_session=True)
    started = time.perf_counter()
    seen: set[int] = set()

    def collect() -> None:
        try:
            seen.update(c.pid for c in psutil.Process(proc.pid).children(recursive=True))
        except psutil.NoSuchProcess:
            pass

    def wait_for(predicate, limit: float) -> bool:
        end = time.perf_counter() + limit
        while time.perf_counter() < end and proc.poll() is None:
            collect()
            if predicate():
                return True
            time.sleep(0.005)
        return False

    if moment == "loading the model":
        wait_for(lambda: False, 1.5)
    elif moment == "first batches":
        wait_for(lambda: store.exists(), 300)
        wait_for(lambda: False, 1.0)
    elif moment == "mid-run":
        wait_for(lambda: store.exists(), 300)
        wait_for(lambda: False, 4.0 if workers == 1 else 2.5)
    else:  # writing the tables
        wait_for(lambda: bool(temp_files(out)), 300)
    collect()
    ended_before = proc.poll() is not None
    killed_at = time.perf_counter() - started
    if not ended_before:
        os.kill(proc.pid, sig)
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        problems.append("did not end after the signal")
        _kill_tree(proc.pid)
        proc.wait()
    err = log.read_text(encoding="utf-8", errors="replace")
    rc_killed = proc.returncode
    time.sleep(10)
    left = alive(sorted(seen))
    if left:
        problems.append(f"{len(left)} orphan processes 10 s after")
        for pid in left:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    statuses = [s for _, s in runs_of(store)] if store.exists() else []
    # the signal may land after the run was done, while the process was ending: then there is nothing to mark
    finished = bool(statuses) and statuses[-1] == "done"
    if sig == signal.SIGTERM and not ended_before and not finished:
        if rc_killed != 130:
            problems.append(f"SIGTERM gave exit {rc_killed}, not 130")
        if "Traceback" in err:
            problems.append("traceback on SIGTERM")
        if store.exists() and runs_of(store)[-1][1] != "interrupted":
            problems.append(f"run marked {runs_of(store)[-1][1]}, not interrupted")
    rerun = faits(*args)
    if rerun.rc != 0:
        problems.append(f"rerun exit {rerun.rc}: {rerun.err.strip()[-200:]}")
    kept, store_problems = store_check(store, ids) if store.exists() else (0, ["no store"])
    problems += store_problems
    if kept != len(ids):
        problems.append(f"{len(ids) - kept} articles lost")
    if table_ids(out) != set(ids):
        problems.append("tables do not hold every article")
    statuses = [s for _, s in runs_of(store)] if store.exists() else []
    if not ended_before and not finished and len(statuses) >= 2 and statuses[-2] not in ("interrupted", "failed"):
        problems.append(f"killed run marked {statuses[-2]}")
    if temp_files(out):
        problems.append("temporary files left")
    note = ("ended before the kill" if ended_before else f"killed at {killed_at:.1f} s"
            + (", the run already done" if finished else ""))
    note += f", {len(seen)} child processes, 0 alive after 10 s" if seen and not left else ""
    report(Row(name, f"{rc_killed if not ended_before else 0} → {rerun.rc}", f"{kept}/{len(ids)}", "–",
               problems, note))


def worker_killed_case(work: Path) -> None:
    """kill -9 of one worker (as the system's OOM killer would): the run goes on with a new pool."""
    case = work / "worker-killed"
    arts, out = case / "articles", case / "out"
    ids = write_articles(arts, 48, seed=21)
    log = case / "run.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([*FAITS, "run", str(arts), "-o", str(out), "-q", "--workers", "2",
                                 "--batch-size", "4"], stdout=sink, stderr=sink, text=True, env=ENV, cwd=ROOT,
                                start_new_session=True)
    store = out / "faits.duckdb"
    end = time.perf_counter() + 300
    while time.perf_counter() < end and proc.poll() is None and not store.exists():
        time.sleep(0.01)
    time.sleep(2.0)
    victims = psutil.Process(proc.pid).children() if proc.poll() is None else []
    if victims:
        victims[0].kill()
    try:
        proc.wait(timeout=600)
        rc: int | str = proc.returncode
    except subprocess.TimeoutExpired:
        _kill_tree(proc.pid)
        rc = "hung"
    err = log.read_text(encoding="utf-8", errors="replace")
    kept, problems = store_check(store, ids) if store.exists() else (0, ["no store"])
    if rc != 0 or "Traceback" in err:
        problems.append(f"exit {rc}: {err.strip()[-200:]}")
    if not victims:
        problems.append("the run ended before a worker could be killed")
    if kept != len(ids) or table_ids(out) != set(ids):
        problems.append(f"{len(ids) - kept} articles lost")
    report(Row("kill -9 of one worker mid-run, 2 workers", str(rc), f"{kept}/{len(ids)}", "–", problems,
               "the batches in flight rerun article by article in a new pool; the run goes on"))


def damaged_store_cases(work: Path) -> None:
    base = work / "store-base"
    arts = base / "articles"
    write_articles(arts, 4, seed=7)
    good = base / "out"
    r = faits("run", str(arts), "-o", str(good), "-q")
    if r.rc != 0:
        report(Row("damaged stores: a good store first", str(r.rc), "0/4", "–", [r.err[-200:]]))
        return
    data = (good / "faits.duckdb").read_bytes()
    variants = {
        "store cut in half": lambda p: p.write_bytes(data[: len(data) // 2]),
        "store with garbage inside": lambda p: p.write_bytes(data[:4096] + os.urandom(20_000) + data[24_096:]),
        "store that is not a database": lambda p: p.write_text("hello", encoding="utf-8"),
        "store that is a directory": lambda p: p.mkdir(),
    }
    for label, make in variants.items():
        case = work / re.sub(r"\W+", "-", label)
        case.mkdir(parents=True, exist_ok=True)
        store = case / "faits.duckdb"
        make(store)
        results = {
            "run": faits("run", str(arts), "-o", str(case / "out"), "--store", str(store), "-q"),
            "query": faits("query", "SELECT * FROM runs", "--store", str(store)),
            "export": faits("export", "-o", str(case / "dump"), "--store", str(store)),
        }
        problems = []
        for cmd, res in results.items():
            if res.rc != 1:
                problems.append(f"{cmd} exit {res.rc}")
            if res.traceback:
                problems.append(f"{cmd} printed a traceback")
            if str(store) not in res.err:
                problems.append(f"{cmd} does not name the store")
        named = "yes" if all(str(store) in r.err for r in results.values()) else "no"
        report(Row(f"{label} (run, query, export)", "/".join(str(r.rc) for r in results.values()), "–", named,
                   problems, "“" + results["run"].err.strip().split("\n")[-1][7:].replace(str(store), "S")[:48] + "…”"))
    # locked: another process holds the store for writing
    case = work / "locked"
    case.mkdir(parents=True, exist_ok=True)
    store = case / "faits.duckdb"
    shutil.copy(good / "faits.duckdb", store)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ok', flush=True); time.sleep(120)", str(store)], stdout=subprocess.PIPE,
                              text=True)
    holder.stdout.readline()
    res = faits("run", str(arts), "-o", str(case / "out"), "--store", str(store), "-q")
    holder.kill()
    holder.wait()
    problems = [] if res.rc == 1 and "in use by another" in res.err and not res.traceback else [res.err[-200:]]
    report(Row("store locked by another process", str(res.rc), "–", "yes" if str(store) in res.err else "no",
               problems))


def output_cases(work: Path) -> None:
    arts = work / "out-articles"
    ids = write_articles(arts, 4, seed=8)
    # -o names a file
    case = work / "o-file"
    case.mkdir(parents=True, exist_ok=True)
    target = case / "not-a-dir"
    target.write_text("x", encoding="utf-8")
    res = faits("run", str(arts), "-o", str(target), "-q")
    problems = [] if res.rc == 1 and "is a file" in res.err and not res.traceback else [res.err[-200:]]
    report(Row("-o naming a file", str(res.rc), "–", "yes" if str(target) in res.err else "no", problems))
    # facts.csv is a directory: the run fails, is marked failed, no temporary file is left
    case = work / "csv-dir"
    (case / "out" / "facts.csv").mkdir(parents=True)
    res = faits("run", str(arts), "-o", str(case / "out"), "-q")
    problems = []
    if res.rc != 1 or res.traceback or "facts.csv" not in res.err:
        problems.append(f"exit {res.rc}: {res.err[-160:]}")
    status = runs_of(case / "out" / "faits.duckdb")[-1][1]
    if status != "failed":
        problems.append(f"run marked {status}")
    if temp_files(case / "out"):
        problems.append("temporary files left")
    kept, sp = store_check(case / "out" / "faits.duckdb", ids)
    report(Row("output facts.csv is a directory", str(res.rc), f"{kept}/{len(ids)} in the store",
               "yes" if "facts.csv" in res.err else "no", problems + sp, f"run marked {status}"))
    # a folder that cannot be created (under /proc even root cannot write)
    res = faits("run", str(arts), "-o", "/proc/faits-out", "-q")
    problems = [] if res.rc == 1 and "/proc/faits-out" in res.err and not res.traceback else [res.err[-200:]]
    report(Row("output folder that cannot be created", str(res.rc), "–",
               "yes" if "/proc/faits-out" in res.err else "no", problems, "said before any work"))


def odd_paths_case(work: Path) -> None:
    base = work / "dossier avec espaces" / "Кириллица 中文 ελληνικά"
    base.mkdir(parents=True)
    names = ["статья 1", "記事 2", "é à ü ç", "article avec   espaces", "مقال ٣", "'quote\" & $dollar"]
    rng = random.Random(9)
    for i, name in enumerate(names):
        (base / f"{name}.txt").write_text(article(rng, 900 + i), encoding="utf-8")
    out = work / "sortie à espaces" / "résultats"
    res = faits("run", str(base), "-o", str(out), "--store", str(work / "magasin 店.duckdb"), "-q")
    kept, problems = store_check(work / "magasin 店.duckdb", names)
    if res.rc != 0 or res.traceback:
        problems.append(f"exit {res.rc}")
    if kept != len(names) or table_ids(out) != set(names):
        problems.append("ids changed or lost")
    report(Row("paths with spaces and non-Latin letters (folder, files, -o, --store)", str(res.rc),
               f"{kept}/{len(names)}", "–", problems, "ids kept exactly"))


def _skipped_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(("skipped ", "warning "))]


def bad_files_case(work: Path) -> None:
    """~40 bad or odd files in a folder of 44 good articles: the good ones all kept, every bad one named."""
    folder = work / "bad-files"
    good = write_articles(folder, 44, seed=11)
    rng = random.Random(12)
    fine = article(rng, 5000)
    bad: dict[str, bytes | None] = {
        "empty.txt": b"",
        "blank.txt": b"   \n\n \t \n",
        "binary.txt": bytes(range(256)) * 4,
        "image.png": b"\x89PNG\r\n\x1a\n" + os.urandom(200),
        "notes.md": b"# notes\n",
        "no-extension": fine.encode(),
        "big.txt": (fine * 2000).encode(),
        # English has a pack (SPEC section 8): Spanish stands for a language without one
        "espagnol.txt": ("Última hora\n\nMás de 6.000 soldados murieron cerca de la frontera, según las "
                         "autoridades, mientras los combates seguían en la región por tercera semana. " * 3).encode(),
        "allemand.txt": ("Eilmeldung\n\nMehr als 6.000 Soldaten wurden nach Angaben der Behörden getötet, "
                         "während die Kämpfe in der Region andauerten. " * 3).encode(),
        "duplicate.txt": (folder / f"{good[0]}.txt").read_bytes(),
        "only-footer.txt": b"Source link : https://example.org\nPublish date : 2025-01-01\n",
        "scripts.html": b"<html><head><script>alert(1)</script></head><body><nav>Menu</nav></body></html>",
        "bad.jsonl": b"{not json\n",
        "no-text.csv": b"id,body\n1,Plus de 3 000 morts.\n",
        "empty.csv": b"",
        "empty.jsonl": b"\n\n",
        "truncated.txt": b"\xff\xd8\xff\xe0" + os.urandom(3000),
        "html-only-nav.htm": b"<!doctype html><nav>Accueil</nav>",
        "bad-utf16.txt": b"\xff\xfe" + "Plus de 3 000 morts.".encode("utf-16-le") + b"\x00",
        "header-only.csv": b"id,text\n",
        "records-not-objects.jsonl": b"[1, 2]\n\"texte\"\n",
        "zero-width-only.txt": "\u200b\u200c\u2060\n\n\u200b\ufeff\u200d".encode(),
        "latin-garbage.txt": bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(3000)),
        "x" * 210 + ".txt": fine.encode(),
        "huge-int.jsonl": b'{"id": 1' + b"0" * 5000 + b', "text": "Plus de 3 000 morts."}\n',
        "nested.jsonl": b"[" * 100_000 + b"]" * 100_000 + b"\n",
    }
    (folder / "deep" / "er").mkdir(parents=True)
    (folder / "deep" / "er" / "archive.zip").write_bytes(b"PK\x03\x04" + os.urandom(100))
    deep = ["deep/er/archive.zip"]
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    # odd but readable: processed (some with a warning)
    odd = {
        "cp1252.txt": fine.replace("Bilan", "Bilan été").encode("cp1252", errors="replace"),
        "utf16-bom.txt": article(rng, 5001).encode("utf-16"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + article(rng, 5002).encode(),
        "crlf.txt": article(rng, 5003).replace("\n", "\r\n").encode(),
        "nul-after-8k.txt": (article(rng, 5004) * 1).encode() + b" " * 9000 + b"Fin.\x00\x00 Suite du texte.\n",
        "page.html": ("<html><head><title>Séisme : 43 morts</title></head><body><p>Plus de 43 personnes ont "
                      "été tuées par le séisme, selon la préfecture.</p></body></html>").encode(),
        "exponent.txt": ("Une dette record\n\nLe fonds réclame 1e999999999 dollars, puis 1e400 euros, "
                         "7^9606 et 0^-23 ; 9071E306 de plus. Plus de 3 000 créanciers ont été lésés, "
                         "selon le tribunal.\n").encode(),
        "invisible.txt": ("Bilan\n\nPlus de 6\u200b000 soldats ont été tués. \u202e4\u202c500 civils ont fui, "
                          "et 3\u2060000 ont été blessés, selon l'ONU.\n").encode(),
        "soft-hyphens.txt": article(rng, 5005).replace("soldats", "sol\u00addats").encode(),
        "tabs.txt": article(rng, 5006).replace(" ", "\t", 40).encode(),
    }
    for name, data in odd.items():
        (folder / name).write_bytes(data)
    # what is not a file
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    os.mkfifo(folder / "fifo.txt")
    (work / "elsewhere").mkdir(exist_ok=True)
    (folder / "link-to-dir").symlink_to(work / "elsewhere")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    specials = ["dangling.txt", "loop-a.txt", "loop-b.txt", "fifo.txt", "link-to-dir", "socket.txt"]
    out = work / "bad-files-out"
    res = faits("run", str(folder), "-o", str(out), "--max-bytes", "300000", timeout=600)
    sock.close()
    lines = _skipped_lines(res.err)
    expected_bad = [*bad, *specials, *deep]
    unnamed = [n for n in expected_bad if not any(str(folder / n) in line for line in lines)]
    store = out / "faits.duckdb"
    readable = [Path(n).stem for n in odd]
    kept, problems = store_check(store, good + readable) if store.exists() else (0, ["no store"])
    if res.rc != 0 or res.traceback:
        problems.append(f"exit {res.rc}: {res.err[-200:]}")
    if unnamed:
        problems.append("not named: " + ", ".join(unnamed))
    warned = [n for n in ("cp1252.txt", "nul-after-8k.txt", "page.html") if not any(
        str(folder / n) in line and line.startswith("warning") for line in lines)]
    if warned:
        problems.append("no warning for " + ", ".join(warned))
    con = duckdb.connect(str(store), read_only=True)
    try:
        facts = dict(con.execute("SELECT article_id, list(how_many ORDER BY fact_id) FROM facts "
                                 "WHERE article_id IN ('invisible', 'exponent') GROUP BY 1").fetchall())
        evidence_nul = con.execute("SELECT count(*) FROM facts WHERE evidence LIKE '%' || chr(0) || '%'").fetchone()[0]
    finally:
        con.close()
    if sorted(facts.get("invisible", [])) != [3000.0, 4500.0, 6000.0]:
        problems.append(f"invisible characters read as {facts.get('invisible')}")
    if facts.get("exponent") != [3000.0]:
        problems.append(f"exponent article read as {facts.get('exponent')}")
    if evidence_nul:
        problems.append("NUL in facts")
    report(Row(f"{len(expected_bad)} bad files and {len(odd)} odd ones among 44 good", str(res.rc),
               f"{kept}/{len(good) + len(readable)}", f"{len(expected_bad) - len(unnamed)}/{len(expected_bad)}",
               problems, "odd = cp1252, UTF-16/UTF-8 BOM, CRLF, NUL after 8 KB, HTML, exponents, invisible "
               "characters: processed"))


def bad_records_case(work: Path) -> None:
    folder = work / "bad-records"
    folder.mkdir(parents=True)
    rng = random.Random(13)
    text = [article(rng, 6000 + i) for i in range(16)]
    def rec(**fields) -> str:
        return json.dumps(fields, ensure_ascii=False)

    records = [
        rec(id="ok-1", text=text[0]),
        rec(id="../../etc/passwd", text=text[1]),
        rec(id="a/b", text=text[2]),
        rec(id=42, text=text[3]),
        "{not json",
        "[1, 2, 3]",
        '"a string"',
        "null",
        "17",
        rec(id="no-text"),
        rec(id="empty-text", text=""),
        rec(id="blank-text", text="   "),
        rec(id="number-text", text=3),
        rec(id="list-text", text=["a"]),
        rec(id=["x"], text=text[4]),
        rec(id={"k": 1}, text=text[5]),
        rec(id=True, text=text[6]),
        rec(id="line\nbreak", text=text[7]),
        rec(id="nul\x00id", text=text[8]),
        rec(id="x" * 300, text=text[9]),
        rec(id="title-list", title=["t"], text=text[10]),
        rec(id="published-dict", published={"y": 1}, text=text[11]),
        rec(id="ok-1", text="Autre texte : plus de 4 000 morts selon l'ONU, a annoncé le ministère."),
        rec(id="same-text", text=text[0]),
        rec(id="spanish", text="Más de 6.000 soldados murieron cerca de la frontera, según las autoridades, "
                               "mientras los combates seguían por tercera semana."),
        rec(id="declared-spanish", lang="es", text=text[12]),
        rec(id="url-list", url=["http://x"], text=text[13]),
        rec(id="source-dict", source={"a": 1}, text=text[14]),
    ]
    (folder / "lot.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "a_b.txt").write_text(article(rng, 6100), encoding="utf-8")
    rows = [["id", "title", "text"], ["csv-ok", "=HYPERLINK(\"http://x\")", text[2].replace("Bilan", "Autre")],
            ["csv-empty", "t", ""], ["=cmd|' /C calc'!A0", "@SUM(1)", "+33 1 23 " + text[3]],
            ["csv-ok", "same id", text[15]]]
    import csv

    with (folder / "table.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    out = work / "bad-records-out"
    res = faits("run", str(folder), "-o", str(out))
    lines = _skipped_lines(res.err)
    bad_lines = list(range(5, 29))
    named = [n for n in bad_lines if any(f"lot.jsonl:{n} " in line or f"lot.jsonl:{n}:" in line for line in lines)]
    csv_named = sum(any(f"table.csv:record {n}" in line for line in lines) for n in (2, 4))
    good = ["ok-1", "../../etc/passwd", "a/b", "42", "a_b", "csv-ok", "=cmd|' /C calc'!A0"]
    kept, problems = store_check(out / "faits.duckdb", good)
    if res.rc != 0 or res.traceback:
        problems.append(f"exit {res.rc}")
    if len(named) != len(bad_lines) or csv_named != 2:
        problems.append("not named: " + ", ".join(map(str, sorted(set(bad_lines) - set(named)))))
    csv_text = (out / "facts.csv").read_text(encoding="utf-8")
    if re.search(r"(^|,)[=+@]", csv_text, re.MULTILINE):
        problems.append("a formula cell in facts.csv")
    report(Row(f"{len(bad_lines) + 2} bad JSONL/CSV records, ids kept exactly, CSV formula cells", str(res.rc),
               f"{kept}/{len(good)}", f"{len(named) + csv_named}/{len(bad_lines) + 2}", problems,
               "'../../etc/passwd', 'a/b', 'a_b' three articles; formulas prefixed with '"))


def bad_gold_case(work: Path) -> None:
    folder = work / "gold"
    folder.mkdir(parents=True)
    pred = folder / "facts.csv"
    pred.write_text("article_id,how_many,qualifier,event_type\na,3,exact,killed\n", encoding="utf-8")
    fact = {"who": None, "what": None, "event_type": "killed", "how_many": 3, "qualifier": "exact"}

    def line(**changes) -> str:
        rec = {"article_id": "a", "facts": [{**fact, **changes.pop("fact", {})}], **changes}
        return json.dumps(rec)

    ok = line()
    cases = {
        "bad UTF-8": ok.encode() + b"\n" + b'{"article_id": "\xff\xfe", "facts": []}\n',
        "invalid JSON": f"{ok}\n{{oops\n".encode(),
        "not an object": b"[1, 2]\n",
        "no article_id": b'{"facts": []}\n',
        "null article_id": json.dumps({"article_id": None, "facts": [fact]}).encode(),
        "list article_id": json.dumps({"article_id": ["a"], "facts": [fact]}).encode(),
        "no facts": b'{"article_id": "a"}\n',
        "how_many 10^400": ok.replace('"how_many": 3', '"how_many": 1' + "0" * 400).encode(),
        "how_many NaN": ok.replace('"how_many": 3', '"how_many": NaN').encode(),
        "how_many text": line(fact={"how_many": "trois"}).encode(),
        "how_many_high abc": line(fact={"how_many_high": "abc"}).encode(),
        "bad date": line(fact={"when_start": "2024-13-45"}).encode(),
        "bad event_type": line(fact={"event_type": "exploded"}).encode(),
    }
    problems, named = [], 0
    for label, data in cases.items():
        path = folder / (re.sub(r"\W+", "-", label) + ".jsonl")
        path.write_bytes(data)
        res = faits("evaluate", "--gold", str(path), "--pred", str(pred), "-q", timeout=120)
        expected_line = 2 if label in ("bad UTF-8", "invalid JSON") else 1
        if res.rc == 1 and f"Gold file {path}, line {expected_line}:" in res.err and not res.traceback:
            named += 1
        else:
            problems.append(f"{label}: exit {res.rc} {res.err.strip()[-120:]}")
    report(Row(f"{len(cases)} bad gold files (faits evaluate)", "1" if not problems else "mixed", "–",
               f"{named}/{len(cases)}", problems, "each: Gold file …, line N: …"))


def huge_sentence_case(work: Path) -> None:
    folder = work / "huge-sentence"
    good = write_articles(folder, 44, seed=14)
    rng = random.Random(15)
    words = ("les soldats ont été tués dans la région selon Londres et plus de 6 000 civils ont fui vers le nord "
             "alors que les combats continuent près de la ville").split()
    line, size = [], 0
    while size < 200_000:
        w = rng.choice(words)
        line.append(w)
        size += len(w) + 1
    (folder / "huge.txt").write_text("Une phrase sans fin\n\n" + " ".join(line) + "\n", encoding="utf-8")
    out = work / "huge-out"
    res = faits("run", str(folder), "-o", str(out), "-q")
    kept, problems = store_check(out / "faits.duckdb", [*good, "huge"])
    if res.rc != 0 or res.traceback:
        problems.append(f"exit {res.rc}: {res.err[-200:]}")
    exp = faits("export", "-o", str(work / "huge-dump"), "--store", str(out / "faits.duckdb"))
    if exp.rc != 0:
        problems.append(f"export exit {exp.rc}")
    con = duckdb.connect(str(out / "faits.duckdb"), read_only=True)
    try:
        longest, n = con.execute("SELECT max(length(evidence)), count(*) FILTER (WHERE article_id = 'huge') "
                                 "FROM facts").fetchone()
    finally:
        con.close()
    if longest > 2000:
        problems.append(f"evidence of {longest} characters")
    report(Row("a 200 KB line without punctuation among 44 good", f"{res.rc}, export {exp.rc}",
               f"{kept}/{len(good) + 1}", "–", problems,
               f"{res.seconds:.0f} s in all, {n} facts from it, longest evidence {longest} characters"))


def tiny_files_case(work: Path, n: int) -> None:
    folder = work / "tiny"
    folder.mkdir(parents=True)
    ids = []
    for i in range(n):
        name = f"t{i:05d}"
        (folder / f"{name}.txt").write_text(f"Dépêche {i}\n\nPlus de {1000 + i} personnes ont été évacuées à "
                                            f"Lyon, selon la préfecture.\n", encoding="utf-8")
        ids.append(name)
    out = work / "tiny-out"
    res = faits("run", str(folder), "-o", str(out), "-q", "--workers", "2", "--batch-size", "64")
    kept, problems = store_check(out / "faits.duckdb", ids)
    again = faits("run", str(folder), "-o", str(out), "-q", "--workers", "2", "--batch-size", "64")
    if res.rc != 0 or again.rc != 0:
        problems.append(f"exit {res.rc} / {again.rc}")
    if kept != n:
        problems.append(f"{n - kept} lost")
    if f"already in store {n}" not in again.out:
        problems.append("rerun processed again")
    report(Row(f"{n:,} tiny files, 2 workers, then a rerun", f"{res.rc} → {again.rc}", f"{kept:,}/{n:,}", "–",
               problems, f"{res.seconds:.0f} s, rerun {again.seconds:.0f} s"))


def fuzz_case(n: int) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz_normalizers.py"), "-n", str(n)],
                          capture_output=True, text=True, env=ENV, timeout=3600)
    exc = re.search(r"exceptions: (\d+)", proc.stdout)
    ms = re.search(r"max ms per call \(best of 3\): normalize_number ([\d.]+), normalize_date ([\d.]+)", proc.stdout)
    problems = [] if proc.returncode == 0 else [proc.stdout.strip()[-300:]]
    note = (f"{exc.group(1)} exceptions; max {ms.group(1)} / {ms.group(2)} ms per call" if exc and ms
            else proc.stderr[-200:])
    report(Row(f"normalize_number, normalize_date on {n:,} fuzzed strings", str(proc.returncode), "–", "–",
               problems, note))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="no Dask, two kill moments, 500 tiny files")
    ap.add_argument("--only", help="run only the cases whose group name holds this word")
    ap.add_argument("--keep", action="store_true", help="keep the working folder")
    ap.add_argument("--fuzz", type=int, default=20_000, help="strings for the fuzz row")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="faits-faults-"))
    moments = ["loading the model", "first batches", "mid-run", "writing the tables"]
    engines = [("local", 1), ("local", 2)] + ([] if args.quick else [("dask", 2)])
    groups = {
        "kill": lambda: [kill_case(work, e, w, m) for e, w in engines
                         for m in (moments[1:3] if args.quick else moments)],
        "sigterm": lambda: kill_case(work, "local", 2, "mid-run", signal.SIGTERM),
        "worker": lambda: worker_killed_case(work),
        "store": lambda: damaged_store_cases(work),
        "output": lambda: output_cases(work),
        "paths": lambda: odd_paths_case(work),
        "files": lambda: bad_files_case(work),
        "records": lambda: bad_records_case(work),
        "gold": lambda: bad_gold_case(work),
        "huge": lambda: huge_sentence_case(work),
        "tiny": lambda: tiny_files_case(work, 500 if args.quick else 5000),
        "fuzz": lambda: fuzz_case(args.fuzz),
    }
    started = time.perf_counter()
    try:
        for name, run in groups.items():
            if args.only and args.only not in name:
                continue
            print(f"[{name}]", flush=True)
            try:
                run()
            except Exception as e:  # noqa: BLE001 (a case that breaks the bench is a failed case)
                report(Row(name, "–", "–", "–", [f"bench error {type(e).__name__}: {e}"]))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table()
    failed = [r for r in ROWS if r.problems]
    print(f"\n{len(ROWS) - len(failed)} of {len(ROWS)} cases held, {time.perf_counter() - started:.0f} s"
          + (f"; working folder {work}" if args.keep else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
