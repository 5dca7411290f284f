"""The law as data: loading, checking and querying the rule files in rules/."""
