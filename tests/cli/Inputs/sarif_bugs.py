# Counts a SARIF log's results and its distinct bugs: results that share a
# correlationGuid (an SDV rule and its per-handle twin) are one bug.
import json
import sys

results = json.load(open(sys.argv[1]))["runs"][0]["results"]
bugs = {r.get("correlationGuid") or "result-%d" % i for i, r in enumerate(results)}
print("results", len(results), "bugs", len(bugs))
