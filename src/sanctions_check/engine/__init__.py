"""Rule evaluation: conditions as data, compiled to durable-rules, checked by a reference evaluator."""
