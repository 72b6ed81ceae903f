"""Label Studio: the labelling interface faits ships, its tasks out, and gold back in.

- :func:`config_text`: the interface (``config.xml``) to paste into a project;
- :func:`tasks_from_facts`: articles with the pipeline's facts as predictions (``faits export -f labelstudio``);
- :func:`tasks_from_gold`: gold lines as annotations (to revise a gold file in Label Studio);
- :func:`read_export`, :func:`gold_lines`, :func:`write_gold`: a JSON export back into SPEC gold
  (``faits gold import``);
- :func:`check_tasks`: what in tasks does not fit the interface.

Tasks are plain JSON: no Label Studio package is needed.
"""

from __future__ import annotations

from .gold import gold_lines, read_export, write_gold
from .interface import check_tasks, config_text
from .tasks import tasks_from_facts, tasks_from_gold

__all__ = [
    "check_tasks", "config_text", "gold_lines", "read_export", "tasks_from_facts", "tasks_from_gold", "write_gold",
]
