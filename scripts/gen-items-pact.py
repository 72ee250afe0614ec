#!/usr/bin/env python3
"""Writes a V4 pact with N interactions for the `pactkit mock` benchmark: for each item k < N/2,
GET /items/{k} (given "item k exists") and POST /items/{k} with a JSON body and matching rules.

usage: gen-items-pact.py N OUTPUT.json
"""
import json
import sys


def interactions(count):
    for k in range(count // 2 + count % 2):
        yield {
            "type": "Synchronous/HTTP",
            "description": f"get item {k}",
            "providerStates": [{"name": f"item {k} exists", "params": {"id": k}}],
            "request": {"method": "GET", "path": f"/items/{k}",
                        "headers": {"Accept": ["application/json"]}},
            "response": {
                "status": 200,
                "headers": {"Content-Type": ["application/json"]},
                "body": {"content": {"id": k, "name": f"item {k}", "price": 9.99, "tags": ["a", "b"]},
                         "contentType": "application/json", "encoded": False},
                "matchingRules": {"body": {
                    "$.id": {"combine": "AND", "matchers": [{"match": "integer"}]},
                    "$.name": {"combine": "AND", "matchers": [{"match": "type"}]},
                    "$.tags": {"combine": "AND", "matchers": [{"match": "type", "min": 1}]}}},
            },
        }
        if 2 * k + 1 >= count:
            break
        yield {
            "type": "Synchronous/HTTP",
            "description": f"update item {k}",
            "providerStates": [{"name": f"item {k} exists", "params": {"id": k}}],
            "request": {
                "method": "POST", "path": f"/items/{k}",
                "headers": {"Content-Type": ["application/json"]},
                "body": {"content": {"name": f"item {k}", "quantity": 1, "tags": ["new"]},
                         "contentType": "application/json", "encoded": False},
                "matchingRules": {"body": {
                    "$.name": {"combine": "AND", "matchers": [{"match": "type"}]},
                    "$.quantity": {"combine": "AND", "matchers": [{"match": "integer"}]},
                    "$.tags": {"combine": "AND", "matchers": [{"match": "type", "min": 1}]}}},
            },
            "response": {
                "status": 201,
                "headers": {"Content-Type": ["application/json"]},
                "body": {"content": {"id": k, "status": "updated"},
                         "contentType": "application/json", "encoded": False},
            },
        }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count = int(sys.argv[1])
    pact = {
        "consumer": {"name": "bench-consumer"},
        "provider": {"name": "bench-provider"},
        "interactions": list(interactions(count)),
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }
    with open(sys.argv[2], "w") as out:
        json.dump(pact, out, indent=1)


if __name__ == "__main__":
    main()
