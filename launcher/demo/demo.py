"""./herd demo: four providers, four tenants, damage at one of them and prevention at the others.

Runs against the platform started by ./herd up, through its public APIs only, and prints each step as it happens.
Ends with the line

    damage→prevention: p50 N ms, p99 N ms over K reports

measured from the submission of a flow record carrying a new signature at the first tenant's gateway to the moment
the last of the other three tenants is protected: with the site lab (root, ./herd up's site router), when the real
agent of its lab machine has applied the prevention rule (the kernel holds its string match); without it, when the
rule is in that tenant's rule bundle. With the lab, real requests check each protection on the wire (lab.py).

After the measured part it walks the rest of the loop once: the damaged machine is recovered through its agent
(playbook steps queued at the gateway, answered here as the agent would), confirmed quiet and un-isolated; an
anti-virus finding at the second tenant isolates that machine completely and its file hash, learnt, strikes the same
file at the third; a new machine of the fourth is admitted in quarantine and released once diagnosed and protected;
and a USB stick that is not on the fourth tenant's allowed-equipment list isolates the machine it appears in.
"""

import hashlib
import json
import math
import os
import shutil
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import lab as site_lab

PORTS = {name: int(os.environ[variable]) for name, variable in (
    ("hub", "HERD_HUB_PORT"), ("gateway", "HERD_GATEWAY_PORT"), ("portal", "HERD_PORTAL_PORT"),
    ("recovery", "HERD_RECOVERY_PORT"), ("keycloak", "HERD_KEYCLOAK_PORT"), ("artemis", "HERD_ARTEMIS_CONSOLE_PORT"))}
# The gateway serves HTTPS with the demo CA (launcher/lib/tls.sh); plain http:// only when the launcher allows it.
GATEWAY_URL = os.environ.get("HERD_GATEWAY_URL", "https://127.0.0.1:%d" % PORTS["gateway"])
GATEWAY_TLS = ssl.create_default_context(cafile=os.environ["HERD_GATEWAY_CA"]) \
    if os.environ.get("HERD_GATEWAY_CA") else ssl.create_default_context()
USER = os.environ.get("HERD_USER", "herd-admin")
PASSWORD = os.environ.get("HERD_PASSWORD", "demo")
PROVIDERS = (("demo-csaf", 4), ("demo-osv", 3), ("demo-vendor", 4), ("demo-cert", 5))
# Each run registers its own four tenants (alpha-HHMMSS ...), so runs never mix their machines.
TENANTS = ()
MACHINES_PER_TENANT = 5
# The isolating device of every demo tenant's LAN: the tenant gateway's own (the recovery broker's driver `gateway`).
DEVICE = "gateway"
# The network namespace where the gateway's isolating device applies its rules (./herd up's site router), if any.
SITE_ROUTER = os.environ.get("HERD_SITE_ROUTER_PID") or None
HERD_RUN = os.environ.get("HERD_RUN") or None
AGENT_JAR = os.environ.get("HERD_AGENT_JAR") or None
# Requests per lab machine and check, each waiting at most 0.5 s for an answer.
WIRE_REQUESTS = 10
# Lab machines per tenant (each a namespace with its own real agent): small, so eight agents fit two cores.
LAB_MACHINES = max(1, min(MACHINES_PER_TENANT, int(os.environ.get("HERD_LAB_MACHINES") or 2)))
STARTED = time.monotonic()


class Failure(Exception):
    """A step that did not work: the demo stops and says which."""


def step(text):
    print("[%7.1fs] %s" % (time.monotonic() - STARTED, text), flush=True)


def url(part, path, query=None):
    base = GATEWAY_URL if part == "gateway" else "http://127.0.0.1:%d" % PORTS[part]
    return "%s%s%s" % (base, path, "?" + urllib.parse.urlencode(query) if query else "")


def call(method, target, body=None, headers=None, timeout=120):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(target, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout,
                                    context=GATEWAY_TLS if target.startswith("https:") else None) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            return error.code, json.loads(text) if text else None
        except ValueError:
            return error.code, {"detail": text.decode(errors="replace")[:300]}


class Operator:
    """The MSSP admin, with a token refreshed before it expires."""

    def __init__(self):
        self.token, self.fetched = None, 0.0

    def headers(self):
        if self.token is None or time.monotonic() - self.fetched > 120:
            form = urllib.parse.urlencode({"grant_type": "password", "client_id": "herd-cli", "username": USER,
                                           "password": PASSWORD}).encode()
            request = urllib.request.Request(
                "http://localhost:%d/realms/herd/protocol/openid-connect/token" % PORTS["keycloak"], data=form)
            with urllib.request.urlopen(request, timeout=30) as answer:
                self.token = json.loads(answer.read())["access_token"]
            self.fetched = time.monotonic()
        return {"Authorization": "Bearer " + self.token}

    def do(self, method, part, path, body=None, ok=(200, 201, 202, 204), query=None):
        status, answer = call(method, url(part, path, query), body, self.headers())
        if status not in ok:
            raise Failure("%s %s answered %d: %s" % (method, path, status, (answer or {}).get("detail", answer)))
        return answer

    def open_findings(self, tenant):
        """The exact number of a tenant's open findings: the X-Total-Count of a one-finding page (total=exact)."""
        request = urllib.request.Request(url("portal", "/api/tenants/%s/findings" % tenant,
                                             {"size": 1, "total": "exact"}), headers=self.headers())
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                return int(answer.headers["X-Total-Count"])
        except urllib.error.HTTPError as error:
            raise Failure("GET findings of %s answered %d: %s" % (tenant, error.code, error.read()[:300]))


class Agent:
    """A machine enrolled at the gateway, talking as its agent does."""

    def __init__(self, operator, tenant, name, address, packages):
        self.tenant, self.name, self.address = tenant, name, address
        token = operator.do("POST", "gateway", "/api/enrolment-tokens", {"tenantId": tenant})["token"]
        status, enrolled = call("POST", url("gateway", "/agent/enrol"),
                                {"token": token, "hostname": name, "machineId": "demo-" + name})
        if status != 201:
            raise Failure("enrolment of %s answered %d: %s" % (name, status, enrolled))
        self.agent_id, self.credential = enrolled["agentId"], enrolled["credential"]
        self.mac = mac_of(address)
        self.sequence = 0
        self.report = {
            "hostname": name,
            "os": {"id": "debian", "versionId": "12", "architecture": "amd64", "hostname": name},
            "interfaces": [{"name": "eth0", "mac": self.mac, "ipv4": [address + "/16"], "ipv6": []}],
            "listening": [{"protocol": "tcp", "address": "0.0.0.0", "port": 443},
                          {"protocol": "tcp", "address": "0.0.0.0", "port": 22}],
            "packages": packages}
        self.full_report()

    def full_report(self, **changes):
        """Sends the next FULL report: the machine as first reported, with these fields added or replaced."""
        self.sequence += 1
        return self.send("/agent/reports", {"sequence": self.sequence, "kind": "FULL",
                                            "report": dict(self.report, **changes)})

    def headers(self):
        return {"Authorization": "Agent " + self.credential, "X-Herd-Timestamp": str(int(time.time())),
                "X-Herd-Nonce": uuid.uuid4().hex}

    def send(self, path, body):
        status, answer = call("POST", url("gateway", path), body, self.headers())
        if status not in (200, 202):
            raise Failure("%s of %s answered %d: %s" % (path, self.name, status, answer))
        return answer

    def get(self, path, query=None):
        status, answer = call("GET", url("gateway", path, query), None, self.headers())
        if status not in (200, 304):
            raise Failure("%s of %s answered %d: %s" % (path, self.name, status, answer))
        return answer or []


def mac_of(address):
    """A locally administered MAC made from the machine's IPv4 address, so admission and reports agree."""
    return "02:00:%02x:%02x:%02x:%02x" % tuple(int(part) for part in address.split("."))


def now_text():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def sample(name):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    for folder in (os.path.join(root, "..", "shared", "data", "debian12"),
                   os.path.join(root, "testdata", "shared-data", "debian12")):
        if os.path.exists(os.path.join(folder, name)):
            with open(os.path.join(folder, name)) as f:
                return json.load(f)
    raise Failure("sample data %s is missing" % name)


def providers_push(operator):
    advisories = sample("debian12-dev-osv.json")
    for provider, tier in PROVIDERS:
        operator.do("POST", "hub", "/api/providers",
                    {"id": provider, "displayName": "Demo provider " + provider, "trustTier": tier}, ok=(201, 409))
    share = math.ceil(len(advisories) / len(PROVIDERS))
    for n, (provider, tier) in enumerate(PROVIDERS):
        batch = advisories[n * share:(n + 1) * share]
        results = operator.do("POST", "hub", "/api/advisories", batch, query={"provider": provider})
        counts = {}
        for result in results if isinstance(results, list) else results.get("results", []):
            counts[result.get("status")] = counts.get(result.get("status"), 0) + 1
        step("provider %s (tier %d) pushed %d advisories: %s" % (provider, tier, len(batch), counts))


def tenants_enrol(operator):
    fleet = sample("debian12-fleet.json")
    agents = {}
    for t, tenant in enumerate(TENANTS):
        operator.do("POST", "portal", "/api/tenants", {"id": tenant, "displayName": tenant.title()}, ok=(201, 409))
        operator.do("PUT", "portal", "/api/tenants/%s/topology" % tenant, {
            "segments": [{"id": "lan", "name": "office LAN", "cidrs": ["10.210.0.0/16"]}],
            "devices": [{"id": DEVICE, "name": "tenant gateway (nftables)", "kind": "nftables", "segments": ["lan"]}]})
        agents[tenant] = []
        for m in range(MACHINES_PER_TENANT):
            entry = fleet[(t * MACHINES_PER_TENANT + m) % len(fleet)]
            packages = [{"name": p["name"], "version": p["version"], "architecture": p.get("arch"),
                         "sourceName": p.get("source") or p["name"],
                         "sourceVersion": p.get("sourceVersion") or p["version"]} for p in entry["packages"]]
            name = "%s-%s-%02d" % (tenant, "web", m + 1)
            agents[tenant].append(Agent(operator, tenant, name, "10.210.%d.%d" % (t, m + 10), packages))
        step("tenant %s: topology lan 10.210.0.0/16 behind %s, %d machines enrolled and reported (tcp/443 open)"
             % (tenant, DEVICE, len(agents[tenant])))
    return agents


def wait_protected(operator):
    settled, last = 0, None
    deadline = time.monotonic() + 300
    while settled < 2 and time.monotonic() < deadline:
        time.sleep(3)
        counts = tuple(operator.open_findings(t) for t in TENANTS)
        settled = settled + 1 if counts == last and all(counts) else 0
        last = counts
    for tenant, count in zip(TENANTS, last or ()):
        rules = operator.do("GET", "portal", "/api/tenants/%s/rules" % tenant, query={"state": "DEPLOYED"})
        operator.do("POST", "portal", "/api/tenants/%s/patch-plans" % tenant)
        plans = operator.do("GET", "portal", "/api/tenants/%s/patch-plans" % tenant)
        step("tenant %s protected: %d open findings, %d rules deployed, %d patch plans proposed"
             % (tenant, count, len(rules), len(plans)))


def broker_backlog():
    """Messages waiting in (or being handled from) every durable subscription, from Artemis' Jolokia API."""
    mbeans = 'org.apache.activemq.artemis:component=addresses,subcomponent=queues,routing-type="multicast",*'
    request = urllib.request.Request(
        url("artemis", "/console/jolokia/read/%s/MessageCount" % urllib.parse.quote(mbeans, safe=",=*:")),
        headers={"Origin": "http://127.0.0.1", "Authorization": "Basic aGVyZDpoZXJk"})  # herd:herd
    with urllib.request.urlopen(request, timeout=30) as answer:
        value = json.loads(answer.read()).get("value") or {}
    return sum(attributes.get("MessageCount", 0) for attributes in value.values())


def wait_idle():
    """Waits until the services have worked off every message (the advisory import leaves thousands)."""
    deadline, quiet = time.monotonic() + 600, 0
    while quiet < 2:
        backlog = broker_backlog()
        quiet = quiet + 1 if backlog == 0 else 0
        if time.monotonic() > deadline:
            raise Failure("%d messages still waiting after 600 s" % backlog)
        time.sleep(1)
    step("every service has worked off its messages (broker backlog 0)")


def bundle_rules(operator, tenant):
    status, answer = call("GET", url("portal", "/api/tenants/%s/rule-bundle" % tenant), None, operator.headers())
    if status != 200:
        return [], None
    bundle = answer.get("bundle") or {}
    return bundle.get("rules") or [], bundle.get("revision")


def bundle_signatures(operator, tenant):
    rules, revision = bundle_rules(operator, tenant)
    return {r.get("signature") for r in rules if r.get("signature")}, revision


class Enforced:
    """The signatures every one of a tenant's lab machines enforces: `signature in enforced` asks each kernel's listing."""

    def __init__(self, listings):
        self.listings = listings

    def __contains__(self, signature):
        return bool(self.listings) and all(signature in listing for listing in self.listings)


class Protection:
    """Whether a tenant is protected against signatures: every one of its lab machines' kernels enforces them (the real
    agents applied the rule), or without a lab, its rule bundle holds the rule."""

    def __init__(self, operator, lab, machines, addresses):
        self.operator, self.lab, self.machines, self.addresses = operator, lab, machines, addresses

    def signatures(self, tenant):
        """What protects the tenant now, to look signatures up in, and the bundle revision."""
        if self.lab:
            return Enforced([self.lab.inside(pid, "iptables", "-S", "HERD-SIG", check=False)
                             for pid in self.machines[tenant]]), None
        signatures, revision = bundle_signatures(self.operator, tenant)
        return "\n".join(signatures), revision

    def where(self):
        return "applied by the real agents of its %d lab machine(s)" % LAB_MACHINES if self.lab \
            else "deployed in its rule bundle"


def damage(operator, agents, reports, run, protection, lab):
    victim = agents[TENANTS[0]][0]
    others = TENANTS[1:]
    pending, latencies, first = {}, [], True
    next_send, sent = time.monotonic(), 0
    deadline = None
    while sent < reports or pending:
        now = time.monotonic()
        if sent < reports and now >= next_send:
            sent += 1
            signature = "HERD-DEMO-%s-%03d" % (run, sent)
            attacker = "198.51.100.%d" % (sent % 250 + 1)
            submitted = time.monotonic()
            victim.send("/agent/flows", [{
                "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "source": attacker,
                "destination": victim.address, "protocol": "tcp", "port": 443, "bytes": 4096,
                "signature": signature}])
            pending[signature] = (submitted, set(others))
            if sent == 1:
                step("damage at %s: %s hit by signature %s from %s (tcp/443)" % (
                    TENANTS[0], victim.name, signature, attacker))
            next_send = now + 0.5
            deadline = time.monotonic() + 120
        for tenant in others:
            if not any(tenant in waiting for _, waiting in pending.values()):
                continue
            signatures, revision = protection.signatures(tenant)
            for signature, (submitted, waiting) in list(pending.items()):
                if tenant in waiting and signature in signatures:
                    waiting.discard(tenant)
                    if first and signature.endswith("-001"):
                        step("  %s: prevention rule for %s %s%s" % (
                            tenant, signature, protection.where(),
                            "" if revision is None else " (bundle revision %s)" % revision))
                    if not waiting:
                        latencies.append((time.monotonic() - submitted) * 1000)
                        del pending[signature]
                        if first and signature.endswith("-001"):
                            first = False
                            paused = time.monotonic()
                            show_isolation(operator, signature)
                            if lab:
                                wire_after_damage(lab, protection, victim, signature)
                            # The checks are no part of the latency of the reports waiting meanwhile.
                            paused = time.monotonic() - paused
                            for waiting_signature, (at, left) in list(pending.items()):
                                pending[waiting_signature] = (at + paused, left)
                            next_send += paused
                            deadline += paused
                            step("reporting %d more damage reports, one every 0.5 s ..." % (reports - 1))
        if deadline and time.monotonic() > deadline and pending:
            raise Failure("no prevention at %s for %d reports after 120 s" % (
                sorted({t for _, w in pending.values() for t in w}), len(pending)))
        time.sleep(0.1)
    return latencies


def show_isolation(operator, signature):
    deadline, case = time.monotonic() + 60, None
    while time.monotonic() < deadline:
        cases = operator.do("GET", "portal", "/api/tenants/%s/damage-cases" % TENANTS[0])
        case = cases[0] if cases else None
        if case and case.get("orderStatus") in ("APPLIED", "CONFIRMED"):
            break
        time.sleep(0.5)
    if not case:
        raise Failure("no damage case at %s" % TENANTS[0])
    step("  %s: damage case, %d damaged machine(s) in %s, isolation point %s, mode %s, order %s (%s)" % (
        TENANTS[0], len(case.get("damagedMachines") or []), case.get("range"),
        case.get("isolationPoint") or case.get("isolationNote"), case.get("mode"),
        case.get("orderStatus") or "pending", ((case.get("orders") or [{}])[0]).get("statusDetail") or ""))
    # One machine hit by a known signature, not spreading: the signature is dropped at the LAN's gateway.
    if (case.get("isolationPoint"), case.get("mode")) != (DEVICE, "DROP_SIGNATURE"):
        raise Failure("expected DROP_SIGNATURE at %s, the case says %s at %s" % (
            DEVICE, case.get("mode"), case.get("isolationPoint")))
    if case.get("orderStatus") not in ("APPLIED", "CONFIRMED"):
        raise Failure("the isolation order is %s, not applied" % case.get("orderStatus"))
    show_kernel("the DROP_SIGNATURE order: string matches", ("iptables", "-S", "HERD-ISOLATION"), "DROP_SIGNATURE")
    rules, _ = bundle_rules(operator, TENANTS[1])
    advisory = next((r["advisoryId"] for r in rules if r.get("signature") == signature), None)
    step("  hub: community advisory %s carried %s to the other tenants (the reporting tenant is not named)"
         % (advisory, signature))


def in_site_router(*command):
    """What a command run in the site router's network namespace prints (empty when it fails)."""
    done = subprocess.run(["nsenter", "-t", SITE_ROUTER, "-n", *command], capture_output=True, text=True, timeout=30)
    return done.stdout if done.returncode == 0 else ""


def show_kernel(what, command, needle):
    """Where the site router exists, its kernel must hold the rules of what the device was asked to do."""
    if not SITE_ROUTER:
        step("  device: no site router (not root?): the gateway records isolations instead of applying them")
        return
    deadline, lines = time.monotonic() + 30, []
    while time.monotonic() < deadline and not lines:
        lines = [line for line in in_site_router(*command).splitlines() if needle in line]
        if not lines:
            time.sleep(0.5)
    if not lines:
        raise Failure("the site router's kernel holds no rule of %s (%s)" % (what, " ".join(command)))
    step("  site router: %d kernel rule(s) of %s (%s)" % (len(lines), what, " ".join(command)))


def build_lab(operator, agents):
    """The site lab, when ./herd up made a site router; None (and a line saying why) otherwise. Every tenant's first
    LAB_MACHINES machines get a namespace each, with their address, an HTTP service and their own real agent."""
    if not (SITE_ROUTER and HERD_RUN and AGENT_JAR):
        step("lab: no site router (not root?): protections are checked in the bundles, not on the wire")
        return None, {}
    lab = site_lab.SiteLab(SITE_ROUTER, HERD_RUN, AGENT_JAR, url("gateway", ""))
    machines = {}
    for tenant in TENANTS:
        machines[tenant] = []
        for m, machine in enumerate(agents[tenant][:LAB_MACHINES]):
            pid = lab.machine(machine.address)
            machines[tenant].append(pid)
            token = operator.do("POST", "gateway", "/api/enrolment-tokens", {"tenantId": tenant})["token"]
            # The third tenant's first agent also scans a share with the hashes learnt bad at any tenant (malware).
            scans = tenant == TENANTS[2] and m == 0 and shutil.which("clamscan") is not None
            lab.agent(tenant, machine.name, pid, token, scan=lab.share(tenant) if scans else None)
    for tenant in TENANTS:
        for machine in agents[tenant][:LAB_MACHINES]:
            lab.wait_serving(machine.address)
    for tenant in TENANTS:
        lab.wait_running(tenant)
    step("lab: attacker %s and, behind the site router, %d machine namespaces (%s), each serving tcp/443 with a real"
         " agent (--apply auto, --monitor)" % (site_lab.ATTACKER, LAB_MACHINES * len(TENANTS), ", ".join(
             "%s (%s)" % (m.name, m.address) for t in TENANTS for m in agents[t][:LAB_MACHINES])))
    return lab, machines


def wire_after_damage(lab, protection, victim, signature):
    """Real requests: the attack is dropped at the damaged machine's router and at every other tenant's machine."""
    attack, clean = lab.wire(victim.address, signature, WIRE_REQUESTS)
    step("wire: %s %s DROP_SIGNATURE: %d/%d attack requests dropped, %d/%d clean requests answered" % (
        TENANTS[0], victim.name, WIRE_REQUESTS - attack, WIRE_REQUESTS, clean, WIRE_REQUESTS))
    if attack or clean != WIRE_REQUESTS:
        raise Failure("on the wire at %s: %d attack requests passed, %d clean ones answered" % (
            victim.name, attack, clean))
    passed, answered = wire_at_others(lab, protection, signature)
    total = WIRE_REQUESTS * LAB_MACHINES * len(TENANTS[1:])
    step("wire: prevention at %s: %d/%d attack requests dropped, %d/%d clean answered" % (
        ", ".join(TENANTS[1:]), total - passed, total, answered, total))
    if passed or answered != total:
        raise Failure("on the wire at the other tenants: %d attack requests passed, %d clean ones answered" % (
            passed, answered))


def wire_at_others(lab, protection, signature):
    passed = answered = 0
    for tenant in TENANTS[1:]:
        for address in protection.addresses[tenant]:
            attack, clean = lab.wire(address, signature, WIRE_REQUESTS)
            passed, answered = passed + attack, answered + clean
    return passed, answered


def wire_after_revocation(lab, protection, signature):
    """After the revocation the agents withdraw the rule, and the same attack is answered again."""
    deadline = time.monotonic() + 60
    while any(lab.enforces(pid, signature) for t in TENANTS[1:] for pid in protection.machines[t]):
        if time.monotonic() > deadline:
            raise Failure("the agents still enforce %s 60 s after the revocation" % signature)
        time.sleep(0.2)
    passed, answered = wire_at_others(lab, protection, signature)
    total = WIRE_REQUESTS * LAB_MACHINES * len(TENANTS[1:])
    step("wire: after the revocation at %s: %d/%d attack requests answered again, %d/%d clean answered" % (
        ", ".join(TENANTS[1:]), passed, total, answered, total))
    if passed != total or answered != total:
        raise Failure("after the revocation %d of %d attack requests were answered" % (passed, total))


def revoke_one(operator, run):
    signature = "HERD-DEMO-%s-001" % run
    rules, _ = bundle_rules(operator, TENANTS[1])
    advisory = next((r["advisoryId"] for r in rules if r.get("signature") == signature), None)
    if advisory is None:
        raise Failure("no rule for %s at %s to revoke" % (signature, TENANTS[1]))
    operator.do("POST", "hub", "/api/community-advisories/%s/revoke" % advisory,
                {"reason": "demo: revoked by the MSSP"})
    step("MSSP admin revoked community advisory %s (signature %s)" % (advisory, signature))
    deadline = time.monotonic() + 60
    remaining = set(TENANTS[1:])
    while remaining and time.monotonic() < deadline:
        for tenant in list(remaining):
            signatures, revision = bundle_signatures(operator, tenant)
            if signature not in signatures:
                step("  %s: rule withdrawn (bundle revision %s)" % (tenant, revision))
                remaining.discard(tenant)
        time.sleep(0.2)
    if remaining:
        raise Failure("revocation did not withdraw the rules at %s" % sorted(remaining))
    return signature


class AnsweringAgents(threading.Thread):
    """Answers the recovery tasks the gateway queues for these machines, as their agents would: the demo machines are
    not real, so the steps are reported done without touching anything."""

    def __init__(self, agents):
        super().__init__(daemon=True)
        self.agents, self.stopped, self.answered, self.error = agents, threading.Event(), 0, None

    def run(self):
        while not self.stopped.is_set():
            try:
                for agent in self.agents:
                    for task in agent.get("/agent/recovery-tasks", {"wait": 1}):
                        agent.send("/agent/recovery-results", {
                            "taskId": task["taskId"], "result": "DONE", "finishedAt": now_text(),
                            "detail": "demo agent: %s %s done" % (task["action"], task["target"])})
                        self.answered += 1
                        step("  agent of %s: step %s %s %s -> DONE" % (
                            agent.name, task.get("step"), task["action"], task["target"]))
            except Failure as failure:
                self.error = failure
                return
            self.stopped.wait(0.5)


def damage_case(operator, tenant, timeout, accept=lambda case: True, what="a damage case"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for case in operator.do("GET", "portal", "/api/tenants/%s/damage-cases" % tenant):
            if accept(case):
                return case
        time.sleep(0.5)
    raise Failure("no %s at %s after %d s" % (what, tenant, timeout))


def follow_case(operator, tenant, case_id, until, timeout):
    """Prints the case's history as it grows, until its state is one of `until`."""
    deadline, shown = time.monotonic() + timeout, 0
    while time.monotonic() < deadline:
        case = operator.do("GET", "portal", "/api/tenants/%s/damage-cases/%s" % (tenant, case_id))
        history = case.get("history") or []
        for entry in history[shown:]:
            step("  %s: case %s %s" % (tenant, entry.get("state"), entry.get("note") or ""))
        shown = len(history)
        if case.get("state") in until:
            return case
        time.sleep(1)
    raise Failure("case %s at %s did not reach %s in %d s" % (case_id, tenant, "/".join(until), timeout))


def recover(operator, agents):
    """Recovery of the first tenant's case: playbook through the agent, confirmation from monitor data, un-isolation."""
    tenant, victim = TENANTS[0], agents[TENANTS[0]][0]
    case = damage_case(operator, tenant, 10, lambda c: c.get("state") in ("OPEN", "ISOLATED"), "case to recover")
    answering = AnsweringAgents([victim])
    answering.start()
    try:
        operator.do("POST", "portal", "/api/tenants/%s/damage-cases/%s/recover" % (tenant, case["id"]), {"playbook": [
            {"action": "DELETE_FILES", "target": "/var/www/html/uploads/dropper.php"},
            {"action": "RESTART_SERVICE", "target": "tcp/443"}]})
        step("recovery of %s ordered at %s: delete the dropped file, restart the attacked service (tcp/443)"
             % (victim.name, DEVICE))
        closed = follow_case(operator, tenant, case["id"], ("CLOSED",), 240)
    finally:
        answering.stopped.set()
        answering.join(5)
    if answering.error:
        raise answering.error
    if answering.answered < 2:
        raise Failure("the agent answered %d recovery steps, expected 2" % answering.answered)
    step("  %s: recovered, confirmed quiet by monitor data, un-isolated and closed at %s"
         % (tenant, closed.get("closedAt")))


def malware(operator, agents, run, lab):
    """An anti-virus finding at the second tenant; its hash, learnt, strikes the same file at the third."""
    infected, other = agents[TENANTS[1]][1], agents[TENANTS[2]][2]
    digest = hashlib.sha256(("herd demo dropper " + run).encode()).hexdigest()
    name = "Demo.Trojan.Dropper-%s" % run
    infected.full_report(
        antivirus={"products": [{"name": "ClamAV", "version": "1.0.7", "patternVersion": "27470"}],
                   "detections": [{"product": "ClamAV", "signature": name, "path": "/var/www/html/uploads/invoice.php",
                                   "sha256": digest, "detectedAt": now_text()}]},
        watchedFiles=[{"path": "/var/www/html/uploads/invoice.php", "status": "ok", "sha256": digest}])
    step("anti-virus at %s: ClamAV found %s in %s (sha256 %s…)" % (
        infected.name, name, "/var/www/html/uploads/invoice.php", digest[:12]))
    case = damage_case(operator, TENANTS[1], 60, lambda c: c.get("orderStatus") in ("APPLIED", "CONFIRMED"),
                       "applied malware isolation")
    step("  %s: damage case, isolation point %s, mode %s, order %s" % (
        TENANTS[1], case.get("isolationPoint"), case.get("mode"), case.get("orderStatus")))
    if (case.get("isolationPoint"), case.get("mode")) != (DEVICE, "COMPLETE"):
        raise Failure("expected COMPLETE isolation at %s for malware, the case says %s at %s" % (
            DEVICE, case.get("mode"), case.get("isolationPoint")))
    show_kernel("the COMPLETE order", ("nft", "list", "table", "inet", "herd_isolation"), "COMPLETE")
    scanned = lab is not None and lab.scanning(TENANTS[2])
    if scanned:
        dropped = os.path.join(lab.share(TENANTS[2]), "scan-0042.pdf.php")
        with open(dropped, "wb") as f:
            f.write(("herd demo dropper " + run).encode())
        step("file at %s's lab machine: %s, the same bytes; its agent scans the share with ClamAV" % (
            TENANTS[2], dropped))
    else:
        other.full_report(watchedFiles=[{"path": "/srv/share/scan-0042.pdf.php", "status": "ok", "sha256": digest}])
        step("watched file at %s: /srv/share/scan-0042.pdf.php has the same sha256" % other.name)
    case = damage_case(operator, TENANTS[2], 60, what="known-bad hash case")
    if scanned:
        found = [line for line in lab.scan_log(TENANTS[2]).splitlines() if digest[:16] in line]
        if not found:
            raise Failure("the case at %s did not come from the lab agent's ClamAV scan" % TENANTS[2])
        step("  clamav at %s: %s" % (TENANTS[2], found[0].split(" -> ")[-1]))
    step("  %s: damage case for the hash learnt at another tenant, mode %s at %s (the other tenant is not named)"
         % (TENANTS[2], case.get("mode"), case.get("isolationPoint") or case.get("isolationNote")))


def admission(operator):
    """A new machine of the fourth tenant: quarantined, diagnosed, protected, released."""
    tenant, name, address = TENANTS[3], "%s-new-01" % TENANTS[3], "10.210.3.50"
    admitted = operator.do("POST", "gateway", "/api/admissions",
                           {"tenantId": tenant, "mac": mac_of(address), "ip": address, "hostname": name})
    step("new machine %s admitted in quarantine (%s, segment %s)" % (name, admitted["status"], admitted["segment"]))
    fleet = sample("debian12-fleet.json")
    packages = [{"name": p["name"], "version": p["version"], "architecture": p.get("arch"),
                 "sourceName": p.get("source") or p["name"], "sourceVersion": p.get("sourceVersion") or p["version"]}
                for p in fleet[len(fleet) - 1]["packages"]]
    Agent(operator, tenant, name, address, packages)
    deadline, awaiting = time.monotonic() + 180, None
    while time.monotonic() < deadline:
        view = operator.do("GET", "gateway", "/api/admissions/%s" % admitted["id"])
        if view.get("status") == "RELEASED":
            step("  %s released by %s: diagnosed, %s unprotected findings" % (
                name, view.get("releasedBy"), view.get("unprotectedFindings")))
            return
        if view.get("awaiting") != awaiting:
            awaiting = view.get("awaiting")
            step("  %s in quarantine, awaiting %s" % (name, awaiting))
        time.sleep(1)
    raise Failure("%s still in quarantine after 180 s, awaiting %s" % (name, awaiting))


def equipment(operator, agents):
    """A USB stick that the fourth tenant's allowed-equipment list does not allow isolates its machine."""
    tenant, machine = TENANTS[3], agents[TENANTS[3]][0]
    operator.do("PUT", "gateway", "/api/tenants/%s/allowed-equipment" % tenant, {"entries": [
        {"kind": "NETWORK_ADAPTER", "match": "e1000*", "note": "office NICs"},
        {"kind": "BLOCK_DEVICE", "match": "nvme*", "note": "internal disks"}]})
    disk = {"name": "nvme0n1", "sizeBytes": 512110190592, "removable": False, "usb": False, "usbMassStorage": False}
    nic = {"name": "eth0", "driver": "e1000e", "usb": False}
    machine.full_report(hardware={"blockDevices": [disk], "networkAdapters": [nic], "usbMassStorage": False})
    stick = {"name": "sda", "sizeBytes": 32017047552, "removable": True, "usb": True, "usbMassStorage": True}
    machine.full_report(hardware={"blockDevices": [disk, stick], "networkAdapters": [nic], "usbMassStorage": True})
    step("equipment at %s: a USB stick (sda) appeared; allowed are e1000* NICs and nvme* disks" % machine.name)
    violations = [v for v in operator.do("GET", "gateway", "/api/tenants/%s/equipment-violations" % tenant)
                  if v.get("agentId") == machine.agent_id]
    if not violations or any(v.get("status") != "OPEN" for v in violations):
        raise Failure("expected an open equipment violation for %s, found %s" % (machine.name, violations))
    step("  %s isolated: %s" % (machine.name, ", ".join("%s %s" % (v["kind"], v["item"]) for v in violations)))
    show_kernel("the quarantine of %s" % machine.name, ("nft", "list", "table", "inet", "herd_quarantine"),
                machine.address)


def canaries(operator, lab, agents):
    """Canary checks (DESIGN §3.6): a check registered per tenant, the lab's attacker sends its signature to every lab
    machine (again every 5 s, at most 60 s, while the sensors start), and the tenant's real sensors must see it. Their
    canary rule logs it to NFLOG and lets it pass: each machine must have answered a canary request."""
    for tenant in TENANTS:
        signature = operator.do("POST", "portal", "/api/tenants/%s/canary" % tenant, {"scanner": "lab attacker"})[
            "signature"]
        addresses = [m.address for m in agents[tenant][:LAB_MACHINES]]
        deadline, seen, next_send, answered = time.monotonic() + 60, None, 0, set()
        while (seen is None or len(answered) < len(addresses)) and time.monotonic() < deadline:
            if time.monotonic() >= next_send:
                answered |= {a for a in addresses if lab.wire(a, signature, 1)[0]}
                next_send = time.monotonic() + 5
            checks = operator.do("GET", "portal", "/api/tenants/%s/canary" % tenant)
            seen = next((c.get("seenAt") for c in checks if c.get("signature") == signature and c.get("seenAt")), None)
            if seen is None or len(answered) < len(addresses):
                time.sleep(1)
        if len(answered) < len(addresses):
            raise Failure("canary requests to %s were never answered: a canary must never be dropped" % ", ".join(
                sorted(set(addresses) - answered)))
        if seen is None:
            raise Failure("no sensor of %s saw the canary %s within 60 s (%s)" % (
                tenant, signature, "".join(lab.sensor_log(tenant)[-3:]).strip() or "the sensors logged nothing"))
        step("canary at %s: %s sent to its %d lab machine(s), answered, seen by its real sensors at %s" % (
            tenant, signature, len(addresses), seen))


def show_indices(operator, lab=None):
    indices = operator.do("GET", "portal", "/api/indices")
    rows = indices if isinstance(indices, list) else indices.get("tenants", [])
    untrusted = []
    for row in rows:
        tenant = row.get("tenantId") or row.get("tenant")
        if tenant in TENANTS:
            step("index %s: vulnerability %.1f (deviation %.1f), risk %.1f (deviation %.1f), trusted %s%s" % (
                tenant, row.get("vulnerabilityIndex", 0),
                row.get("vulnerabilityDeviation", row.get("vulnerabilityDeviationScore", 0)) or 0,
                row.get("riskIndex", 0), row.get("riskDeviation", row.get("riskDeviationScore", 0)) or 0,
                row.get("trusted"), "" if row.get("trusted") else " (%s)" % row.get("trustReason")))
            # Every detector of the other tenants is a real lab sensor; alpha's also include the demo's sent flows.
            if lab and tenant in TENANTS[1:] and not row.get("trusted"):
                untrusted.append(tenant)
    if untrusted:
        raise Failure("the figures of %s are not trusted although their real sensors run" % ", ".join(untrusted))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def main():
    global TENANTS
    reports = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    run = time.strftime("%H%M%S")
    TENANTS = tuple("%s-%s" % (name, run) for name in ("alpha", "bravo", "charlie", "delta"))
    operator = Operator()
    lab = None
    try:
        providers_push(operator)
        agents = tenants_enrol(operator)
        wait_idle()
        wait_protected(operator)
        lab, machines = build_lab(operator, agents)
        if lab:
            canaries(operator, lab, agents)
        protection = Protection(operator, lab, machines,
                                {t: [m.address for m in agents[t][:LAB_MACHINES]] for t in TENANTS})
        latencies = damage(operator, agents, reports, run, protection, lab)
        revoked = revoke_one(operator, run)
        if lab:
            wire_after_revocation(lab, protection, revoked)
        recover(operator, agents)
        malware(operator, agents, run, lab)
        admission(operator)
        equipment(operator, agents)
        show_indices(operator, lab)
    except (Failure, site_lab.LabError) as failure:
        step("demo stopped: %s" % failure)
        return 1
    finally:
        if lab:
            lab.close()
    print("damage→prevention: p50 %d ms, p99 %d ms over %d reports" % (
        percentile(latencies, 50), percentile(latencies, 99), len(latencies)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
