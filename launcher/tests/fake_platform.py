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
            # the portal's SBOM intake (docs/sbom.md): a JSON object is stored, anything else is a 400 problem
            parts = path.split("/")
            try:
                document = json.loads(body)
            except ValueError:
                document = None
            if not isinstance(document, dict):
                return self.answer(400, {"title": "Bad Request", "status": 400, "code": "sbom-not-json",
                                         "detail": "The body is not a JSON document: expected one JSON object."},
                                   "application/problem+json")
            log.write("sbom %s %s %s %s\n" % (parts[3], parts[4], parts[5], self.headers.get("Content-Type")))
            subject = {"machine": parts[5]} if parts[4] == "machines" else {"application": parts[5]}
            return self.answer(201, {"id": "00000000-0000-0000-0000-000000000001", "tenant": parts[3], **subject,
                                     "format": "CYCLONEDX", "components": len(document.get("components", [])),
                                     "skipped": 0, "openFindings": 0})
        return self.answer(404, {"title": "Not Found"})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write("%d\n" % server.server_address[1])
server.serve_forever()
