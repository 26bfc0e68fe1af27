"""Network-level statistics: density, reciprocity, clustering, centralization, assortativity, distances."""
__all__: list = []
