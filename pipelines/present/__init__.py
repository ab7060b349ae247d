"""Presentation of the tracked figures: charts per claim and the standalone HTML report."""
