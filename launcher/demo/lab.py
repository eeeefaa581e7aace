"""The demo's site lab: real network namespaces behind the site router of ./herd up.

The router namespace (HERD_SITE_ROUTER_PID) is where the tenant gateway's isolating device applies its rules. The lab
adds, each in a namespace of its own held by `unshare -n sleep`, an attacker and one namespace per lab machine with the
address the demo's machine reports, each linked to the router by a veth pair (a /32 route and proxy ARP on the router's
side), each serving HTTP on tcp/443. Each lab machine has its own real customer agent (enrolled for its tenant, its own
state directory and --root): it applies its tenant's rule bundles inside the machine's namespace (`--nft` and
`--iptables` through nsenter) and is the machine's network sensor (`--monitor`, conntrack and tcpdump through nsenter),
whose heartbeat and canary sightings make its tenant's figures trusted. Requests go only between these namespaces;
every loop is bounded. close() removes everything, also what the agents started inside the namespaces; ./herd down
removes what a killed demo left (HERD_RUN/lab.pids, and every process still inside those namespaces).
"""

import json
import os
import shutil
import subprocess
import time
import urllib.request

ATTACKER = "198.51.100.200"
PORT = 443

CLIENT = """
import socket, sys
target, port, path, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
def answered(p):
    try:
        with socket.create_connection((target, port), timeout=0.5) as s:
            s.sendall(("GET " + p + " HTTP/1.0\\r\\nHost: lab\\r\\n\\r\\n").encode())
            return s.recv(12).startswith(b"HTTP/")
    except OSError:
        return False
print(sum(answered(path) for _ in range(count)), sum(answered("/index.html") for _ in range(count)))
"""


class LabError(Exception):
    """The lab could not be built or did not behave."""


def run(*command, check=True):
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if check and done.returncode != 0:
        raise LabError("%s: %s" % (" ".join(command), (done.stderr or done.stdout).strip()))
    return done.stdout


class SiteLab:

    def __init__(self, router, run_dir, agent_jar, gateway_url):
        self.router, self.run_dir, self.agent_jar, self.gateway_url = str(router), run_dir, agent_jar, gateway_url
        self.processes, self.links, self.scanners, self.logs = [], 0, {}, {}
        self.pids_file = os.path.join(run_dir, "lab.pids")
        self.home = os.path.join(run_dir, "lab")
        shutil.rmtree(self.home, ignore_errors=True)
        os.makedirs(self.home)
        self.inside(self.router, "sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=0")
        self.attacker = self.machine(ATTACKER, serve=False)
        # A dropped request leaves an orphaned socket retransmitting for minutes, which keeps the attacker's namespace
        # (and its link on the router) alive after close(); one retry lets the kernel let go within seconds.
        self.inside(self.attacker, "sysctl", "-q", "-w", "net.ipv4.tcp_orphan_retries=1")

    def inside(self, pid, *command, check=True):
        return run("nsenter", "-t", str(pid), "-n", *command, check=check)

    def start(self, command, log=None):
        out = open(log, "ab") if log else subprocess.DEVNULL
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        self.processes.append(process)
        with open(self.pids_file, "a") as f:
            f.write("%d\n" % process.pid)
        return process

    def namespace(self):
        holder = self.start(["unshare", "-n", "sleep", "3600"])
        own = os.readlink("/proc/self/ns/net")
        for _ in range(100):
            try:
                if os.readlink("/proc/%d/ns/net" % holder.pid) != own:
                    return str(holder.pid)
            except OSError:
                pass
            if holder.poll() is not None:
                raise LabError("unshare -n could not make a network namespace")
            time.sleep(0.02)
        raise LabError("unshare -n did not enter a new network namespace")

    def machine(self, address, serve=True):
        """A namespace with this address, linked to the router; an HTTP server on tcp/443 unless serve is False."""
        pid = self.namespace()
        self.links += 1
        side = "lab%d" % self.links
        self.inside(self.router, "ip", "link", "add", side, "type", "veth", "peer", "name", "eth0", "netns", pid)
        self.inside(self.router, "ip", "link", "set", side, "up")
        self.inside(self.router, "sysctl", "-q", "-w", "net.ipv4.conf.%s.proxy_arp=1" % side)
        self.inside(self.router, "ip", "route", "add", address + "/32", "dev", side)
        self.inside(pid, "ip", "link", "set", "lo", "up")
        self.inside(pid, "ip", "addr", "add", address + "/32", "dev", "eth0")
        self.inside(pid, "ip", "link", "set", "eth0", "up")
        self.inside(pid, "ip", "route", "add", "default", "dev", "eth0")
        if serve:
            folder = os.path.join(self.home, "www-" + address)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "index.html"), "w") as f:
                f.write("lab machine %s\n" % address)
            self.start(["nsenter", "-t", pid, "-n", "python3", "-m", "http.server", str(PORT), "--bind", address,
                        "--directory", folder])
        return pid

    def wire(self, target, signature, count):
        """From the attacker: count requests carrying the signature and count clean ones; how many were answered."""
        out = self.inside(self.attacker, "python3", "-c", CLIENT, target, str(PORT), "/" + signature, str(count))
        attack, clean = out.split()
        return int(attack), int(clean)

    def wait_serving(self, target):
        for _ in range(50):
            if self.wire(target, "warm-up", 1)[1] == 1:
                return
            time.sleep(0.2)
        raise LabError("the lab machine %s does not answer through the router" % target)

    def agent(self, tenant, name, pid, token, scan=None, hits="CANARY"):
        """The real customer agent of one lab machine: enrolled for the tenant, applying its bundles in the machine's
        namespace and watching it as a sensor (flows, heartbeat and, with hits CANARY, canary checks only: a dropped
        attack reported as a signature hit would open a damage case at a tenant the demo checks as protected); with
        scan, a folder it scans with ClamAV for the hashes learnt bad at any tenant. Returns the agent's id."""
        home = os.path.join(self.home, tenant, name)
        root, state = os.path.join(home, "root"), os.path.join(home, "state")
        for folder in ("etc", "var/lib/dpkg", "proc/sys/kernel"):
            os.makedirs(os.path.join(root, folder), exist_ok=True)
        with open(os.path.join(root, "etc/os-release"), "w") as f:
            f.write('ID=debian\nVERSION_ID="12"\nNAME="Debian GNU/Linux"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'
                    "VERSION_CODENAME=bookworm\n")
        for file in ("etc/hostname", "proc/sys/kernel/hostname"):
            with open(os.path.join(root, file), "w") as f:
                f.write("%s-lab\n" % name)
        open(os.path.join(root, "var/lib/dpkg/status"), "w").close()
        java = ["java", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", self.agent_jar]
        if scan:
            self.scanners[tenant] = state
        run(*java, "enrol", "--gateway", self.gateway_url, "--token", token, "--state-dir", state, "--root", root)
        namespace = "nsenter,-t,%s,-n," % pid
        log = os.path.join(home, "agent.log")
        self.logs.setdefault(tenant, []).append(log)
        self.start(java + ["run", "--gateway", self.gateway_url, "--state-dir", state, "--root", root,
                           "--apply", "auto", "--nft", namespace + "nft", "--iptables", namespace + "iptables",
                           "--poll-wait", "20", "--interval", "10",
                           "--monitor", "--monitor-interval", "5", "--monitor-hits", hits,
                           "--conntrack", namespace + "conntrack", "--tcpdump", namespace + "tcpdump"]
                   + (["--scan", scan, "--scan-interval", "2"] if scan else []),
                   log=log)
        with open(os.path.join(state, "credential.json")) as f:
            return json.load(f)["agentId"]

    def wait_running(self, tenant, seconds=90):
        """Waits until every lab agent of the tenant has delivered its first report: enrolled, running, polling."""
        deadline = time.monotonic() + seconds
        for log in self.logs.get(tenant, []):
            while not (os.path.exists(log) and "delivered 1 report(s)" in open(log, errors="replace").read()):
                if time.monotonic() > deadline:
                    raise LabError("a lab agent of %s delivered no report within %d s (see %s)" % (tenant, seconds, log))
                time.sleep(0.2)

    def scanning(self, tenant):
        """Whether a lab agent of the tenant scans its share with ClamAV."""
        return tenant in self.scanners

    def share(self, tenant):
        """The folder the tenant's scanning lab agent scans (made on first use)."""
        folder = os.path.join(self.home, tenant, "share")
        os.makedirs(folder, exist_ok=True)
        return folder

    def scan_log(self, tenant):
        """What the tenant's scanning lab agent's ClamAV scans found, as ClamAV logs it."""
        if tenant not in self.scanners:
            return ""
        log = os.path.join(self.scanners[tenant], "clamav", "scan.log")
        return open(log, errors="replace").read() if os.path.exists(log) else ""

    def sensor_log(self, tenant):
        """What the tenant's lab agents said about their sensors (lines starting with `monitor:`)."""
        lines = []
        for log in self.logs.get(tenant, []):
            if os.path.exists(log):
                lines += [line for line in open(log, errors="replace") if line.startswith("monitor:")]
        return lines

    def enforces(self, pid, signature):
        """Whether the machine's kernel holds a string match for the signature (its agent applied the rule)."""
        return signature in self.inside(pid, "iptables", "-S", "HERD-SIG", check=False)

    def close(self):
        namespaces = lab_namespaces(p.pid for p in self.processes)
        for process in reversed(self.processes):
            if process.poll() is None:
                process.kill()
        # conntrack and tcpdump, started by the agents through nsenter, live on in the machines' namespaces
        kill_inside(namespaces)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.remove(self.pids_file)
        except OSError:
            pass


def lab_namespaces(pids):
    """The network namespaces (as /proc/PID/ns/net names them) of these processes, other than this process's own."""
    own, found = os.readlink("/proc/self/ns/net"), set()
    for pid in pids:
        try:
            namespace = os.readlink("/proc/%d/ns/net" % pid)
        except OSError:
            continue
        if namespace != own:
            found.add(namespace)
    return found


def kill_inside(namespaces):
    """Kills every process still inside one of these network namespaces (never one of any other namespace)."""
    if not namespaces:
        return
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.readlink("/proc/%s/ns/net" % entry) in namespaces:
                os.kill(int(entry), 9)
        except OSError:
            pass
