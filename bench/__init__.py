"""Benchmarks of faits: scripts that print figures (speed, memory, accuracy on third-party suites)."""
