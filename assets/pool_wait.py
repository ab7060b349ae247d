"""A step waiting for a pool slot sleeps between its claims instead of spinning a CPU core.

Dagster 1.13's ``InstanceConcurrencyContext.interval_to_next_pending_claim_check`` returns
``min([0, *time_to_each_next_claim])``: never more than 0, so the executor's loop never sleeps while a step
waits for a slot. A ``chipwatch run`` waiting for the ``duckdb_writes`` slot that another run holds then
keeps a whole core busy for as long as it waits (up to ``--wait``, 300 s by default), on a machine whose
other run is the one it waits for. :func:`install` replaces that method with one that returns the time to
the next claim that is due, at most :data:`MAX_SLEEP_S` (a SIGTERM's interruption of the run's thread lands
when a sleep ends). When the next claim is due is unchanged: the claims are made exactly as before.
"""

from __future__ import annotations

import time

from dagster._core.execution.plan.instance_concurrency_context import InstanceConcurrencyContext

MAX_SLEEP_S = 0.5


def interval_to_next_pending_claim_check(self: InstanceConcurrencyContext) -> float:
    """Seconds until the first pending claim is due to be tried again (0 when one is due now)."""
    if not self._pending_claims or not self._pending_timeouts:
        return 0.0
    due = min(self._pending_timeouts.values()) - time.time()
    return max(0.0, min(MAX_SLEEP_S, due))


def install() -> None:
    """Use :func:`interval_to_next_pending_claim_check` in every run executed by this process."""
    InstanceConcurrencyContext.interval_to_next_pending_claim_check = interval_to_next_pending_claim_check
