"""Prometheus metrics for `alerts run`, served only when `metrics.listen` is set.

prometheus-client is imported here alone, and only when metrics are wanted, so a daemon
without them pays neither its import time nor its memory. Values are updated from the
event loop; the exporter's own thread only reads them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from alerts.models import Feed, PollResult

if TYPE_CHECKING:
    from alerts.deliver import DeliveryReport

log = logging.getLogger(__name__)


class Metrics:
    """Counters and gauges about polling, matching and delivery."""

    def __init__(self) -> None:
        from prometheus_client import CollectorRegistry, Counter, Gauge

        self.registry = CollectorRegistry()
        self.polls = Counter("alerts_polls", "Polls by feed and outcome (new, not-modified, "
                             "unchanged, error, backoff, postponed, waiting, disabled).",
                             ["feed", "outcome"], registry=self.registry)
        self.items = Counter("alerts_items_new", "New items recorded, by feed.", ["feed"],
                             registry=self.registry)
        self.matches = Counter("alerts_rule_matches", "Items that matched a rule, by rule.",
                               ["rule"], registry=self.registry)
        self.queued = Counter("alerts_alerts_queued", "Messages queued for delivery.",
                              registry=self.registry)
        self.deliveries = Counter("alerts_deliveries", "Delivery attempts by result (sent, "
                                  "retrying, dead).", ["result"], registry=self.registry)
        self.last_success = Gauge("alerts_feed_last_success_timestamp_seconds",
                                  "When the feed was last polled successfully (Unix time).",
                                  ["feed"], registry=self.registry)
        self.failures = Gauge("alerts_feed_consecutive_failures",
                              "Failed polls in a row; 0 when the last poll worked.", ["feed"],
                              registry=self.registry)
        self.outbox = Gauge("alerts_outbox_messages", "Messages in the outbox by status.",
                            ["status"], registry=self.registry)
        self.rules = Gauge("alerts_rules_loaded", "Rules in the set in use.",
                           registry=self.registry)
        self._server: Any = None

    def serve(self, listen: str) -> bool:
        """Start the exporter; on failure say why and go on without it (alerts matter more)."""
        from prometheus_client import start_http_server

        host, _, port = listen.rpartition(":")
        try:
            server, _thread = start_http_server(int(port), addr=host.strip("[]") or "0.0.0.0",
                                                registry=self.registry)
        except OSError as exc:
            log.error("metrics are not served: cannot listen on %s (%s); choose a free address "
                      "in metrics.listen and restart. Polling goes on.", listen, exc.strerror)
            return False
        self._server = server
        log.info("metrics served at http://%s/metrics", listen)
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def polled(self, feed: Feed, result: PollResult, success: bool, now: float) -> None:
        self.polls.labels(feed.name, result.status).inc()
        if result.new_items:
            self.items.labels(feed.name).inc(result.new_items)
        for rule_id in result.matched_rules:
            self.matches.labels(rule_id).inc()
        if result.alerts_queued:
            self.queued.inc(result.alerts_queued)
        if success:
            self.last_success.labels(feed.name).set(now)
            self.failures.labels(feed.name).set(0)
        elif result.status == "error":
            self.failures.labels(feed.name).inc()

    def failed(self, feed: Feed, outcome: str) -> None:
        """A poll that ended without a result: abandoned at its deadline, or crashed."""
        self.polls.labels(feed.name, outcome).inc()
        self.failures.labels(feed.name).inc()

    def delivered(self, report: DeliveryReport, outbox: dict[str, int]) -> None:
        for result, count in (("sent", report.sent), ("retrying", report.retrying),
                              ("dead", report.dead)):
            if count:
                self.deliveries.labels(result).inc(count)
        # The usual statuses always appear (0 when the outbox has none), and any other too.
        for status in {"pending", "sent", "dead", "digested"} | set(outbox):
            self.outbox.labels(status).set(outbox.get(status, 0))
