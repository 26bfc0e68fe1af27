"""The ``networkx.backend_info`` entry point of the "ringleader" backend.

networkx calls :func:`get_info` when it is imported, so this module imports
nothing heavy (not ringleader's compiled core, not networkx).
"""
from __future__ import annotations

# name -> (what is accelerated, parameters networkx runs itself)
FUNCTIONS = {
    "degree_centrality": ("C++ degree count", ""),
    "in_degree_centrality": ("C++ degree count", ""),
    "out_degree_centrality": ("C++ degree count", ""),
    "betweenness_centrality": ("parallel Brandes (BFS or Dijkstra); with k, networkx's own sample of sources "
                               "and rescaling", "callable or negative weights"),
    "edge_betweenness_centrality": ("parallel Brandes (BFS or Dijkstra)",
                                    "multigraphs, callable or negative weights"),
    "closeness_centrality": ("parallel BFS or Dijkstra from every node", "callable or negative distances"),
    "harmonic_centrality": ("parallel BFS or Dijkstra from every node",
                            "``sources``, callable or negative distances"),
    "eigenvector_centrality": ("parallel power iteration", "multigraphs, callable weights, an all-zero ``nstart``"),
    "eigenvector_centrality_numpy": ("parallel power iteration to 1e-13", "callable weights, "
                                     "disconnected graphs (networkx raises), no convergence in 100,000 steps, "
                                     "``max_iter`` below 50"),
    "katz_centrality": ("parallel power iteration", "multigraphs, callable weights, ``beta`` dicts missing nodes"),
    "katz_centrality_numpy": ("parallel power iteration to 1e-14", "callable weights, "
                              "no convergence (alpha at or above 1 / largest eigenvalue)"),
    "pagerank": ("parallel power iteration", "callable or negative weights, vectors summing to 0"),
    "hits": ("dense eigen-solver (<= 500 nodes) or power iteration",
             "``normalized=False``, ``max_iter`` between 1 and 99 (ARPACK's own convergence decides)"),
    "core_number": ("parallel level-synchronous peeling", "graphs with self-loops (networkx raises)"),
    "global_reaching_centrality": ("parallel BFS from every node", "``weight``, fewer than 2 nodes or no edges "
                                   "(networkx raises)"),
    "connected_components": ("union-find / BFS in C++", ""),
    "number_connected_components": ("union-find / BFS in C++", ""),
    "strongly_connected_components": ("Tarjan in C++", ""),
    "weakly_connected_components": ("union-find / BFS in C++", ""),
    "louvain_communities": ("parallel Louvain; different valid partitions than networkx for a seed",
                           "``max_level`` <= 0 (networkx raises)"),
    "louvain_partitions": ("parallel Louvain levels; networkx's threshold rule", ""),
    "leiden_communities": ("ringleader's Leiden (networkx has no implementation of its own); level i is "
                           "the partition after i Leiden iterations", "directed graphs (networkx raises)"),
    "leiden_partitions": ("ringleader's Leiden, the partition after each iteration", "directed graphs"),
    "label_propagation_communities": ("the same semi-synchronous algorithm in C++ (deterministic)", ""),
    "modularity": ("C++", "callable weights, communities that are not a partition (networkx raises)"),
    "constraint": ("C++ (Burt's formula)", "multigraphs, callable weights, every node (nodes=None) of a "
                   "directed graph with nodes that only receive ties, nodes whose only tie is a self-loop"),
    "effective_size": ("C++ (Burt / Borgatti formula)", "multigraphs, callable weights, every node (nodes=None) of "
                       "a directed or weighted graph, nodes whose only tie is a self-loop"),
    "maximum_flow_value": ("Boykov-Kolmogorov max flow (Boost.Graph) on integer capacities",
                           "non-integer capacities, ``flow_func`` other than networkx's own, "
                           "keywords other than ``residual``, "
                           "multigraphs"),
    "minimum_cut": ("Boykov-Kolmogorov max flow (Boost.Graph) on integer capacities",
                    "non-integer capacities, ``flow_func`` other than networkx's own, "
                    "keywords other than ``residual``, multigraphs"),
}


def get_info():
    """Metadata networkx shows in the docs of dispatched functions."""
    return {
        "backend_name": "ringleader",
        "project": "ringleader",
        "package": "ringleader",
        "url": "https://github.com/ringleader/ringleader",
        "short_summary": "Parallel C++ kernels (OpenMP) for centrality, components, communities, "
                         "structural holes and flows.",
        "functions": {
            name: {"additional_docs": f"Accelerated: {what}." + (f" networkx runs it itself for: {declined}."
                                                                  if declined else "")}
            for name, (what, declined) in FUNCTIONS.items()
        },
    }
