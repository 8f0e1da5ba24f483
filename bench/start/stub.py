#!/usr/bin/env python3
"""Stand-in for the services' neighbours in a start-time measurement (bench/start/run.sh): answers Elasticsearch's
cluster health (search-service's readiness), a readiness probe and an empty OpenAPI document (the gateway's upstreams).
It makes "ready" depend only on the measured JVM's own start work, not on a neighbour's."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HEALTH = {"cluster_name": "stub", "status": "green", "timed_out": False, "number_of_nodes": 1,
          "number_of_data_nodes": 1, "active_primary_shards": 0, "active_shards": 0, "relocating_shards": 0,
          "initializing_shards": 0, "unassigned_shards": 0, "unassigned_primary_shards": 0,
          "delayed_unassigned_shards": 0, "number_of_pending_tasks": 0, "number_of_in_flight_fetch": 0,
          "task_max_waiting_in_queue_millis": 0, "active_shards_percent_as_number": 100.0}
OPENAPI = {"openapi": "3.1.0", "info": {"title": "stub", "version": "1"}, "paths": {}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith("/_cluster/health"):
            self.answer(HEALTH)
        elif self.path.startswith("/q/openapi"):
            self.answer(OPENAPI)
        elif self.path.startswith("/certs"):
            self.answer({"keys": []})  # the realm's JWKS, fetched by quarkus-oidc at start
        else:
            self.answer({"status": "UP", "checks": []})

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a JVM stopped mid-connection: nothing to report


Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
