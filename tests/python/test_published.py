"""Published values (and the values quoted in each dataset's SOURCE.md) that
rl.centrality / rl.stats must reproduce.

Each check cites where the number comes from.  "Published" means a paper or a
textbook; "SOURCE.md" means the computation recorded by whoever collected the
data in ../shared/data/raw/<dataset>/SOURCE.md (networkx defaults), kept here
because it pins conventions (directedness, collapse, normalisation) on real
criminal networks.  Values quoted to 3 decimals are checked to +-0.0005.

The datasets live in ../shared (skipped when absent, failing under CI via the
``shared_data`` fixture), except the classic graphs built from networkx.
"""
from __future__ import annotations

import pathlib
import sys

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "fixtures"))
import refcommon  # noqa: E402

Q = 5e-4   # half a unit in the third decimal


def measure(module: str, name: str):
    fn = getattr(getattr(rl, module), name, None)
    if fn is None:
        pytest.skip(f"rl.{module}.{name} is not implemented yet")
    return fn


def degree(net, **kw):
    return measure("centrality", "degree")(net, **kw)


def betweenness(net, **kw):
    return measure("centrality", "betweenness")(net, **kw)


def closeness(net, **kw):
    return measure("centrality", "closeness")(net, **kw)


def top(series: pd.Series, k: int = 1):
    return list(series.sort_values(ascending=False, kind="stable").index[:k])


def load(shared, **source):
    return refcommon.load_source(rl, source, shared)


# ---- Krebs 9/11 -------------------------------------------------------------------

KREBS = dict(reader="pandas", path="krebs_911_hijackers/9_11_edgelist.txt",
             read_csv={"header": None, "names": ["source", "target", "c3", "weight"]},
             strip=True, replace={"Nabil Almarabh": "Nabil al-Marabh"}, kwargs={"directed": False})


@pytest.fixture
def krebs62(shared_data):
    """The 62-node network of krebs_911_hijackers/SOURCE.md: merge the duplicate
    "Nabil Almarabh"/"Nabil al-Marabh", strip "Mounir El Motassadeq ", keep the
    largest component (62 nodes, 153 edges once parallel rows are collapsed)."""
    net = load(shared_data, largest_component=True, **KREBS)
    assert net.number_of_nodes() == 62
    assert net.collapse(weight="count", by_type=False).number_of_edges() == 153
    return net


def test_krebs_mohamed_atta(krebs62):
    # Krebs V. E. (2002). Mapping networks of terrorist cells. Connections 24(3):43-52:
    # Mohamed Atta tops all three measures: degree 0.361, betweenness 0.588, closeness 0.587.
    atta = "Mohamed Atta"
    d, b, c = degree(krebs62), betweenness(krebs62), closeness(krebs62)
    assert d[atta] == pytest.approx(0.361, abs=Q)
    assert b[atta] == pytest.approx(0.588, abs=Q)
    assert c[atta] == pytest.approx(0.587, abs=Q)
    assert top(d) == top(b) == top(c) == [atta]


def test_krebs_runners_up(krebs62):
    # Krebs (2002), as quoted in krebs_911_hijackers/SOURCE.md: Marwan Al-Shehhi
    # degree 0.295 and closeness 0.466, Hani Hanjour degree 0.213; betweenness
    # runners-up Essid Sami Ben Khemais 0.252 and Zacarias Moussaoui 0.232.
    d, b, c = degree(krebs62), betweenness(krebs62), closeness(krebs62)
    assert d["Marwan Al-Shehhi"] == pytest.approx(0.295, abs=Q)
    assert c["Marwan Al-Shehhi"] == pytest.approx(0.466, abs=Q)
    assert d["Hani Hanjour"] == pytest.approx(0.213, abs=Q)
    assert b["Essid Sami Ben Khemais"] == pytest.approx(0.252, abs=Q)
    assert b["Zacarias Moussaoui"] == pytest.approx(0.232, abs=Q)
    assert top(d, 2) == ["Mohamed Atta", "Marwan Al-Shehhi"]
    assert top(b, 3) == ["Mohamed Atta", "Essid Sami Ben Khemais", "Zacarias Moussaoui"]


def test_krebs_penzar_summary(krebs62):
    # Penzar et al. (2005), quoted in Memon's thesis (krebs_911_hijackers/SOURCE.md):
    # average closeness 0.35, average betweenness 0.032, 6 nodes with betweenness
    # above 10 %, 40 below 1 %.
    b, c = betweenness(krebs62), closeness(krebs62)
    assert c.mean() == pytest.approx(0.35, abs=5e-3)
    assert b.mean() == pytest.approx(0.032, abs=Q)
    assert int((b > 0.10).sum()) == 6
    assert int((b < 0.01).sum()) == 40


# ---- Padgett's Florentine families -------------------------------------------------

def _florentine_nx():
    nx = pytest.importorskip("networkx")
    return rl.from_networkx(nx.florentine_families_graph())


def test_florentine_medici_textbook():
    # Wasserman & Faust (1994) / UCINET, quoted in padgett_florentine/SOURCE.md:
    # Medici betweenness in the marriage network 47.5 raw, 0.522 normalised over
    # the 15 connected families; the Medici have the highest degree (6).
    net = _florentine_nx()
    assert betweenness(net, normalized=False)["Medici"] == pytest.approx(47.5, rel=1e-12)
    assert betweenness(net)["Medici"] == pytest.approx(0.522, abs=Q)
    d = degree(net, normalized=False)
    assert d["Medici"] == 6 and top(d) == ["Medici"]


def test_florentine_mpx_with_pucci(shared_data):
    # padgett_florentine/SOURCE.md: 0.452 if the isolated Pucci family is kept (16 nodes);
    # business layer (SOURCE.md computation): Barbadori 0.238, Medici 0.229.
    marriage = load(shared_data, reader="mpx", path="padgett_florentine/florentine.mpx", layers=["marriage"])
    assert marriage.number_of_nodes() == 16
    assert betweenness(marriage)["Medici"] == pytest.approx(0.452, abs=Q)
    business = load(shared_data, reader="mpx", path="padgett_florentine/florentine.mpx", layers=["business"])
    b = betweenness(business)
    assert b["Barbadori"] == pytest.approx(0.238, abs=Q)
    assert b["Medici"] == pytest.approx(0.229, abs=Q)
    assert top(b, 2) == ["Barbadori", "Medici"]


# ---- Enron (SNAP) ------------------------------------------------------------------

def test_enron_average_clustering(shared_data):
    # SNAP email-Enron dataset page (Leskovec et al. 2009), enron_email_snap/SOURCE.md:
    # average clustering coefficient 0.4970.
    avg = measure("stats", "average_clustering")
    net = rl.read_edgelist(shared_data / "enron_email_snap/email-Enron.txt")
    assert avg(net) == pytest.approx(0.4970, abs=5e-5)


# ---- leaders named in the literature, with SOURCE.md values ------------------------

def test_caviar_leaders(shared_data):
    # Morselli (2009), Inside Criminal Networks: N1 (Daniel Serero) and N12 (Pierre
    # Perlini) lead CAVIAR.  caviar/SOURCE.md: N1 degree 0.55 (undirected),
    # betweenness 0.637, in-degree 37, out-degree 54; N12 second (0.257, 0.292).
    directed = load(shared_data, reader="read_matrix", path="caviar/CAVIAR_FULL.csv")
    undirected = load(shared_data, reader="read_matrix", path="caviar/CAVIAR_FULL.csv", undirected=True)
    d, b = degree(undirected), betweenness(undirected)
    assert d["1"] == pytest.approx(0.55, abs=5e-3) and d["12"] == pytest.approx(0.257, abs=Q)
    assert b["1"] == pytest.approx(0.637, abs=Q) and b["12"] == pytest.approx(0.292, abs=Q)
    assert top(d, 2) == ["1", "12"] and top(b, 2) == ["1", "12"]
    assert degree(directed, normalized=False, mode="in")["1"] == 37
    assert degree(directed, normalized=False, mode="out")["1"] == 54


@pytest.mark.parametrize("phase,leader", [(1, "1"), (2, "1"), (3, "1"), (4, "1"), (5, "1"), (6, "1"),
                                          (7, "1"), (8, "1"), (9, "3"), (10, "1"), (11, "12")])
def test_caviar_phase_leaders(shared_data, phase, leader):
    # caviar/SOURCE.md: N1 has the top degree in phases 1-8 and 10, N3 in phase 9 and
    # N12 in phase 11 (N12 rises as N1 declines; Morselli & Petit 2007).
    net = load(shared_data, reader="read_matrix", path=f"caviar/phases/phase{phase}.csv")
    assert top(degree(net)) == [leader]


def test_koschade_samudra_idris(shared_data):
    # Koschade (2006), Studies in Conflict & Terrorism 29(6): Samudra and Idris were the
    # most central members.  koschade_bali_2002/SOURCE.md: Samudra degree 0.938,
    # closeness 0.941, betweenness 0.51; Idris second on all three (0.625/0.727/0.051).
    net = load(shared_data, reader="read_matrix", path="koschade_bali_2002/Koschade_Bali_matrix.csv")
    d, c, b = degree(net), closeness(net), betweenness(net)
    assert (d["Samudra"], c["Samudra"]) == (pytest.approx(0.938, abs=Q), pytest.approx(0.941, abs=Q))
    assert b["Samudra"] == pytest.approx(0.51, abs=5e-3)
    assert (d["Idris"], c["Idris"], b["Idris"]) == (pytest.approx(0.625, abs=Q), pytest.approx(0.727, abs=Q),
                                                    pytest.approx(0.051, abs=Q))
    for s in (d, c, b):
        assert top(s, 2) == ["Samudra", "Idris"]


def test_noordin_top_communication(shared_data):
    # Everton (2012), Disrupting Dark Networks: Noordin Mohammed Top is the central
    # figure.  noordin_top/SOURCE.md, communication layer: degree 53 (next Azhari
    # Husin 28), betweenness 0.487.
    net = load(shared_data, reader="read_matrix", path="noordin_top/03_person_x_person_communication.csv")
    d = degree(net, normalized=False)
    assert d["Noordin Mohammed Top"] == 53 and d["Azhari Husin"] == 28
    assert top(d, 2) == ["Noordin Mohammed Top", "Azhari Husin"]
    b = betweenness(net)
    assert b["Noordin Mohammed Top"] == pytest.approx(0.487, abs=Q) and top(b) == ["Noordin Mohammed Top"]


def test_montagna_node18(shared_data):
    # Cavallaro et al. (2020), PLoS ONE 15(8): meetings N=101, E=256; phone calls N=100,
    # E=124.  montagna_sicilian_mafia/SOURCE.md: node 18 (an "executive") has the
    # highest degree and betweenness in both layers (meetings 0.373, phone 0.418).
    for layer, bc in (("meetings", 0.373), ("phonecalls", 0.418)):
        net = load(shared_data, reader="read_edgelist",
                   path=f"montagna_sicilian_mafia/Montagna_{layer}_edgelist.csv")
        assert net.collapse(weight="count", by_type=False).number_of_edges() == {"meetings": 256,
                                                                                 "phonecalls": 124}[layer]
        d, b = degree(net), betweenness(net)
        assert top(d) == ["18"] and top(b) == ["18"]
        assert b["18"] == pytest.approx(bc, abs=Q)


@pytest.mark.parametrize("name,path,undirected,node,deg,bet", [
    # natarajan_cocaine_dealing/SOURCE.md: "Kay" degree 0.889, betweenness 0.887 (undirected).
    ("natarajan_cocaine", "natarajan_cocaine_dealing/COCAINE_DEALING.csv", True, "Kay", 0.889, 0.887),
    # natarajan_heroin_dealing/SOURCE.md: Mr.DD degree 0.541, betweenness 0.375.
    ("natarajan_heroin", "natarajan_heroin_dealing/HEROIN_DEALING.csv", True, "Mr.DD", 0.541, 0.375),
    # cielnet/SOURCE.md: N2 degree 0.50, betweenness 0.641 (the "organizational leader", Morselli 2009).
    ("cielnet", "cielnet/CIELNET.csv", True, "N2", 0.50, 0.641),
    # siren_auto_theft/SOURCE.md: node 1 degree 0.767, betweenness 0.798 (Morselli & Roy 2008 brokers).
    ("siren", "siren_auto_theft/SIREN.csv", False, "1", 0.767, 0.798),
    # togo_auto_theft/SOURCE.md: node 1 degree 0.594, betweenness 0.783.
    ("togo", "togo_auto_theft/TOGO.csv", False, "1", 0.594, 0.783),
    # italian_gangs/SOURCE.md: N19 degree 0.318, betweenness 0.556.
    ("italian_gangs", "italian_gangs/ITALIAN_GANGS.csv", False, "N19", 0.318, 0.556),
    # montreal_street_gangs/SOURCE.md: BMF degree 0.529, betweenness 0.211.
    ("montreal_gangs", "montreal_street_gangs/MONTREALGANG.csv", True, "BMF", 0.529, 0.211),
])
def test_hub_of_network(shared_data, name, path, undirected, node, deg, bet):
    net = load(shared_data, reader="read_matrix", path=path, undirected=undirected)
    d, b = degree(net), betweenness(net)
    assert d[node] == pytest.approx(deg, abs=Q) and b[node] == pytest.approx(bet, abs=Q)
    assert top(d) == [node] and top(b) == [node]


@pytest.mark.parametrize("op,node,bet", [("ACERO", "SAR", 0.563), ("JAKE", "JES", 0.501),
                                         ("JUANES", "EHJ", 0.495), ("MAMBO", "SNRM", 0.571)])
def test_cocaine_smuggling_top_betweenness(shared_data, op, node, bet):
    # cocaine_smuggling_spain/SOURCE.md (Jiménez-Salinas Framis 2011 data; matrices
    # symmetrised): top betweenness ACERO SAR 0.563, JAKE JES 0.501, JUANES EHJ 0.495,
    # MAMBO SNRM 0.571.
    net = load(shared_data, reader="read_matrix", path=f"cocaine_smuggling_spain/COCAINE_{op}.csv", undirected=True)
    b = betweenness(net)
    assert b[node] == pytest.approx(bet, abs=Q) and top(b) == [node]


def test_london_gang_node1(shared_data):
    # Grund & Densley (2012); london_gang/SOURCE.md: node 1, the only member ranked 1,
    # has the highest betweenness (0.109) and shares the top degree (25) with 7 and 12.
    net = load(shared_data, reader="read_matrix", path="london_gang/LONDON_GANG.csv")
    b, d = betweenness(net), degree(net, normalized=False)
    assert b["1"] == pytest.approx(0.109, abs=Q) and top(b) == ["1"]
    assert d.max() == 25 and set(d[d == 25].index) == {"1", "7", "12"}


def test_madrid_top(shared_data):
    # madrid_train_bombing_jjatt/SOURCE.md (aggregate graph): top betweenness 3132
    # (0.183) and 3144 (0.180); top degree 3144 (25).
    net = load(shared_data, reader="pandas", path="madrid_train_bombing_jjatt/Madrid_Relations_Public_Version2.csv",
               read_csv={"dtype": {"ID": "str", "Tie_ID": "str"}}, rename={"ID": "source", "Tie_ID": "target"},
               dropna=True, kwargs={"directed": False})
    b, d = betweenness(net), degree(net, normalized=False)
    assert b["3132"] == pytest.approx(0.183, abs=Q) and b["3144"] == pytest.approx(0.180, abs=Q)
    assert top(b, 2) == ["3132", "3144"]
    assert d["3144"] == 25 and top(d) == ["3144"]


def test_ndrangheta_summit_attendance(shared_data):
    # ndrangheta_infinito/SOURCE.md: most summits attended = PANETTA Pietro Francesco (17),
    # LAMARMORE Antonino (14), MANNO Alessandro (14) (degree in the two-mode network).
    net = load(shared_data, reader="read_matrix", path="ndrangheta_infinito/NDRANGHETAMAFIA_2M.csv")
    d = degree(net, normalized=False)
    persons = d[net.nodes["type"] == "person"]
    assert persons["PANETTA Pietro Francesco"] == 17
    assert persons["LAMARMORE Antonino"] == 14 and persons["MANNO Alessandro"] == 14
    assert top(persons) == ["PANETTA Pietro Francesco"]
    assert np.sort(persons.to_numpy())[-3:].tolist() == [14, 14, 17]
