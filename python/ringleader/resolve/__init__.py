"""Entity resolution: which phones (SIM cards) and which accounts one
person controls, from evidence in the call, location, handset and transfer
records - for subscriber data that is missing or false (stolen or bought
identities, burner phones, SIM boxes).

:func:`candidates` scores pairs of identifiers of one node type (phone with
phone, account with account; never across types); :func:`merge` puts the
pairs at or above a threshold under *inferred persons* and returns a new
network with the mapping.  Nothing is merged silently: every merge is
listed with its evidence (``mapping.attrs["merges"]``).

Evidence (C++ kernels in ``include/ringleader/resolve/``; cost in each
header):

``handset``
    The two phones were in one handset (``phone -in_device-> device``).  A
    device is a SIM box, gives no evidence and never has two of its SIMs
    merged into one person, when it holds more than ``max_sims_per_device``
    SIMs (default 32: one person rotating a number every two weeks for a
    year, 26, with a fixed number beside it; SIM boxes hold 8 to 512 and
    run their SIMs side by side, which the next two tests catch: on the
    tuning networks every SIM box with more than 12 SIMs was caught by
    them, and the former default 12 cut 102 one-user handsets of rotating
    members out of the evidence), more than ``max_concurrent_sims`` (2:
    a dual-SIM handset) active at one time, or one SIM active alongside
    more than ``max_overlapping_sims`` (2) others - one person's SIMs follow
    each other, each overlapping only the one before and after; a SIM box's
    run side by side (activity periods from call times).  A dual-SIM
    handset with a fixed number and rotating burners in the other slot
    looks like a SIM box by the last test: its burners are then linked by
    succession only.  A SIM with no timed call gives no handset evidence: it
    cannot be cleared of sitting in a box (on the tuning networks such
    pairs were one user in 0.73 of cases, 52 pairs; the others 0.99).
``succession``
    One phone stops and the other starts within ``max_gap`` (default 14
    days; the periods may overlap by ``overlap``, default 1 day) and they
    call the same contacts: contact similarity = tf-idf weighted cosine
    similarity of their call counts per contact (a contact everyone calls
    weighs little), times min(1, shared contacts / ``succession_support``)
    (default 3: on generated networks one or two shared contacts were
    chance as often as not).  Phones with fewer than ``min_calls`` (3)
    timed calls get none.  Activity periods come from call timestamps.
    When both phones have timed sightings (``located_at`` a cell or venue)
    the contact similarity is combined with their place similarity (the
    tf-idf weighted cosine of their sighting counts per place and time of
    day - weekday office hours 08:00-19:00 or other, in the timestamps'
    clock): value = the geometric mean of the two, halved unless the two
    phones are each other's best match (the new number is the old one's
    best successor by contact similarity and the old one the new one's best
    predecessor), and 1 - full evidence - for a mutual best pair whose
    geometric mean reaches ``succession_full`` (default 0.35) with at least
    two shared contacts (one shared contact, a hotline or a boss everyone
    calls, never makes a full succession); any other value is at most
    ``succession_full``.  Without sightings of both
    phones the value is 0.6 / 0.95 x the contact similarity (scored 0.6 x
    contact similarity: below the default threshold, as before the place
    profiles).  ``succession_full`` was chosen on the tuning networks of
    bench/resolve/quality.py (identity_noise defaults, seeds 100..): the
    full successions were one user in 89 of 89 pairs (and 95 of 96 without
    the two-contact rule); the link precision is reported on other rates
    and seeds (bench/results/resolve_quality.md).
``colocation``
    The two phones were seen (``located_at``, with timestamps) at the same
    cells in the same time windows (``colocation_window``, default 1 hour) at
    least ``min_shared_windows`` times (default 3) and never call each
    other; value = the share of the rarer phone's windows that are shared.
``holder`` (accounts)
    The same holder attributes: every node column whose name starts with
    ``holder`` (or ``holder_columns``), compared case-insensitively.
``devices`` (accounts)
    The two accounts were used from the same device (``in_device``).
``identity`` (an account and a person)
    The account's holder attributes are a person's identity (the names on
    subscriber records and in the case file): ``holder_<x>`` account columns
    against the person column ``<x>`` (``holder_name`` with ``name``) and
    ``birth_date`` against ``birth_date`` when both have it, or
    ``identity_columns`` ({account column: person column}); compared
    case-insensitively, the first (the name) also one letter dropped,
    doubled or swapped apart, ``birth_date`` also a day apart or with day
    and month swapped (value :data:`FUZZY_NAME`, 0.9; an exact match 1),
    the others exactly.  An identity two persons share gives no evidence, nor
    does an account matching several persons.  The pair is ``a`` = the
    account, ``b`` = the person: merge *attaches* the account (with its
    group) to that person.  A hash join, O((accounts + persons) x letters).
``handset_holder`` (a phone or an account, and a person)
    The identifier was used from a handset (``in_device``, not a SIM box)
    together with identifiers of the other type held by one person - a
    phone with the person's accounts, an account with the person's phones;
    an account's person is its holder of record or the person its
    ``identity`` evidence names - and that person is known beyond its
    subscriber records (an end of a meeting, a venue, a transfer: any edge
    that is not a ``uses``/``owns`` record).  A handset whose identifiers
    name two such persons gives nothing, and identifiers the person already
    holds are left out.  The pair is ``a`` = the identifier, ``b`` = the
    person: merge attaches it.  "Known beyond its records" keeps bought
    identities out: their accounts are used from their user's handset too,
    and without the condition phone pairs were one user in only 0.75-0.86
    of cases on the tuning networks (with it: 1.0).  O(n + m).
``passthrough`` (accounts)
    Money arriving in one account leaves the other within
    ``passthrough_window`` (default 10 minutes) with an amount within
    ``amount_tolerance`` (10 %), at least ``min_events`` times (2); accounts
    that transfer to each other are not paired (a mule chain).

Score: each evidence e with value v in [0, 1] is read as the probability
``reliability[e] * v`` that the pair is one user, and the evidences are
combined as independent (noisy-OR): ``score = 1 - prod(1 - r_e v_e)``.
This is the independence assumption of Fellegi & Sunter (1969) with fixed
agreement weights instead of ones estimated by EM (we have no labelled
links in real cases).  Reliabilities: :data:`RELIABILITY`.

Whose a merged group is (:func:`merge`): the subscriber of record the case
knows beyond its records when the group's records name several persons and
exactly one is known so (a meeting, a venue, a transfer: the others are
taken for bought or stolen identities in its name), else the subscriber of
record holding most of the group, else a new inferred person.  An
attachment (a pair identifier, person: ``identity``, ``handset_holder``, or
an analyst's row) follows the same order: it goes to a person known beyond
its records even against holders of record who are not, never against one
who is.  On the
tuning networks (identity_noise defaults, seeds 100-104) 561 of the 600
groups whose records name several persons held one real user and his false
identities; the first rule chose in 552 and chose the group's true user in
550.  That figure rests on the generator, where every real person is known
beyond its records and no false identity is: on real data the rule is as
good as that is true (a case file that knows the suspects only from
subscriber tables leaves it unused).  bench/results/resolve_quality.md
gives the attribution it changes on the report networks.

A phone that after the merge has no holder (no subscriber record, in no
accepted pair) and is in no SIM box gets an inferred person of its own, the
unknown user of that number (``merge(unheld_phones="person")``, the default;
``"keep"`` leaves it without one): a group of one, as two such phones
linked make an inferred person.  Without it rl.leaders leaves such a
phone's calls out of the person network, and with them what a leader does
on a second number that nothing links to his first.  Accounts without a
holder keep none (on the tuning networks persons of their own for mule
accounts pushed leaders down; figures in merge's ``unheld_phones``).

References: Fellegi, I. P. & Sunter, A. B. (1969). A theory for record
linkage. JASA 64(328):1183-1210.  Christen, P. (2012). Data Matching.
Springer (blocking, clustering of matched pairs).  The succession and SIM
box rules follow call-record analysis practice; we know of no published
method to cite for them.
"""
from __future__ import annotations

from ._evidence import FUZZY_NAME, IDENTIFIER_TYPES, ResolveWarning
from ._candidates import RELIABILITY, THRESHOLD, candidates, score
from ._merge import merge

__all__ = ["candidates", "merge", "score", "RELIABILITY", "THRESHOLD", "IDENTIFIER_TYPES", "FUZZY_NAME",
           "ResolveWarning"]
