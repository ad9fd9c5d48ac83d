"""
The data in the formats other programs read.

Each export is one function, and each works on any `Corpus` (the bundled
one, `secretspeech.corpus()`, or your own), reading the one schema, so a
field added to a record type appears in every format:

- tables: `to_csv` (a CSV file per collection), `to_frame` and
  `to_frames` (pandas DataFrames), `to_parquet` (a Parquet file per
  collection, for DuckDB, polars or Spark);
- linked data: `to_jsonld` (schema.org types, evidence as W3C Web
  Annotation selectors), `to_annotations` (W3C Web Annotations, for
  annotation tools);
- a timeline: `to_timelinejs` (TimelineJS3 JSON);
- a graph: `to_graph` (a networkx graph) and `to_graphml` (GraphML).

The functions that write files write each whole or not at all, and refuse
to replace a file unless asked with ``overwrite=True``.  Those that need a
library of their own import it when called, never on ``import
secretspeech``: pandas, pyarrow and networkx, which the extras
``pandas``, ``parquet`` and ``graph`` install (from the checkout:
``python -m pip install ".[pandas,parquet,graph]"``).

`secretspeech.as_dict` and `secretspeech.from_dict` give and read plain
JSON data; `secretspeech.json_schema` describes the corpus document.

>>> import secretspeech as ss
>>> from secretspeech import formats
>>> timeline = formats.to_timelinejs(ss.corpus())
>>> len(timeline["events"]) > 20
True
"""

from __future__ import annotations

from secretspeech._linked import (
    to_annotations,
    to_graph,
    to_graphml,
    to_jsonld,
    to_timelinejs,
)
from secretspeech._tables import to_csv, to_frame, to_frames, to_parquet


__all__ = [
    "to_annotations",
    "to_csv",
    "to_frame",
    "to_frames",
    "to_graph",
    "to_graphml",
    "to_jsonld",
    "to_parquet",
    "to_timelinejs",
]
