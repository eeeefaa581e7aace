#!/usr/bin/env python3
"""The images of ./herd bench platform, from the Debian 12 sample data.

usage: sample_images.py FLEET_FILE TRUTH_FILE OUT_DIR

Writes OUT_DIR/image-N.json for each of the sample machines: its first report (sequence 1, FULL) as an agent sends
it, with @HOSTNAME@ and @ADDRESS@ where each copy puts its own name and address. Writes OUT_DIR/images.tsv, one line
per image: N, the sample machine's name, the findings debian12-dev-truth.json expects for it. Prints the source
package the bench's extra advisory names: one every image has at exactly one version.
"""
import collections
import json
import os
import sys


def report(entry):
    packages = [{"name": p["name"], "version": p["version"], "architecture": p.get("arch"),
                 "sourceName": p.get("source") or p["name"],
                 "sourceVersion": p.get("sourceVersion") or p["version"]} for p in entry["packages"]]
    arches = collections.Counter(p["architecture"] for p in packages if p["architecture"] not in (None, "all"))
    os_part = {"id": entry["os"]["id"], "versionId": entry["os"].get("versionId"),
               "architecture": arches.most_common(1)[0][0] if arches else "amd64", "hostname": "@HOSTNAME@"}
    return {"sequence": 1, "kind": "FULL",
            "report": {"hostname": "@HOSTNAME@", "os": os_part, "packages": packages,
                       "interfaces": [{"name": "eth0", "ipv4": ["@ADDRESS@"], "ipv6": []}]}}


def main(fleet_file, truth_file, out):
    fleet = json.load(open(fleet_file))
    expected = collections.Counter(t["machine"] for t in json.load(open(truth_file)))
    os.makedirs(out, exist_ok=True)
    versions_everywhere = None
    with open(os.path.join(out, "images.tsv"), "w") as index:
        for n, entry in enumerate(fleet):
            with open(os.path.join(out, "image-%d.json" % n), "w") as f:
                json.dump(report(entry), f, separators=(",", ":"))
            index.write("%d\t%s\t%d\n" % (n, entry["machine"], expected[entry["machine"]]))
            versions = collections.defaultdict(set)
            for p in entry["packages"]:
                versions[p.get("source") or p["name"]].add(p.get("sourceVersion") or p["version"])
            single = {name for name, v in versions.items() if len(v) == 1}
            versions_everywhere = single if versions_everywhere is None else versions_everywhere & single
    # Prefer a package every Debian machine has; any common one will do.
    for name in ("base-files", "debianutils", "tar", "sed"):
        if name in versions_everywhere:
            print(name)
            return
    print(sorted(versions_everywhere)[0])


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
