#!/usr/bin/env python3
"""A stand-in for Keycloak, the gateway, the hub and the portal, for the launcher's tests: just enough of their HTTP
APIs for `./herd fleet import`, `./herd advisories import` and `./herd sbom import`, with access tokens that expire
after EXPIRY seconds.

usage: fake_platform.py PORT_FILE EXPIRY LOG   (writes its port to PORT_FILE; one line per request to LOG)
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.etree import ElementTree

EXPIRY = float(sys.argv[2])
issued = {}
lock = threading.Lock()
log = open(sys.argv[3], "a", buffering=1)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body, kind="application/json"):
        data = body.encode() if isinstance(body, str) else json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def signed_in(self):
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        with lock:
            at = issued.get(token)
        return at is not None and time.monotonic() - at < EXPIRY

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = self.path.split("?")[0]
        if path.endswith("/protocol/openid-connect/token"):
            with lock:
                token = "token-%d" % (len(issued) + 1)
                issued[token] = time.monotonic()
            log.write("login %s\n" % token)
            return self.answer(200, {"access_token": token, "expires_in": EXPIRY})
        if path == "/agent/enrol":
            return self.answer(201, {"agentId": "agent-1", "credential": "agent-1:secret"})
        if path == "/agent/reports":
            time.sleep(0.05)
            return self.answer(200, {"status": "accepted", "sequence": 1})
        if not self.signed_in():
            log.write("401 %s\n" % path)
            return self.answer(401, {"title": "Unauthorized"})
        log.write("200 %s\n" % path)
        if path == "/api/enrolment-tokens":
            return self.answer(201, {"token": "enrolment"})
        if path == "/api/advisories":
            time.sleep(0.2)
            documents = json.loads(body)
            documents = documents if isinstance(documents, list) else [documents]
            lines = "".join(json.dumps({"index": i, "status": "accepted", "id": d.get("id"), "errors": [],
                                        "warnings": []}, separators=(",", ":")) + "\n" for i, d in enumerate(documents))
            return self.answer(200, lines, "application/x-ndjson")
        if path.startswith("/api/tenants/") and path.endswith("/sboms"):
            # the portal's SBOM intake (docs/sbom.md), by Content-Type: a JSON object, a CycloneDX XML bom or SPDX
            # tag-value beginning with SPDXVersion is stored; anything else is a 400 problem
            parts = path.split("/")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            stored = sbom_of(kind, body)
            if isinstance(stored, str):
                return self.answer(400, {"title": "Bad Request", "status": 400, "code": stored.split(":")[0],
                                         "detail": stored.split(": ", 1)[1]}, "application/problem+json")
            log.write("sbom %s %s %s %s\n" % (parts[3], parts[4], parts[5], self.headers.get("Content-Type")))
            subject = {"machine": parts[5]} if parts[4] == "machines" else {"application": parts[5]}
            return self.answer(201, {"id": "00000000-0000-0000-0000-000000000001", "tenant": parts[3], **subject,
                                     **stored, "skipped": 0, "openFindings": 0})
        return self.answer(404, {"title": "Not Found"})


def sbom_of(kind, body):
    """The stored SBOM's format and component count, or 'code: detail' of the problem the portal would answer."""
    if kind.endswith("xml"):
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError as e:
            return "sbom-not-xml: The body is not a well-formed XML document: %s" % e
        if not root.tag.startswith("{http://cyclonedx.org/schema/bom/"):
            return "sbom-format-unknown: The XML document is not a CycloneDX BOM: its root element is %s" % root.tag
        namespace = root.tag[1:root.tag.index("}")]
        return {"format": "CYCLONEDX", "components": len(root.findall("{%s}components/{%s}component"
                                                                       % (namespace, namespace)))}
    if kind == "text/spdx":
        lines = [l.strip() for l in body.decode("utf-8", "replace").splitlines()]
        tags = [l for l in lines if l and not l.startswith("#")]
        if not tags or not tags[0].startswith("SPDXVersion:"):
            return "sbom-not-tag-value: The body is not an SPDX tag-value document: line 1: expected 'Tag: value'"
        return {"format": "SPDX", "components": sum(1 for l in tags if l.startswith("PackageName:"))}
    try:
        document = json.loads(body)
    except ValueError:
        document = None
    if not isinstance(document, dict):
        return "sbom-not-json: The body is not a JSON document: expected one JSON object."
    return {"format": "CYCLONEDX" if "bomFormat" in document else "SPDX",
            "components": len(document.get("components", document.get("packages", [])))}


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write("%d\n" % server.server_address[1])
server.serve_forever()
