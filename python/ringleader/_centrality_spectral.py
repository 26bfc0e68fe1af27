"""spectral centrality measures (re-exported by ringleader.centrality)."""
__all__: list = []
