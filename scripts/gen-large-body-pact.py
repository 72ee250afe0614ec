#!/usr/bin/env python3
"""Writes a V4 pact with one interaction, POST /orders with a JSON body of orders and type, regex, eachLike (min),
date-time and integer rules (the shape of `pactkit-bench foundation`'s 1 MB body), and an actual body of about BYTES
bytes (default 1,000,000) that satisfies it, for the large-body benchmark of `pactkit mock`.

usage: gen-large-body-pact.py PACT.json BODY.json [BYTES]
"""
import json
import sys


def order(i):
    return {
        "id": 100_000 + i,
        "reference": f"ORD-{i:08d}",
        "email": f"customer{i}@example.com",
        "total": (i % 1000) + 0.25,
        "paid": i % 2 == 0,
        "created": f"2026-11-{i % 28 + 1:02d}T10:15:30",
        "lines": [{"sku": f"SKU-{i}-{line}", "quantity": line + 1, "price": 9.99} for line in range(3)],
    }


def rule(*matchers):
    return {"combine": "AND", "matchers": list(matchers)}


def main():
    pact_path, body_path = sys.argv[1], sys.argv[2]
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    orders, size = [], 0
    while size < target:
        o = order(len(orders))
        size += len(json.dumps(o, separators=(",", ":"))) + 1
        orders.append(o)
    actual = {"orders": orders, "count": len(orders)}
    pact = {
        "consumer": {"name": "large-body-consumer"},
        "provider": {"name": "large-body-provider"},
        "interactions": [{
            "type": "Synchronous/HTTP",
            "description": "a large order upload",
            "request": {
                "method": "POST", "path": "/orders",
                "headers": {"Content-Type": ["application/json"]},
                "body": {"content": {"orders": [order(0)], "count": 1}, "contentType": "application/json",
                         "encoded": False},
                "matchingRules": {"body": {
                    "$.orders": rule({"match": "type", "min": 1}),
                    "$.orders[*].*": rule({"match": "type"}),
                    "$.orders[*].reference": rule({"match": "regex", "regex": r"ORD-\d{8}"}),
                    "$.orders[*].email": rule({"match": "regex", "regex": r"[^@]+@[a-z.]+"}),
                    "$.orders[*].created": rule({"match": "datetime", "format": "yyyy-MM-dd'T'HH:mm:ss"}),
                    "$.orders[*].lines": rule({"match": "type", "min": 1}),
                    "$.orders[*].lines[*].*": rule({"match": "type"}),
                    "$.count": rule({"match": "integer"}),
                }},
            },
            "response": {"status": 201, "headers": {"Content-Type": ["application/json"]},
                         "body": {"content": {"accepted": True}, "contentType": "application/json",
                                  "encoded": False}},
        }],
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }
    with open(pact_path, "w") as f:
        json.dump(pact, f, indent=2)
    with open(body_path, "w") as f:
        json.dump(actual, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
