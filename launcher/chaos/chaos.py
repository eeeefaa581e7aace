"""./herd chaos: a mixed workload against the running platform while its parts are killed, then an exact count.

Three subcommands, run by launcher/commands/chaos.sh:

    setup RUN STATE          two new tenants (chaos-RUN-a, chaos-RUN-b) with a topology and three enrolled machines each
    drive STATE SECONDS DONE the workload for SECONDS, and on until the file DONE exists (the last kill is over):
                             every machine's next FULL report, new advisories on base-files,
                             flow records with a new signature at chaos-RUN-a, patch plans at chaos-RUN-b proposed and
                             approved by the operator and answered APPLIED by its agents; each call is retried until
                             the platform takes it (a part may be down), and what was taken is written back to STATE
    account STATE KILLS      waits until every effect is stored (at most HERD_CHAOS_SETTLE seconds, 300), then counts
                             them in PostgreSQL against what was taken and prints
                             `chaos: K kills, M messages, L lost, D applied twice`; exit 1 when L or D is not 0

Effects counted, each against the messages the platform accepted:
  reports     each (agent, sequence) once at the gateway; the portal's machine at the last sequence sent
  advisories  each advisory once at the hub; a finding on every chaos machine for each (base-files is on all)
  damage      each signature: one community advisory at the hub, one damage event at chaos-RUN-a, one prevention
              rule at chaos-RUN-b (the other tenant); each damage case its isolation order, once per point and mode
  patches     each plan approved at chaos-RUN-b once at the gateway; each APPLIED outcome taken once at the gateway,
              its plan APPLIED at the portal and each of the plan's findings PATCHED by it once
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "demo"))
import demo  # noqa: E402  (the demo's API helpers: Operator, Agent, call, url)

MACHINES_PER_TENANT = 3
REPORT_EVERY = 5.0
ADVISORY_EVERY = 4.0
DAMAGE_EVERY = 6.0
PATCH_EVERY = 10.0
PROVIDER = "chaos-osv"
# How long one call is retried while a part is down or restarting before the workload gives up on it.
PATIENCE = 240


def say(text):
    print("chaos: " + text if not text.startswith("chaos") else text, flush=True)


def taken(send, what):
    """Calls send() until the platform takes it: retried on no answer, 5xx and 429; any other refusal is a failure."""
    deadline = time.monotonic() + PATIENCE
    while True:
        try:
            return send()
        except demo.Failure as failure:
            text = str(failure)
            if not any(" answered %d" % s in text for s in (429, 500, 502, 503, 504)) \
                    or time.monotonic() > deadline:
                raise demo.Failure("%s: %s" % (what, text))
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            if time.monotonic() > deadline:
                raise demo.Failure("%s: no answer for %d s (%s)" % (what, PATIENCE, error))
        time.sleep(1)


def setup(run, state_file):
    operator = demo.Operator()
    fleet = demo.sample("debian12-fleet.json")
    tenants = ["chaos-%s-a" % run, "chaos-%s-b" % run]
    operator.do("POST", "hub", "/api/providers", {"id": PROVIDER, "displayName": "Chaos advisories", "trustTier": 5},
                ok=(201, 409))
    agents = []
    for t, tenant in enumerate(tenants):
        operator.do("POST", "portal", "/api/tenants", {"id": tenant, "displayName": tenant}, ok=(201, 409))
        operator.do("PUT", "portal", "/api/tenants/%s/topology" % tenant, {
            "segments": [{"id": "lan", "name": "office LAN", "cidrs": ["10.220.0.0/16"]}],
            "devices": [{"id": demo.DEVICE, "name": "tenant gateway", "kind": "nftables", "segments": ["lan"]}]})
        for m in range(MACHINES_PER_TENANT):
            entry = fleet[m % len(fleet)]
            packages = [{"name": p["name"], "version": p["version"], "architecture": p.get("arch"),
                         "sourceName": p.get("source") or p["name"],
                         "sourceVersion": p.get("sourceVersion") or p["version"]} for p in entry["packages"]]
            name = "%s-m%d" % (tenant, m + 1)
            agent = demo.Agent(operator, tenant, name, "10.220.%d.%d" % (t, m + 10), packages)
            agents.append({"tenant": tenant, "name": name, "address": agent.address, "agentId": agent.agent_id,
                           "credential": agent.credential, "report": agent.report, "sequence": agent.sequence})
    state = {"run": run, "tenants": tenants, "agents": agents, "advisories": [], "signatures": [], "plans": [],
             "outcomes": [], "messages": 0}
    save(state_file, state)
    say("%d tenants with %d machines each enrolled and reported (%s)" % (
        len(tenants), MACHINES_PER_TENANT, ", ".join(tenants)))


class Machine(demo.Agent):
    """An agent of the setup, restored from the state file rather than enrolled again."""

    def __init__(self, saved):  # noqa: super().__init__ enrols; this one is enrolled already
        self.tenant, self.name, self.address = saved["tenant"], saved["name"], saved["address"]
        self.agent_id, self.credential = saved["agentId"], saved["credential"]
        self.report, self.sequence = saved["report"], saved["sequence"]


def drive(state_file, seconds, done_file):
    state = load(state_file)
    operator = demo.Operator()
    machines = [Machine(saved) for saved in state["agents"]]
    victim = machines[0]
    patched = [m for m in machines if m.tenant == state["tenants"][1]]
    ends = time.monotonic() + seconds
    due = {"report": time.monotonic(), "advisory": time.monotonic(), "damage": time.monotonic(),
           "patch": time.monotonic() + PATCH_EVERY}
    try:
        while time.monotonic() < ends or not os.path.exists(done_file):
            now = time.monotonic()
            if now >= due["report"]:
                for machine in machines:
                    # The sequence moves once; a retry sends the same report again (the gateway answers duplicate
                    # when an earlier try was stored after all).
                    machine.sequence += 1
                    body = {"sequence": machine.sequence, "kind": "FULL", "report": machine.report}
                    taken(lambda: machine.send("/agent/reports", body),
                          "report %d of %s" % (machine.sequence, machine.name))
                    state["messages"] += 1
                due["report"] = now + REPORT_EVERY
            if now >= due["advisory"]:
                advisory = "x_HERD-CHAOS-%s-%04d" % (state["run"], len(state["advisories"]) + 1)
                taken(lambda: push(operator, advisory), "advisory " + advisory)
                state["advisories"].append(advisory)
                state["messages"] += 1
                due["advisory"] = now + ADVISORY_EVERY
            if now >= due["damage"]:
                signature = "HERD-CHAOS-%s-%04d" % (state["run"], len(state["signatures"]) + 1)
                taken(lambda: victim.send("/agent/flows", [{
                    "time": demo.now_text(), "source": "198.51.100.%d" % (len(state["signatures"]) % 250 + 1),
                    "destination": victim.address, "protocol": "tcp", "port": 443, "bytes": 4096,
                    "signature": signature}]), "damage " + signature)
                state["signatures"].append(signature)
                state["messages"] += 1
                due["damage"] = now + DAMAGE_EVERY
            if now >= due["patch"]:
                approve_plans(operator, state)
                for machine in patched:
                    answer_plans(machine, state)
                due["patch"] = now + PATCH_EVERY
            time.sleep(0.2)
    finally:
        for saved, machine in zip(state["agents"], machines):
            saved["sequence"] = machine.sequence
        save(state_file, state)
    say("workload: %d messages taken (%d reports, %d advisories, %d damage flows, %d patch plans approved, "
        "%d patch outcomes)" % (state["messages"], sum(m.sequence for m in machines), len(state["advisories"]),
                                len(state["signatures"]), len(state["plans"]), len(state["outcomes"])))


def taken_or_done(send, what):
    """As taken(), but a 409 counts as taken: a retry of a call whose first try was applied after all."""
    try:
        return taken(send, what)
    except demo.Failure as failure:
        if " answered 409" not in str(failure):
            raise
        return None


def approve_plans(operator, state):
    """The operator plans chaos-RUN-b's machines with open findings and approves every plan still proposed."""
    tenant = state["tenants"][1]
    taken(lambda: operator.do("POST", "portal", "/api/tenants/%s/patch-plans" % tenant), "patch plans of " + tenant)
    proposed = taken(lambda: operator.do("GET", "portal", "/api/tenants/%s/patch-plans" % tenant,
                                         query={"state": "PROPOSED"}), "proposed plans of " + tenant)
    for plan in proposed or []:
        taken_or_done(lambda: operator.do("POST", "portal", "/api/tenants/%s/patch-plans/%s/approve"
                                          % (tenant, plan["id"])), "approval of plan " + plan["id"])
        if plan["id"] not in state["plans"]:
            state["plans"].append(plan["id"])
            state["messages"] += 1


def answer_plans(machine, state):
    """The agent takes its pending plans and answers each APPLIED; the outcome id is the plan's own, so a retry
    after a lost answer is the same outcome (the gateway answers duplicate)."""
    answered = {o["plan"] for o in state["outcomes"]}
    pending = taken(lambda: machine.get("/agent/patch-plans"), "patch plans of " + machine.name)
    for plan in pending or []:
        plan_id = plan.get("planId") or plan.get("id")
        if plan_id in answered:
            continue
        outcome = str(uuid.uuid5(uuid.NAMESPACE_URL, "herd-chaos-outcome:" + plan_id))
        taken_or_done(lambda: machine.send("/agent/outcomes", {
            "outcomeId": outcome, "kind": "PATCH_PLAN", "reference": plan_id, "result": "APPLIED",
            "message": "chaos run: applied"}), "outcome of plan " + plan_id)
        state["outcomes"].append({"plan": plan_id, "outcome": outcome})
        state["messages"] += 1


def push(operator, advisory):
    document = {"schema_version": "1.6.0", "id": advisory, "modified": demo.now_text(),
                "summary": "Chaos run: every base-files before 99:0",
                "affected": [{"package": {"ecosystem": "Debian:12", "name": "base-files"},
                              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "99:0"}]}]}]}
    answer = operator.do("POST", "hub", "/api/advisories", [document], query={"provider": PROVIDER})
    results = answer.get("results", []) if isinstance(answer, dict) else answer
    if not results or results[0].get("status") not in ("accepted", "unchanged", "updated"):
        raise demo.Failure("the hub did not take %s: %s" % (advisory, answer))


def sql(query):
    command = os.environ["HERD_CHAOS_PSQL"].split() + ["-At", "-F", "\t", "-c", query]
    return [line.split("\t") for line in subprocess.run(command, check=True, capture_output=True, text=True)
            .stdout.splitlines() if line]


def quoted(values):
    return ",".join("'%s'" % v.replace("'", "''") for v in values) or "NULL"


def count(state):
    """(expected, lost, doubled) per effect, from PostgreSQL."""
    agents = state["agents"]
    tenant_a, tenant_b = state["tenants"]
    ids = quoted(a["agentId"] for a in agents)
    effects = {}

    sent = sum(a["sequence"] for a in agents)
    rows = sql("SELECT count(*), count(DISTINCT (agent_id, sequence)) FROM gateway.machine_report "
               "WHERE agent_id IN (%s)" % ids)[0]
    effects["reports at the gateway"] = (sent, sent - int(rows[1]), int(rows[0]) - int(rows[1]))
    at_portal = {row[0]: int(row[1]) for row in sql(
        "SELECT id, last_sequence FROM portal.machine WHERE id IN (%s)" % ids)}
    behind = sum(max(0, a["sequence"] - at_portal.get(a["agentId"], 0)) for a in agents)
    ahead = sum(max(0, at_portal.get(a["agentId"], 0) - a["sequence"]) for a in agents)
    effects["reports at the portal"] = (sent, behind, ahead)

    advisories = quoted(state["advisories"])
    rows = sql("SELECT count(*) FROM hub.advisory WHERE id IN (%s)" % advisories)[0]
    effects["advisories at the hub"] = (len(state["advisories"]), len(state["advisories"]) - int(rows[0]), 0)
    expected = len(state["advisories"]) * len(agents)
    rows = sql("SELECT count(*), count(DISTINCT (machine_id, advisory_id)) FROM portal.finding "
               "WHERE machine_id IN (%s) AND advisory_id IN (%s)" % (ids, advisories))[0]
    effects["findings"] = (expected, expected - int(rows[1]), int(rows[0]) - int(rows[1]))

    for what, query in (
            ("community advisories", "SELECT s, count(c.advisory_id) FROM unnest(ARRAY[%s]) s "
             "LEFT JOIN hub.community_advisory c ON c.indicators::text LIKE '%%' || s || '%%' GROUP BY s"),
            ("damage events", "SELECT s, count(e.id) FROM unnest(ARRAY[%s]) s LEFT JOIN portal.damage_event e "
             "ON e.indicator = s AND e.tenant_id = '" + tenant_a + "' GROUP BY s"),
            ("prevention rules", "SELECT s, count(r.id) FROM unnest(ARRAY[%s]::text[]) s LEFT JOIN portal.filter_rule r "
             "ON r.signature = s AND r.tenant_id = '" + tenant_b + "' AND r.state <> 'WITHDRAWN' GROUP BY s")):
        per = [int(row[1]) for row in sql(query % quoted(state["signatures"]))] if state["signatures"] else []
        effects[what] = (len(state["signatures"]), sum(1 for n in per if n == 0), sum(n - 1 for n in per if n > 1))
    # Every damage case at chaos-RUN-a gets its isolation order, once per (isolation point, mode).
    rows = sql("SELECT c.id, count(o.order_id), count(DISTINCT (o.isolation_point, o.mode)) FROM portal.damage_case c "
               "LEFT JOIN portal.isolation_order o ON o.case_id = c.id WHERE c.tenant_id = '%s' GROUP BY c.id"
               % tenant_a)
    effects["isolation orders"] = (len(rows), sum(1 for row in rows if int(row[1]) == 0),
                                   sum(int(row[1]) - int(row[2]) for row in rows))
    effects.update(count_patches(state))
    return effects


def count_patches(state):
    """Plans approved at the gateway; outcomes at the gateway; their plans APPLIED at the portal, findings once."""
    plans, outcomes = state.get("plans", []), state.get("outcomes", [])
    effects = {}
    found = int(sql("SELECT count(*) FROM gateway.patch_plan WHERE plan_id::text IN (%s)" % quoted(plans))[0][0])
    effects["patch plans"] = (len(plans), len(plans) - found, 0)
    found = int(sql("SELECT count(*) FROM gateway.apply_outcome WHERE outcome_id::text IN (%s)"
                    % quoted(o["outcome"] for o in outcomes))[0][0])
    effects["patch outcomes"] = (len(outcomes), len(outcomes) - found, 0)
    applied = int(sql("SELECT count(*) FROM portal.patch_plan WHERE state = 'APPLIED' AND id::text IN (%s)"
                      % quoted(o["plan"] for o in outcomes))[0][0])
    reasons = quoted("patch confirmed by agent (plan %s)" % o["plan"] for o in outcomes)
    rows = sql("SELECT count(*), count(DISTINCT (finding_id, reason)) FROM portal.finding_history "
               "WHERE reason IN (%s)" % reasons)[0]
    effects["patches applied"] = (len(outcomes), len(outcomes) - applied, int(rows[0]) - int(rows[1]))
    return effects


def account(state_file, kills):
    state = load(state_file)
    settle = float(os.environ.get("HERD_CHAOS_SETTLE", "300"))
    started = time.monotonic()
    while True:
        effects = count(state)
        lost = sum(e[1] for e in effects.values())
        if lost == 0 or time.monotonic() - started > settle:
            break
        time.sleep(3)
    say("settled %.0f s after the workload stopped" % (time.monotonic() - started))
    for what, (expected, missing, doubled) in effects.items():
        say("  %-22s %5d expected, %d lost, %d applied twice" % (what, expected, missing, doubled))
    lost = sum(e[1] for e in effects.values())
    doubled = sum(e[2] for e in effects.values())
    print("chaos: %d kills, %d messages, %d lost, %d applied twice" % (kills, state["messages"], lost, doubled),
          flush=True)
    return 0 if lost == 0 and doubled == 0 else 1


def load(path):
    with open(path) as f:
        return json.load(f)


def save(path, state):
    with open(path + ".tmp", "w") as f:
        json.dump(state, f)
    os.replace(path + ".tmp", path)


def main(argv):
    try:
        if argv[:1] == ["setup"] and len(argv) == 3:
            setup(argv[1], argv[2])
        elif argv[:1] == ["drive"] and len(argv) == 4:
            drive(argv[1], float(argv[2]), argv[3])
        elif argv[:1] == ["account"] and len(argv) == 3:
            return account(argv[1], int(argv[2]))
        else:
            print("usage: chaos.py setup RUN STATE | drive STATE SECONDS DONE | account STATE KILLS", file=sys.stderr)
            return 2
    except demo.Failure as failure:
        print("chaos: failed: %s" % failure, file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
