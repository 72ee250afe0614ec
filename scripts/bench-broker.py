#!/usr/bin/env python3
"""Broker benchmark (issue 20, "Speed on a large history"); run through scripts/bench-broker.sh.

Seeds a large history straight into a broker's SQLite file (or, with --postgres URL, a fresh PostgreSQL database the
broker has migrated; the SQL goes through psql) with SQL (recursive generators, the tables of
Sources/PactBrokerServer/Storage/SQLiteBrokerSchema.swift, SQL that PostgreSQL also runs), checks that the broker
reads it back, then measures per-request latency with a keep-alive HTTP client (one connection, sequential
requests) and the broker's RSS from /proc/PID/status, at two history sizes (a tenth of the history, then all of it).

The seeded history, for P pacticipants, V versions, N publications, R verification results:
  - pacticipants 1..P/2 are consumers (`consumer-N`), the rest providers (`provider-N`), all with main branch `main`;
  - V/P versions per pacticipant (`1.0.K`), ids interleaved in creation order; every tenth version is on a feature
    branch `feat-(K/100)`, the others on `main`, each also tagged with its branch name;
  - each consumer has pacts with two providers; N/(consumers*2) evenly spaced versions of each consumer publish both
    (always including its newest version), the content changing every tenth publication;
  - R verification results spread over the pact contents, each by a provider version at or after the publication,
    one in thirteen failing;
  - environments test, staging and production; every 10th/25th/50th version of every pacticipant was deployed to
    them (only the newest still deployed); every 100th version of every fifth pacticipant released to production.
"""
import argparse
import base64
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

ID_TABLES = ["pacticipants", "versions", "branches", "pact_contents", "pact_publications", "verifications", "environments",
             "deployed_versions", "released_versions"]
COUNTED = ["pacticipants", "versions", "branch_versions", "tags", "pact_contents", "pact_publications", "verifications",
           "deployed_versions", "released_versions"]

BASE_TIME = 1_700_000_000  # seconds since 1970 of the first seeded row
FANOUT = 2  # providers per consumer
CONTENT_EVERY = 10  # publications per distinct pact content
STEPS = {1: 10, 2: 25, 3: 50}  # environment id: every how many versions were deployed there


class History:
    """The sizes of a seeded history and where its rows are, computed as the SQL below computes them."""

    def __init__(self, pacticipants, versions, publications, verifications):
        self.P = max(4, pacticipants - pacticipants % 2)
        self.consumers = self.P // 2
        self.per = max(20, versions // self.P)  # versions per pacticipant
        self.pv = max(1, min(self.per, publications // (self.consumers * FANOUT)))  # publishing versions per consumer
        self.stride = max(1, self.per // self.pv)
        self.first = self.per - self.pv * self.stride + self.stride - 1  # K of a consumer's first publishing version
        self.groups = (self.pv + CONTENT_EVERY - 1) // CONTENT_EVERY  # pact contents per integration
        self.contents = self.consumers * FANOUT * self.groups
        self.R = verifications

    def version_number(self, k):
        return f"1.0.{k}"

    def consumer(self, c):
        return f"consumer-{c}"

    def provider_of(self, c, f):
        """The provider pacticipant id of consumer c's f-th integration."""
        return self.consumers + 1 + ((c - 1 + f) % self.consumers)

    def provider_name(self, pid):
        return f"provider-{pid - self.consumers}"

    def latest_publishing_k(self):
        return self.first + (self.pv - 1) * self.stride

    def sha(self, content_id):
        text = str(content_id)
        return "5eed" + "0" * (36 - len(text)) + text


def seed_sql(h: History):
    """The statements that seed history `h` into empty tables (SQLite and PostgreSQL)."""
    P, per, C = h.P, h.per, h.consumers
    seq = lambda n: f"WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < {n - 1}) "
    version_k = f"(v.id - 1) / {P}"
    branch_name = f"CASE WHEN {version_k} % 10 = 9 THEN 'feat-' || CAST({version_k} / 100 AS TEXT) ELSE 'main' END"
    # A content id decoded into consumer c, integration f and group g (content id = ((c-1)*FANOUT + f)*groups + g + 1).
    pid_of_content = f"({C} + 1 + (((x.cid0 / {h.groups}) / {FANOUT} + (x.cid0 / {h.groups}) % {FANOUT}) % {C}))"
    k0 = f"({h.first} + (x.cid0 % {h.groups}) * {CONTENT_EVERY} * {h.stride})"
    kp = f"(CASE WHEN {k0} + x.i / {h.contents} > {per - 1} THEN {per - 1} ELSE {k0} + x.i / {h.contents} END)"
    content_json = (
        "'{\"consumer\":{\"name\":\"consumer-' || CAST(x.c AS TEXT) || '\"},\"provider\":{\"name\":\"provider-' || "
        f"CAST(x.pid - {C} AS TEXT) || "
        "'\"},\"interactions\":[{\"description\":\"a request for items ' || CAST(x.g AS TEXT) || "
        "'\",\"providerState\":\"items exist\",\"request\":{\"method\":\"GET\",\"path\":\"/items/' || CAST(x.g AS TEXT) || "
        "'\"},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
        "\"body\":{\"id\":' || CAST(x.g AS TEXT) || ',\"name\":\"item\"}}}],"
        "\"metadata\":{\"pactSpecification\":{\"version\":\"2.0.0\"}}}'"
    )
    return [
        seq(P) + f"""INSERT INTO pacticipants (id, name, display_name, main_branch, repository_url, created_at, updated_at)
            SELECT i + 1, CASE WHEN i < {C} THEN 'consumer-' || CAST(i + 1 AS TEXT) ELSE 'provider-' || CAST(i + 1 - {C} AS TEXT) END,
                NULL, 'main', NULL, {BASE_TIME}, {BASE_TIME} FROM seq""",
        seq(P * per) + f"""INSERT INTO versions (id, pacticipant_id, number, build_url, created_at)
            SELECT i + 1, i % {P} + 1, '1.0.' || CAST(i / {P} AS TEXT), NULL, {BASE_TIME} + (i + 1) * 10 FROM seq""",
        # Branch ids: `main` of pacticipant p is p; feature branch b of p is P + b*P + p.
        seq(P) + f"""INSERT INTO branches (id, pacticipant_id, name, created_at)
            SELECT i + 1, i + 1, 'main', {BASE_TIME} FROM seq""",
        seq(P * ((per + 99) // 100)) + f"""INSERT INTO branches (id, pacticipant_id, name, created_at)
            SELECT {P} + i + 1, i % {P} + 1, 'feat-' || CAST(i / {P} AS TEXT), {BASE_TIME} + ((i / {P}) * 100 * {P} + i % {P} + 1) * 10
            FROM seq""",
        f"""INSERT INTO branch_versions (branch_id, version_id, created_at)
            SELECT CASE WHEN {version_k} % 10 = 9 THEN {P} + ({version_k} / 100) * {P} + v.pacticipant_id ELSE v.pacticipant_id END,
                v.id, v.created_at FROM versions v""",
        f"INSERT INTO tags (version_id, name, created_at) SELECT v.id, {branch_name}, v.created_at FROM versions v",
        seq(h.contents) + f"""INSERT INTO pact_contents (id, sha, consumer_id, provider_id, content, created_at)
            SELECT x.cid0 + 1, '5eed' || substr('000000000000000000000000000000000000', 1, 36 - length(CAST(x.cid0 + 1 AS TEXT)))
                || CAST(x.cid0 + 1 AS TEXT), x.c, x.pid, {content_json}, {BASE_TIME}
            FROM (SELECT i AS cid0, i % {h.groups} AS g, (i / {h.groups}) / {FANOUT} + 1 AS c,
                         {C} + 1 + (((i / {h.groups}) / {FANOUT} + (i / {h.groups}) % {FANOUT}) % {C}) AS pid FROM seq) x""",
        # Publication (c, f, j): consumer c's j-th publishing version K = first + j*stride, content group j / CONTENT_EVERY.
        seq(C * FANOUT * h.pv) + f"""INSERT INTO pact_publications (id, consumer_id, provider_id, consumer_version_id,
                pact_content_id, revision, created_at)
            SELECT x.i + 1, x.c, {C} + 1 + ((x.c - 1 + x.f) % {C}), x.k * {P} + x.c,
                ((x.c - 1) * {FANOUT} + x.f) * {h.groups} + x.j / {CONTENT_EVERY} + 1, 1, {BASE_TIME} + (x.k * {P} + x.c) * 10 + 1
            FROM (SELECT i, i / ({FANOUT} * {h.pv}) + 1 AS c, (i / {h.pv}) % {FANOUT} AS f, i % {h.pv} AS j,
                         {h.first} + (i % {h.pv}) * {h.stride} AS k FROM seq) x""",
        seq(h.R) + f"""INSERT INTO verifications (id, number, pact_content_id, consumer_id, provider_id, provider_version_id,
                success, build_url, details, created_at)
            SELECT x.i + 1, x.i / {h.contents} + 1, x.cid0 + 1, (x.cid0 / {h.groups}) / {FANOUT} + 1, {pid_of_content},
                {kp} * {P} + {pid_of_content}, CASE WHEN x.i % 13 = 0 THEN 0 ELSE 1 END, NULL,
                CASE WHEN x.i % 13 = 0 THEN '{{"success":false}}' ELSE '{{"success":true}}' END,
                {BASE_TIME} + ({kp} * {P} + {pid_of_content}) * 10 + 5
            FROM (SELECT i, i % {h.contents} AS cid0 FROM seq) x""",
        f"""INSERT INTO environments (id, uuid, name, display_name, production, contacts, created_at, updated_at) VALUES
            (1, 'seed-env-1', 'test', 'Test', 0, NULL, {BASE_TIME}, {BASE_TIME}),
            (2, 'seed-env-2', 'staging', 'Staging', 0, NULL, {BASE_TIME}, {BASE_TIME}),
            (3, 'seed-env-3', 'production', 'Production', 1, NULL, {BASE_TIME}, {BASE_TIME})""",
        f"""INSERT INTO deployed_versions (uuid, version_id, pacticipant_id, environment_id, application_instance, created_at,
                undeployed_at)
            SELECT 'seed-dv-' || CAST(e.id AS TEXT) || '-' || CAST(v.id AS TEXT), v.id, v.pacticipant_id, e.id, NULL,
                v.created_at + 100,
                CASE WHEN {version_k} = ({per - 1} / x.step) * x.step THEN NULL ELSE v.created_at + 100 + x.step * {P} * 10 END
            FROM versions v CROSS JOIN environments e
            JOIN (SELECT 1 AS env, {STEPS[1]} AS step UNION ALL SELECT 2, {STEPS[2]} UNION ALL SELECT 3, {STEPS[3]}) x ON x.env = e.id
            WHERE {version_k} % x.step = 0
            ORDER BY v.id, e.id""",
        f"""INSERT INTO released_versions (uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at)
            SELECT 'seed-rv-' || CAST(v.id AS TEXT), v.id, v.pacticipant_id, 3, v.created_at + 200,
                CASE WHEN {version_k} = ({per - 1} / 100) * 100 THEN NULL ELSE v.created_at + 200 + 100 * {P} * 10 END
            FROM versions v WHERE v.pacticipant_id % 5 = 0 AND {version_k} % 100 = 0 ORDER BY v.id""",
    ]


def seed_sqlite(path, h: History):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -200000")
    db.execute("BEGIN")
    for statement in seed_sql(h):
        db.execute(statement)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}
    db.close()
    return counts


def psql(url, sql):
    """Runs `sql` through psql against `url` (stopping at the first error); returns psql's unaligned output."""
    result = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url], input=sql, text=True,
                            capture_output=True)
    if result.returncode != 0:
        raise SystemExit(f"psql failed ({result.returncode}): {result.stderr.strip()[:2000]}")
    return result.stdout


def with_database(url, name):
    """`url` with its database replaced by `name`."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def fresh_postgres_database(url, name):
    """Drops and creates database `name` on `url`'s server (through its `postgres` database); returns its URL."""
    admin = with_database(url, "postgres")
    psql(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE);\n")
    psql(admin, f"CREATE DATABASE {name};\n")
    return with_database(url, name)


def seed_postgres(url, h: History):
    """Seeds history `h` into the broker's (migrated, empty) tables with the same SQL as SQLite, then moves every
    identity sequence past the explicit ids so the broker's own inserts get fresh ones."""
    statements = seed_sql(h) + [f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), max(id)) FROM {t}" for t in ID_TABLES]
    psql(url, "SET synchronous_commit = off;\nBEGIN;\n" + "".join(s + ";\n" for s in statements) + "COMMIT;\nANALYZE;\n")
    output = psql(url, "".join(f"SELECT COUNT(*) FROM {t};\n" for t in COUNTED))
    return dict(zip(COUNTED, (int(line) for line in output.split())))


class Client:
    """One keep-alive connection; every call returns (status, headers, body bytes) and records its latency."""

    def __init__(self, host, port):
        self.conn = http.client.HTTPConnection(host, port, timeout=60)

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        headers.setdefault("Accept", "application/hal+json")
        start = time.perf_counter()
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - start
        return response.status, response.getheader("Content-Type") or "", payload, elapsed

    def json(self, method, path, body=None, expect=(200,)):
        status, _, payload, _ = self.request(method, path, body)
        if status not in expect:
            raise SystemExit(f"{method} {path}: HTTP {status}: {payload[:400]!r}")
        return json.loads(payload) if payload else None


def query(items):
    return urllib.parse.urlencode(items, safe="[]")


def sanity(client: Client, h: History):
    """Asks the broker about seeded rows; exits when it does not answer what was seeded."""
    def check(ok, what):
        if not ok:
            raise SystemExit(f"sanity check failed: {what}")
    names = [p["name"] for p in client.json("GET", "/pacticipants")["pacticipants"]]
    check(len(names) == h.P, f"{len(names)} pacticipants, seeded {h.P}")
    last = h.per - 1
    version = client.json("GET", f"/pacticipants/consumer-1/versions/{h.version_number(last)}")
    check(version["number"] == h.version_number(last), "the newest version of consumer-1")
    k = h.latest_publishing_k()
    provider = h.provider_name(h.provider_of(1, 0))
    pact = client.json("GET", f"/pacts/provider/{provider}/consumer/consumer-1/latest")
    check(pact["consumer"]["name"] == "consumer-1" and pact["provider"]["name"] == provider, "the latest pact's names")
    check(pact["_links"]["pb:consumer-version"]["name"] == h.version_number(k),
          f"latest pact of consumer-1 is for {pact['_links']['pb:consumer-version']['name']}, seeded {h.version_number(k)}")
    matrix = client.json("GET", "/matrix?" + query([("q[][pacticipant]", "consumer-1"), ("q[][version]", h.version_number(k)),
                                                   ("q[][pacticipant]", provider), ("q[][latest]", "true"), ("latestby", "cvpv")]))
    check(any(row["verificationResult"] for row in matrix["matrix"]), "the matrix of consumer-1's newest pact has results")
    environments = client.json("GET", "/environments")["_embedded"]["environments"]
    check(sorted(e["name"] for e in environments) == ["production", "staging", "test"], "three environments")
    deployed = client.json("GET", "/environments/seed-env-3/deployed-versions/currently-deployed")
    count = len(deployed["_embedded"]["deployedVersions"])
    check(count == h.P, f"{count} versions currently deployed to production, seeded {h.P}")
    latest = client.json("GET", "/pacts/latest")["pacts"]
    check(len(latest) == h.consumers * FANOUT, f"{len(latest)} latest pacts, seeded {h.consumers * FANOUT} integrations")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(client: Client, h: History, requests: int, run: int):
    """Per-scenario latencies in seconds; `run` keeps publish version numbers distinct between runs."""
    results = {}
    wip_since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(BASE_TIME + (h.P * h.per - 20 * h.P) * 10))

    def scenario(name, make, expect=(200,)):
        samples = []
        for n in range(requests + 5):
            method, path, body, headers = make(n)
            status, _, payload, elapsed = client.request(method, path, body, headers)
            if status not in expect:
                raise SystemExit(f"{name}: {method} {path}: HTTP {status}: {payload[:300]!r}")
            if n >= 5:  # the first five warm up
                samples.append(elapsed)
        results[name] = samples

    def consumer(n):
        return n % h.consumers + 1

    k = h.latest_publishing_k()
    scenario("can-i-deploy --to-environment production", lambda n: (
        "GET", "/can-i-deploy?" + query([("pacticipant", h.consumer(consumer(n))), ("version", h.version_number(k)),
                                         ("environment", "production")]), None, None))
    scenario("/matrix for two versions", lambda n: (
        "GET", "/matrix?" + query([("q[][pacticipant]", h.consumer(consumer(n))), ("q[][version]", h.version_number(k)),
                                   ("q[][pacticipant]", h.provider_name(h.provider_of(consumer(n), 0))),
                                   ("q[][version]", h.version_number(h.per - 1)), ("latestby", "cvpv")]), None, None))
    scenario("pacts-for-verification (mainBranch + deployedOrReleased + WIP)", lambda n: (
        "POST", f"/pacts/provider/{h.provider_name(h.consumers + 1 + n % h.consumers)}/for-verification",
        {"consumerVersionSelectors": [{"mainBranch": True}, {"deployedOrReleased": True}],
         "providerVersionBranch": "main", "includePendingStatus": True, "includeWipPactsSince": wip_since}, None))
    scenario("/pacts/latest (HAL list of latest pacts)", lambda n: ("GET", "/pacts/latest", None, None))
    scenario("/pacticipants", lambda n: ("GET", "/pacticipants", None, None))
    status, content_type, _, _ = client.request("GET", "/", None, {"Accept": "text/html"})
    if status == 200 and "text/html" in content_type:
        scenario("index page (Accept: text/html)", lambda n: ("GET", "/", None, {"Accept": "text/html"}))

    def publish(n):
        c = consumer(n)
        number = f"9.{run}.{n}"
        contracts = []
        for f in range(FANOUT):
            provider = h.provider_name(h.provider_of(c, f))
            pact = {"consumer": {"name": h.consumer(c)}, "provider": {"name": provider},
                    "interactions": [{"description": f"a request for items in run {run} publish {n}",
                                      "request": {"method": "GET", "path": f"/items/{run}/{n}"},
                                      "response": {"status": 200, "body": {"id": n}}}],
                    "metadata": {"pactSpecification": {"version": "2.0.0"}}}
            contracts.append({"consumerName": h.consumer(c), "providerName": provider, "specification": "pact",
                              "contentType": "application/json",
                              "content": base64.b64encode(json.dumps(pact).encode()).decode()})
        return ("POST", "/contracts/publish", {"pacticipantName": h.consumer(c), "pacticipantVersionNumber": number,
                                               "branch": "main", "tags": ["main"], "contracts": contracts}, None)
    scenario("publish (POST /contracts/publish, 2 pacts)", publish)

    def verification(n):
        content = n % h.contents + 1
        c = (content - 1) // h.groups // FANOUT + 1
        f = (content - 1) // h.groups % FANOUT
        provider = h.provider_name(h.provider_of(c, f))
        return ("POST", f"/pacts/provider/{provider}/consumer/{h.consumer(c)}/pact-version/{h.sha(content)}/verification-results",
                {"success": True, "providerApplicationVersion": f"9.{run}.{n}",
                 "testResults": [{"interactionDescription": "a request", "success": True}]}, None)
    scenario("verification result publication", verification, expect=(201,))
    return results


def start_broker(binary, db_path, log_path):
    log = open(log_path, "w")
    process = subprocess.Popen([binary, "broker", "--port", "0", "--db", db_path, "--log-level", "error"],
                               stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline()
    if not line.startswith("listening on "):
        process.kill()
        raise SystemExit(f"the broker did not start: {line!r}; see {log_path}")
    url = urllib.parse.urlparse(line.split()[-1])
    return process, url.hostname, url.port


def stop_broker(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the release pactkit")
    parser.add_argument("--pacticipants", type=int, default=100)
    parser.add_argument("--versions", type=int, default=200_000)
    parser.add_argument("--publications", type=int, default=100_000)
    parser.add_argument("--verifications", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per scenario")
    parser.add_argument("--small", action="store_true", help="a quick run: a twentieth of the default history, 50 requests")
    parser.add_argument("--keep", metavar="DIR", help="keep the seeded databases (SQLite files, or the logs) in DIR")
    parser.add_argument("--postgres", "--db", dest="postgres", metavar="URL",
                        help="measure on PostgreSQL: a postgres://… URL of a server where the user may create databases;"
                             " each size gets a fresh database pactkit_bench_tenth / pactkit_bench_all (left there)")
    args = parser.parse_args()
    if args.small:
        args.pacticipants, args.versions, args.publications, args.verifications = 20, 10_000, 5_000, 50_000
        args.requests = 50
    full = History(args.pacticipants, args.versions, args.publications, args.verifications)
    tenth = History(args.pacticipants, args.versions // 10, args.publications // 10, args.verifications // 10)
    work = args.keep or tempfile.mkdtemp(prefix="bench-broker.")
    os.makedirs(work, exist_ok=True)
    report = []
    for label, h in [("a tenth", tenth), ("all", full)]:
        if args.postgres:
            db_path = fresh_postgres_database(args.postgres, "pactkit_bench_" + ("tenth" if label == "a tenth" else "all"))
        else:
            db_path = os.path.join(work, f"broker-{label.replace(' ', '-')}.sqlite3")
            for suffix in ["", "-wal", "-shm"]:
                if os.path.exists(db_path + suffix):
                    os.remove(db_path + suffix)
        # The broker creates (migrates) its schema; the seed then fills the tables.
        process, _, _ = start_broker(args.binary, db_path, os.path.join(work, "schema.log"))
        stop_broker(process)
        started = time.time()
        counts = seed_postgres(db_path, h) if args.postgres else seed_sqlite(db_path, h)
        seeded_in = time.time() - started
        process, host, port = start_broker(args.binary, db_path, os.path.join(work, f"broker-{label}.log"))
        try:
            client = Client(host, port)
            sanity(client, h)
            rss_before = rss_kb(process.pid)
            results = measure(client, h, args.requests, run=len(report))
            rss_after = rss_kb(process.pid)
        finally:
            stop_broker(process)
        report.append((label, h, counts, seeded_in, results, rss_before, rss_after))

    store = "PostgreSQL" if args.postgres else "SQLite"
    print(f"\n## pactkit broker on {store} ({args.requests} sequential requests per row, one keep-alive connection)\n")
    for label, h, counts, seeded_in, results, rss_before, rss_after in report:
        print(f"### {label} of the history: " + ", ".join(f"{n:,} {t}" for t, n in counts.items())
              + f" (seeded in {seeded_in:.1f} s)\n")
        print("| request | p50 ms | p99 ms | target | ok |")
        print("|---|---:|---:|---|---|")
        for name, samples in results.items():
            target = 20 if name.startswith("publish") else 50
            p50, p99 = percentile(samples, 50) * 1000, percentile(samples, 99) * 1000
            print(f"| {name} | {p50:.1f} | {p99:.1f} | p99 < {target} ms | {'yes' if p99 < target else 'NO'} |")
        print(f"| broker RSS before / after the requests | {rss_before / 1024:.0f} MB | {rss_after / 1024:.0f} MB | < 150 MB |"
              f" {'yes' if rss_after < 150 * 1024 else 'NO'} |\n")
    (_, _, _, _, _, _, small_rss), (_, _, _, _, _, _, large_rss) = report
    print(f"RSS after the requests: {small_rss / 1024:.0f} MB with a tenth of the history, {large_rss / 1024:.0f} MB with all of it.")
    if not args.keep:
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)


if __name__ == "__main__":
    main()
