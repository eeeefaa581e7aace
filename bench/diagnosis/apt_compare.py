#!/usr/bin/python3
"""Times libapt's version comparison (python3-apt apt_pkg.version_compare) over a pairs file ("A B" per line).

Usage: /usr/bin/python3 apt_compare.py PAIRS_FILE [ROUNDS]   (the system python: it has python3-apt)
Prints the best round as `comparisons/s N` and `checksum C`, where C folds the signs of all comparisons exactly as
VersionOrderBenchmark does, so the two runs can be checked to agree.
"""
import sys
import time

import apt_pkg


def checksum(signs):
    c = 0
    for s in signs:
        c = (c * 31 + s + 1) % 1000000007
    return c


def main():
    path, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    apt_pkg.init_system()
    pairs = [line.split() for line in open(path) if line.strip()]
    left = [p[0] for p in pairs]
    right = [p[1] for p in pairs]
    compare = apt_pkg.version_compare
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        signs = [compare(a, b) for a, b in zip(left, right)]
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    signs = [(s > 0) - (s < 0) for s in signs]
    print("pairs %d" % len(pairs))
    print("comparisons/s %.0f" % (len(pairs) / best))
    print("checksum %d" % checksum(signs))


if __name__ == "__main__":
    main()
