#!/usr/bin/env python3
"""Derives an N-record OSV batch from the Debian 12 advisories: copies of the real records under new ids and CVEs
(one fresh vulnerability each, so every record makes its own advisory). Usage: derive_osv_batch.py SOURCE N RUN_ID"""
import json
import sys

source, count, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
records = json.load(open(source))
batch = []
for i in range(count):
    record = dict(records[i % len(records)])
    cve = "CVE-9%03d-%07d" % (int(run) % 1000, i)
    record["id"] = "DEBIAN-%s-%s" % (cve, record["affected"][0]["package"]["name"])
    record["aliases"] = [cve]
    batch.append(record)
json.dump(batch, sys.stdout)
