#!/usr/bin/python3
"""Parses Prometheus text exposition from standard input with the official client's parser
(Debian's python3-prometheus-client) and prints every sample as JSON: [{name, labels, value}].

Used by the Java tests to check /q/metrics is well formed and holds what was counted.
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    samples = []
    for family in text_string_to_metric_families(sys.stdin.read()):
        for s in family.samples:
            samples.append({"name": s.name, "labels": s.labels, "value": s.value})
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()
