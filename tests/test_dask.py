"""Scale-out on Dask: parse_record over a dask.bag, parse_frame over a dask.dataframe, on a LocalCluster of processes.

Needs the optional extra ``articlekit[dask]``; skipped without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import articlekit

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

PAGES = [
    "JAKARTA, KOMPAS.com - Warga memanen padi, Senin (2/9/2024).\nBaca juga: Panen Raya Dimulai\nHasilnya bagus.\n",
    "Suara.com - Pemerintah kota membuka taman baca baru.\nWarga senang.\n",
    "BANDUNG - Hujan deras membuat jalan tergenang.\nPetugas menyedot air.",
    "Paragraf biasa tanpa dateline.",
]
RECORDS = [{"id": i, "text": f"{PAGES[i % 4]}\nNomor {i}."} for i in range(24)]
RECORDS[5] = {"id": 5, "text": None}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       memory_limit="1GiB", silence_logs=40)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def test_bag_map_parse_record(client: Any) -> None:
    bag = db.from_sequence(RECORDS, npartitions=4)
    got = bag.map(articlekit.parse_record, id_field="id").compute()
    assert got == [articlekit.parse_record(r, id_field="id") for r in RECORDS]
    assert [r["id"] for r in got] == list(range(24))
    assert got[5]["error"] == "text field 'text' is null"
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes


def test_dataframe_map_partitions_parse_frame(client: Any) -> None:
    frame = pd.DataFrame(RECORDS)
    ddf = dd.from_pandas(frame, npartitions=3)
    meta = articlekit.parse_frame(frame.iloc[:0], id_field="id")
    out = ddf.map_partitions(articlekit.parse_frame, id_field="id", meta=meta).compute()
    expected = articlekit.parse_frame(frame, id_field="id")
    assert list(out.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(out, expected, check_dtype=False)
    assert out.loc[2, "place"] == "Bandung"
