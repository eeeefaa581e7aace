#!/usr/bin/env python3
"""Real Debian version pairs for the version-order benchmark and checks.

Reads `package version` from this machine's apt lists (apt-helper cat-file /var/lib/apt/lists/*_Packages*) and the
installed packages (dpkg-query); falls back to the vendored list provider-portal/src/test/resources/versions/
debian-versions.txt when neither is there. Deterministic for a seed.

  version_pairs.py N [SEED]          prints N lines "A B": a mix of the same package's versions, versions close in
                                     sort order (shared prefixes: epochs, ~ and +debNuM tails), and random pairs
  version_pairs.py --vendor N [SEED] prints N "package version" lines for the vendored list
"""
import glob
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VENDORED = os.path.join(HERE, "..", "..", "provider-portal", "src", "test", "resources", "versions",
                        "debian-versions.txt")


def apt_versions():
    """(package, version) from the apt lists and dpkg-query; empty when neither is available."""
    found = []
    lists = sorted(glob.glob("/var/lib/apt/lists/*_Packages*"))
    if lists and os.access("/usr/lib/apt/apt-helper", os.X_OK):
        text = subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", *lists], capture_output=True, text=True,
                              check=False).stdout
        package = None
        for line in text.splitlines():
            if line.startswith("Package: "):
                package = line[9:].strip()
            elif line.startswith("Version: ") and package:
                found.append((package, line[9:].strip()))
    try:
        text = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\n"], capture_output=True, text=True,
                              check=False).stdout
        found += [tuple(line.split(" ", 1)) for line in text.splitlines() if " " in line and line.split(" ", 1)[1]]
    except FileNotFoundError:
        pass
    return sorted(set(found))


def vendored_versions():
    with open(VENDORED) as file:
        return [tuple(line.split()) for line in file if line.strip() and not line.startswith("#")]


def versions():
    return apt_versions() or vendored_versions()


def by_package(rows):
    groups = {}
    for package, version in rows:
        groups.setdefault(package, set()).add(version)
    return {package: sorted(vs) for package, vs in groups.items()}


def pairs(rows, count, seed):
    rng = random.Random(seed)
    groups = [vs for vs in by_package(rows).values() if len(vs) > 1]
    distinct = sorted({version for _, version in rows})
    special = [v for v in distinct if ":" in v or "~" in v or "+deb" in v or "+b" in v]
    out = []
    while len(out) < count:
        kind = len(out) % 5
        if kind == 0 and groups:
            a, b = rng.sample(rng.choice(groups), 2)
        elif kind == 1:
            # neighbours in text order share a prefix, so the comparison is decided late
            at = rng.randrange(len(distinct) - 1)
            a, b = distinct[at], distinct[at + 1]
        elif kind == 2 and special:
            a = rng.choice(special)
            at = distinct.index(a)
            b = distinct[min(len(distinct) - 1, max(0, at + rng.randint(-3, 3)))]
        elif kind == 3 and rng.random() < 0.1:
            a = b = rng.choice(distinct)
        else:
            a, b = rng.choice(distinct), rng.choice(distinct)
        out.append((a, b) if rng.random() < 0.5 else (b, a))
    return out


def vendor(rows, count, seed):
    """A sample that keeps whole version families of some packages, plus epochs, tildes and +debNuM."""
    rng = random.Random(seed)
    groups = by_package(rows)
    multi = sorted(p for p, vs in groups.items() if len(vs) > 1)
    chosen = []
    for package in rng.sample(multi, min(len(multi), 1000)):
        chosen += [(package, v) for v in groups[package]]
    rest = [row for row in rows if row[0] not in set(multi)]
    special = [row for row in rest if ":" in row[1] or "~" in row[1] or "+deb" in row[1]]
    chosen += rng.sample(special, min(len(special), max(0, (count - len(chosen)) // 2)))
    chosen += rng.sample(rest, max(0, count - len(chosen)))
    return sorted(set(chosen))[:count]


def main(argv):
    if argv and argv[0] == "--vendor":
        count, seed = int(argv[1]), int(argv[2]) if len(argv) > 2 else 12
        rows = apt_versions()
        if not rows:
            sys.exit("no apt lists here to vendor from")
        print("# package version: real Debian 12 versions from the apt lists (bench/diagnosis/version_pairs.py"
              " --vendor %d %d)" % (count, seed))
        for package, version in vendor(rows, count, seed):
            print(package, version)
        return
    if not argv:
        sys.exit(__doc__)
    count, seed = int(argv[0]), int(argv[1]) if len(argv) > 1 else 12
    for a, b in pairs(versions(), count, seed):
        print(a, b)


if __name__ == "__main__":
    main(sys.argv[1:])
