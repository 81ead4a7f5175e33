"""Corpus scale: chunked batch coding on a local process pool or a Dask cluster, resumable."""
