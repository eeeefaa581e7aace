"""The demo's site lab: real network namespaces behind the site router of ./herd up.

The router namespace (HERD_SITE_ROUTER_PID) is where the tenant gateway's isolating device applies its rules. The lab
adds, each in a namespace of its own held by `unshare -n sleep`, an attacker and machines with the addresses the demo's
machines report, each linked to the router by a veth pair (a /32 route and proxy ARP on the router's side), each
serving HTTP on tcp/443. Real customer agents, enrolled for the other tenants, apply their tenant's rule bundles inside
their machine's namespace (`--nft` and `--iptables` through nsenter). Requests go only between these namespaces; every
loop is bounded. close() removes everything; ./herd down removes what a killed demo left (HERD_RUN/lab.pids).
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
        self.processes, self.links, self.scanners = [], 0, set()
        self.pids_file = os.path.join(run_dir, "lab.pids")
        self.home = os.path.join(run_dir, "lab")
        shutil.rmtree(self.home, ignore_errors=True)
        os.makedirs(self.home)
        self.inside(self.router, "sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=0")
        self.attacker = self.machine(ATTACKER, serve=False)

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

    def agent(self, tenant, pid, token, scan=None):
        """A real customer agent for the tenant, applying its bundles in the machine's namespace; with scan, a folder
        it scans with ClamAV for the hashes learnt bad at any tenant."""
        root = os.path.join(self.home, tenant, "root")
        state = os.path.join(self.home, tenant, "state")
        for folder in ("etc", "var/lib/dpkg", "proc/sys/kernel"):
            os.makedirs(os.path.join(root, folder), exist_ok=True)
        with open(os.path.join(root, "etc/os-release"), "w") as f:
            f.write('ID=debian\nVERSION_ID="12"\nNAME="Debian GNU/Linux"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'
                    "VERSION_CODENAME=bookworm\n")
        for name in ("etc/hostname", "proc/sys/kernel/hostname"):
            with open(os.path.join(root, name), "w") as f:
                f.write("%s-lab\n" % tenant)
        open(os.path.join(root, "var/lib/dpkg/status"), "w").close()
        java = ["java", "-Xmx64m", "-XX:+UseSerialGC", "-jar", self.agent_jar]
        if scan:
            self.scanners.add(tenant)
        run(*java, "enrol", "--gateway", self.gateway_url, "--token", token, "--state-dir", state, "--root", root)
        namespace = "nsenter,-t,%s,-n," % pid
        self.start(java + ["run", "--gateway", self.gateway_url, "--state-dir", state, "--root", root,
                           "--apply", "auto", "--nft", namespace + "nft", "--iptables", namespace + "iptables",
                           "--poll-wait", "20", "--interval", "10"]
                   + (["--scan", scan, "--scan-interval", "2"] if scan else []),
                   log=os.path.join(self.home, tenant, "agent.log"))
        with open(os.path.join(state, "credential.json")) as f:
            return json.load(f)["agentId"]

    def wait_running(self, tenant, seconds=60):
        """Waits until the tenant's lab agent has delivered its first report: enrolled, running, polling for bundles."""
        log = os.path.join(self.home, tenant, "agent.log")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if os.path.exists(log) and "delivered 1 report(s)" in open(log, errors="replace").read():
                return
            time.sleep(0.2)
        raise LabError("the lab agent of %s delivered no report within %d s (see %s)" % (tenant, seconds, log))

    def scanning(self, tenant):
        """Whether the tenant's lab agent scans its share with ClamAV."""
        return tenant in self.scanners

    def share(self, tenant):
        """The folder the tenant's lab agent scans (made on first use)."""
        folder = os.path.join(self.home, tenant, "share")
        os.makedirs(folder, exist_ok=True)
        return folder

    def scan_log(self, tenant):
        """What the tenant's lab agent's ClamAV scans found, as ClamAV logs it."""
        log = os.path.join(self.home, tenant, "state", "clamav", "scan.log")
        return open(log, errors="replace").read() if os.path.exists(log) else ""

    def enforces(self, pid, signature):
        """Whether the machine's kernel holds a string match for the signature (its agent applied the rule)."""
        return signature in self.inside(pid, "iptables", "-S", "HERD-SIG", check=False)

    def close(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.kill()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.remove(self.pids_file)
        except OSError:
            pass
