"""Prints a SARIF log's invocations[0]: executionSuccessful, then one line per
toolExecutionNotification ("level [rule]: text")."""
import json
import sys

inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
print("executionSuccessful:", inv["executionSuccessful"])
for n in inv.get("toolExecutionNotifications", []):
    rule = n.get("associatedRule", {}).get("id")
    print("%s%s: %s" % (n["level"], " [%s]" % rule if rule else "", n["message"]["text"]))
