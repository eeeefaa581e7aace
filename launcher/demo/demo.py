"""./herd demo: four providers, four tenants, damage at one of them and prevention at the others.

Runs against the platform started by ./herd up, through its public APIs only, and prints each step as it happens.
Ends with the line

    damage→prevention: p50 N ms, p99 N ms over K reports

measured from the submission of a flow record carrying a new signature at the first tenant's gateway to the moment
a deployed prevention rule for that signature is in the rule bundle of the last of the other three tenants.
"""

import json
import math
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PORTS = {name: int(os.environ[variable]) for name, variable in (
    ("hub", "HERD_HUB_PORT"), ("gateway", "HERD_GATEWAY_PORT"), ("portal", "HERD_PORTAL_PORT"),
    ("recovery", "HERD_RECOVERY_PORT"), ("keycloak", "HERD_KEYCLOAK_PORT"), ("artemis", "HERD_ARTEMIS_CONSOLE_PORT"))}
USER = os.environ.get("HERD_USER", "herd-admin")
PASSWORD = os.environ.get("HERD_PASSWORD", "demo")
PROVIDERS = (("demo-csaf", 4), ("demo-osv", 3), ("demo-vendor", 4), ("demo-cert", 5))
# Each run registers its own four tenants (alpha-HHMMSS ...), so runs never mix their machines.
TENANTS = ()
MACHINES_PER_TENANT = 5
STARTED = time.monotonic()


class Failure(Exception):
    """A step that did not work: the demo stops and says which."""


def step(text):
    print("[%7.1fs] %s" % (time.monotonic() - STARTED, text), flush=True)


def url(part, path, query=None):
    return "http://127.0.0.1:%d%s%s" % (PORTS[part], path, "?" + urllib.parse.urlencode(query) if query else "")


def call(method, target, body=None, headers=None, timeout=120):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(target, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
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
        self.send("/agent/reports", {"sequence": 1, "kind": "FULL", "report": {
            "hostname": name,
            "os": {"id": "debian", "versionId": "12", "architecture": "amd64", "hostname": name},
            "interfaces": [{"name": "eth0", "ipv4": [address + "/16"], "ipv6": []}],
            "listening": [{"protocol": "tcp", "address": "0.0.0.0", "port": 443},
                          {"protocol": "tcp", "address": "0.0.0.0", "port": 22}],
            "packages": packages}})

    def send(self, path, body):
        headers = {"Authorization": "Agent " + self.credential, "X-Herd-Timestamp": str(int(time.time())),
                   "X-Herd-Nonce": uuid.uuid4().hex}
        status, answer = call("POST", url("gateway", path), body, headers)
        if status not in (200, 202):
            raise Failure("%s of %s answered %d: %s" % (path, self.name, status, answer))
        return answer


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
            "devices": [{"id": "fw-lan", "name": "LAN firewall", "kind": "nftables", "segments": ["lan"]}]})
        agents[tenant] = []
        for m in range(MACHINES_PER_TENANT):
            entry = fleet[(t * MACHINES_PER_TENANT + m) % len(fleet)]
            packages = [{"name": p["name"], "version": p["version"], "architecture": p.get("arch"),
                         "sourceName": p.get("source") or p["name"],
                         "sourceVersion": p.get("sourceVersion") or p["version"]} for p in entry["packages"]]
            name = "%s-%s-%02d" % (tenant, "web", m + 1)
            agents[tenant].append(Agent(operator, tenant, name, "10.210.%d.%d" % (t, m + 10), packages))
        step("tenant %s: topology lan 10.210.0.0/16 behind fw-lan, %d machines enrolled and reported (tcp/443 open)"
             % (tenant, len(agents[tenant])))
    return agents


def wait_protected(operator):
    settled, last = 0, None
    deadline = time.monotonic() + 300
    while settled < 2 and time.monotonic() < deadline:
        time.sleep(3)
        counts = tuple(len(operator.do("GET", "portal", "/api/tenants/%s/findings" % t, query={"size": 10000}))
                       for t in TENANTS)
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


def damage(operator, agents, reports, run):
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
            signatures, revision = bundle_signatures(operator, tenant)
            for signature, (submitted, waiting) in list(pending.items()):
                if tenant in waiting and signature in signatures:
                    waiting.discard(tenant)
                    if first and signature.endswith("-001"):
                        step("  %s: prevention rule for %s deployed (bundle revision %s)" % (tenant, signature, revision))
                    if not waiting:
                        latencies.append((time.monotonic() - submitted) * 1000)
                        del pending[signature]
                        if first and signature.endswith("-001"):
                            first = False
                            show_isolation(operator, signature)
                            step("reporting %d more damage reports, one every 0.5 s ..." % (reports - 1))
        if deadline and time.monotonic() > deadline and pending:
            raise Failure("no prevention at %s for %d reports after 120 s" % (
                sorted({t for _, w in pending.values() for t in w}), len(pending)))
        time.sleep(0.1)
    return latencies


def show_isolation(operator, signature):
    deadline, case = time.monotonic() + 20, None
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
    # One machine hit by a known signature, not spreading: the signature is dropped at the LAN's firewall.
    if (case.get("isolationPoint"), case.get("mode")) != ("fw-lan", "DROP_SIGNATURE"):
        raise Failure("expected DROP_SIGNATURE at fw-lan, the case says %s at %s" % (
            case.get("mode"), case.get("isolationPoint")))
    if case.get("orderStatus") not in ("APPLIED", "CONFIRMED"):
        raise Failure("the isolation order is %s, not applied" % case.get("orderStatus"))
    rules, _ = bundle_rules(operator, TENANTS[1])
    advisory = next((r["advisoryId"] for r in rules if r.get("signature") == signature), None)
    step("  hub: community advisory %s carried %s to the other tenants (the reporting tenant is not named)"
         % (advisory, signature))


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


def show_indices(operator):
    indices = operator.do("GET", "portal", "/api/indices")
    rows = indices if isinstance(indices, list) else indices.get("tenants", [])
    for row in rows:
        if row.get("tenantId") in TENANTS or row.get("tenant") in TENANTS:
            step("index %s: vulnerability %.1f (deviation %.1f), risk %.1f (deviation %.1f), trusted %s" % (
                row.get("tenantId") or row.get("tenant"), row.get("vulnerabilityIndex", 0),
                row.get("vulnerabilityDeviation", row.get("vulnerabilityDeviationScore", 0)) or 0,
                row.get("riskIndex", 0), row.get("riskDeviation", row.get("riskDeviationScore", 0)) or 0,
                row.get("trusted")))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def main():
    global TENANTS
    reports = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    run = time.strftime("%H%M%S")
    TENANTS = tuple("%s-%s" % (name, run) for name in ("alpha", "bravo", "charlie", "delta"))
    operator = Operator()
    try:
        providers_push(operator)
        agents = tenants_enrol(operator)
        wait_protected(operator)
        wait_idle()
        latencies = damage(operator, agents, reports, run)
        revoke_one(operator, run)
        show_indices(operator)
    except Failure as failure:
        step("demo stopped: %s" % failure)
        return 1
    print("damage→prevention: p50 %d ms, p99 %d ms over %d reports" % (
        percentile(latencies, 50), percentile(latencies, 99), len(latencies)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
