"""Benchmark: the dashboard measured side by side on shipped, x10 and x100 data (synthetic, generated, never in data/)."""
