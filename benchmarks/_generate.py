"""
Generated corpora of any size, for the benchmarks at scale.

`generate` makes a corpus document (the JSON shape that
``secretspeech._load.parse_corpus`` and `secretspeech.load_corpus` read) and
its article text, with about *size* records spread over every collection
in the shares of `SHARES`.  Names are random syllables (seeded: the same
size and seed give the same corpus), so the vocabulary grows with the size;
dates run from 1000 to 2020; records refer to records made before them;
each record has a sentence of the generated text, and every evidence span,
cue, link and quoted segment points into it.

Beside the random records, every corpus holds the same *probe* records
(`Probes`), made by a random generator of their own: the benchmark's
queries ask about them, so each query's answer is the same at every size
and a cost that grows with the size is the query's own, never its answer's.
The random records never refer to a probe record, never use a value kept
for the probes (the role ``monarch``, the year `PROBE_YEAR`, ...), and
never use the letters of the probe words (z, x, q, j), so no random word
is spelt like one, even misspelt.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Any


#: The seed of the random records.
SEED = 15
#: How many records each probe query finds, at every size.
PROBES = 5
#: The year only the probe records fall in.
PROBE_YEAR = 1666
#: The share of each collection in the records, in the order of ss.SCHEMA.
SHARES = {
    "people": 0.12,
    "groups": 0.05,
    "places": 0.08,
    "events": 0.25,
    "quotations": 0.10,
    "statistics": 0.06,
    "claims": 0.16,
    "relations": 0.13,
    "notes": 0.05,
}
COLLECTIONS = tuple(SHARES)
#: The fewest records `generate` makes: enough for the probes and a few
#: random records of each kind to refer to.
MIN_SIZE = 200

_CONSONANTS = "bdfgklmnprstv"
_VOWELS = "aeiou"
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü"}
_SYLLABLES = tuple(c + v for c in _CONSONANTS for v in _VOWELS)
_ARTICLES = frozenset({"the", "a", "an"})
_WORD = re.compile(r"[^\W_]+")
_CONTEXT = 32

# Words of the generated sentences: none holds z, x, q or j.
_ADJECTIVES = (
    "young", "old", "exiled", "loyal", "radical", "cautious", "forgotten",
    "famous", "local", "rival", "bitter", "stubborn", "patient", "restless",
)  # fmt: skip
_NOUNS = (
    "leader", "worker", "soldier", "writer", "official", "delegate",
    "organiser", "peasant", "general", "teacher", "engineer", "printer",
    "miner", "sailor", "student", "editor", "doctor", "clerk",
)  # fmt: skip
_VERBS = (
    "met", "opposed", "joined", "left", "founded", "praised", "attacked",
    "visited", "defended", "denounced", "betrayed", "supported", "ended",
    "delayed", "ordered", "reported",
)  # fmt: skip
_THINGS = (
    "the harvest", "the strike", "the army", "the plan", "the press",
    "the border", "the treaty", "the congress", "the famine", "the trial",
    "the purge", "the reform", "the railway", "the factories", "the mines",
    "the schools", "the elections", "the ports",
)  # fmt: skip
_GROUP_NOUNS = (
    "league", "party", "council", "union", "committee", "circle",
    "brigade", "guild", "assembly", "faction",
)  # fmt: skip
_COUNTED = (
    "deaths", "arrests", "strikes", "soldiers", "workers", "prisoners",
    "votes", "members", "copies", "refugees", "tons of grain", "villages",
)  # fmt: skip
_EVENT_NOUNS = {
    "revolution": "revolution", "speech": "speech", "meeting": "meeting",
    "publication": "pamphlet", "death": "death", "killing": "killing",
    "repression": "arrests", "famine": "famine", "war": "war",
    "policy": "decree", "campaign": "campaign", "protest": "protest",
    "invasion": "invasion", "power struggle": "struggle",
    "diplomacy": "treaty", "economy": "plan", "social": "reform",
    "other": "affair",
}  # fmt: skip
_ROLES = ("leader", "revolutionary", "writer", "agent", "author")
_GROUP_KINDS = (
    "party", "assembly", "leadership", "class", "people", "movement",
    "military", "faction", "other",
)  # fmt: skip
_PLACE_KINDS = ("country", "region", "city", "site", "institution")
_LINKS = {
    "contributes to": "helped bring about",
    "leads to": "led to",
    "enables": "made possible",
    "precedes": "came before",
    "part of": "was part of",
    "responds to": "answered",
    "opposes": "stood against",
}
_CAUSAL = ("contributes to", "leads to", "enables")
_VERDICTS = ("agrees", "looser", "disputed", "disagrees", "unverified")
_SOURCE_KINDS = ("reference work", "scholarly", "press", "archive")


def key(text: str) -> str:
    """
    Return the key a name is looked up by: its words, less a leading article.

    Accents and case make no difference, and anything but a letter or a
    digit separates words (the library's own normalisation, for the names
    the generator makes).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(
        c for c in decomposed if not unicodedata.combining(c)
    ).casefold()
    found = _WORD.findall(folded)
    if len(found) > 1 and found[0] in _ARTICLES:
        found = found[1:]
    return " ".join(found)


@dataclass(frozen=True)
class Probes:
    """The records the benchmark's queries ask about, and the words."""

    person: str
    person_name: str
    #: A word only the probe person and the records about them hold.
    word: str
    group: str
    place: str
    #: The event the probe events, quotations, statistics, claims and
    #: notes are about, and the probe relations cause.
    event: str
    #: The first of the probe events: the source of one probe relation.
    source_event: str
    claim: str
    counting: str
    #: A name and a word no record holds, nor anything like them.
    missing_name: str
    missing_word: str
    year: int = PROBE_YEAR


@dataclass(frozen=True)
class Generated:
    """A generated corpus document, its article text and its probes."""

    document: dict[str, Any]
    text: str
    probes: Probes

    @property
    def size(self) -> int:
        """The number of records."""
        return sum(len(self.document[name]) for name in COLLECTIONS)


class _Span:
    """Offsets into the text, made into an evidence object at the end."""

    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end


def _evidence(span: _Span, text: str) -> dict[str, Any]:
    start, end = span.start, span.end
    return {
        "start": start,
        "end": end,
        "exact": text[start:end],
        "prefix": text[max(0, start - _CONTEXT) : start],
        "suffix": text[end : end + _CONTEXT],
    }


def _date(
    edtf: str, text: str, earliest: dt.date, latest: dt.date, precision: str
) -> dict[str, Any]:
    return {
        "text": text,
        "edtf": edtf,
        "earliest": earliest.isoformat(),
        "latest": latest.isoformat(),
        "precision": precision,
        "approximate": False,
        "uncertain": False,
        "calendar": "gregorian",
        "relative_to": None,
        "basis": "stated",
    }


def _day(year: int, month: int, day: int) -> dict[str, Any]:
    d = dt.date(year, month, day)
    text = f"{day} {calendar.month_name[month]} {year}"
    return _date(d.isoformat(), text, d, d, "day")


def _month(year: int, month: int) -> dict[str, Any]:
    last = calendar.monthrange(year, month)[1]
    return _date(
        f"{year}-{month:02d}",
        f"{calendar.month_name[month]} {year}",
        dt.date(year, month, 1),
        dt.date(year, month, last),
        "month",
    )


def _year(year: int) -> dict[str, Any]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return _date(str(year), str(year), first, last, "year")


def _years(first: int, last: int) -> dict[str, Any]:
    return _date(
        f"{first}/{last}",
        f"{first}–{last}",
        dt.date(first, 1, 1),
        dt.date(last, 12, 31),
        "interval",
    )


_PROBE_FIRST = dt.date(PROBE_YEAR, 1, 1)
_PROBE_LAST = dt.date(PROBE_YEAR, 12, 31)
#: The dates of the probe records: three inside the probe year, two that
#: reach past it (so ``strict=True`` keeps fewer).
_PROBE_DATES = (
    _day(PROBE_YEAR, 3, 15),
    _month(PROBE_YEAR, 6),
    _year(PROBE_YEAR),
    _years(PROBE_YEAR - 1, PROBE_YEAR + 1),
    _years(PROBE_YEAR - 16, PROBE_YEAR + 14),
)


class _Writer:
    """The text, the records and the ids made so far."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences = 0
        self.used: set[str] = {"article"}
        self.records: dict[str, list[dict[str, Any]]] = {
            name: [] for name in COLLECTIONS
        }
        # The span that names each record, for notes about it, and the
        # names of the people, places and events, for sentences about them.
        self.spans: dict[str, _Span] = {}
        self.names: dict[str, str] = {}
        self.repeats: dict[str, int] = {}

    def write(self, text: str) -> _Span:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return _Span(start, self.length)

    def end(self, start: int) -> _Span:
        """End the sentence that began at *start*; return its span."""
        span = _Span(start, self.length)
        self.sentences += 1
        self.write("\n\n" if self.sentences % 6 == 0 else " ")
        return span

    def ident(self, name: str) -> str:
        base = key(name).replace(" ", "-")[:60].strip("-") or "record"
        rid = base
        while rid in self.used:
            # A count per base: a common base costs no scan of its repeats.
            self.repeats[base] = n = self.repeats.get(base, 1) + 1
            rid = f"{base}-{n}"
        self.used.add(rid)
        return rid

    def add(
        self, collection: str, record: dict[str, Any], span: _Span
    ) -> dict[str, Any]:
        self.records[collection].append(record)
        self.spans[record["id"]] = span
        if "name" in record:
            self.names[record["id"]] = record["name"]
        return record


class _Maker:
    """Make records of every kind, with words from one random generator."""

    def __init__(self, writer: _Writer, rng: random.Random) -> None:
        self.w = writer
        self.rng = rng

    def word(self) -> str:
        rng = self.rng
        word = "".join(
            rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))
        )
        if rng.random() < 0.05:  # a few names with an accent
            i = rng.randrange(1, len(word), 2)
            word = word[:i] + _ACCENTED[word[i]] + word[i + 1 :]
        return word.capitalize()

    def pick(self, items: list[str], most: int) -> list[str]:
        count = min(len(items), self.rng.randint(0, most))
        return list(
            dict.fromkeys(self.rng.choice(items) for _ in range(count))
        )

    def date(self) -> dict[str, Any]:
        """Return a random date that misses the probe year."""
        rng = self.rng
        while True:
            year, r = rng.randint(1000, 1999), rng.random()
            if r < 0.40:
                made = _day(year, rng.randint(1, 12), rng.randint(1, 28))
            elif r < 0.65:
                made = _month(year, rng.randint(1, 12))
            elif r < 0.85:
                made = _year(year)
            elif r < 0.98:
                end = min(year + rng.randint(1, 40), 2020)
                made = _years(year, end)
            else:  # an open start: "by 1300" reaches back to the year 1
                made = _date(
                    f"/{year}",
                    f"by {year}",
                    dt.date(1, 1, 1),
                    dt.date(year, 12, 31),
                    "interval",
                )
            first = dt.date.fromisoformat(made["earliest"])
            last = dt.date.fromisoformat(made["latest"])
            if last < _PROBE_FIRST or _PROBE_LAST < first:
                return made

    def place(
        self, name: str, kind: str, within: str | None
    ) -> dict[str, Any]:
        w = self.w
        start = w.length
        span = w.write(name)
        where = f" in {self.name_of(within)}" if within else ""
        w.write(f" is a {kind}{where}.")
        w.end(start)
        return w.add(
            "places",
            {
                "id": w.ident(name),
                "name": name,
                "description": f"A {kind} of {self.rng.choice(_NOUNS)}s.",
                "kind": kind,
                "within": within,
                "evidence": [span],
            },
            span,
        )

    def name_of(self, rid: str) -> str:
        return self.w.names[rid]

    def person(
        self,
        name: str,
        roles: list[str],
        *,
        named: bool = True,
        description: str | None = None,
    ) -> dict[str, Any]:
        w, rng = self.w, self.rng
        start = w.length
        span = w.write(name)
        noun = rng.choice(_NOUNS)
        w.write(
            f", a {rng.choice(_ADJECTIVES)} {noun}, {rng.choice(_VERBS)} "
            f"{rng.choice(_THINGS)}."
        )
        w.end(start)
        record: dict[str, Any] = {
            "id": w.ident(name),
            "name": name,
            "aliases": [name.rsplit(maxsplit=1)[-1]] if named else [],
            "description": description
            or f"A {rng.choice(_ADJECTIVES)} {noun}.",
            "roles": roles,
            "named": named,
        }
        if rng.random() < 0.3:
            born = rng.randint(1000, 1950)
            record["born"] = _year(born)
            record["died"] = _year(born + rng.randint(20, 90))
        record["evidence"] = [span]
        return w.add("people", record, span)

    def group(
        self,
        name: str,
        kind: str,
        members: list[str],
        description: str | None = None,
    ) -> dict[str, Any]:
        w, rng = self.w, self.rng
        noun = name.rsplit(maxsplit=1)[-1]
        start = w.length
        span = w.write(name)
        w.write(f" gathered {rng.choice(_NOUNS)}s.")
        w.end(start)
        return w.add(
            "groups",
            {
                "id": w.ident(name),
                "name": name,
                "aliases": [name.removeprefix("The ")],
                "description": description
                or f"A {rng.choice(_ADJECTIVES)} {noun}.",
                "kind": kind,
                "members": members,
                "evidence": [span],
            },
            span,
        )

    def event(  # noqa: PLR0913, PLR0917 -- one argument per field of an event
        self,
        name: str,
        kind: str,
        date: dict[str, Any] | None,
        participants: list[str],
        places: list[str],
        subjects: list[str],
        summary: str,
        groups: list[str] | None = None,
    ) -> dict[str, Any]:
        w = self.w
        start = w.length
        when = f"In {date['text']}, " if date else "Once, "
        w.write(f"{when}{summary[:-1]}: {name}")
        w.write(".")
        span = w.end(start)
        return w.add(
            "events",
            {
                "id": w.ident(name),
                "name": name[0].upper() + name[1:],
                "summary": summary,
                "kind": kind,
                "date": date,
                "participants": participants,
                "groups": groups or [],
                "places": places,
                "subjects": subjects,
                "evidence": [span],
            },
            span,
        )

    def words(self, count: int) -> str:
        rng = self.rng
        return " ".join(
            rng.choice((*_VERBS, *_NOUNS, *_ADJECTIVES)) for _ in range(count)
        )

    def utterance(
        self,
        speaker: str,
        addressees: list[str],
        subjects: list[str],
        occasion: str | None,
        date: dict[str, Any] | None,
    ) -> dict[str, Any]:
        w, rng = self.w, self.rng
        words = f"They {rng.choice(_VERBS)} {rng.choice(_THINGS)} and "
        words += self.words(rng.randint(2, 6))
        start = w.length
        w.write("“")
        segment = w.write(words + ",")
        w.write("” ")
        cue_start = w.length
        w.write("said ")
        mention = w.write(self.name_of(speaker))
        cue = _Span(cue_start, mention.end)
        link = None
        if occasion is not None:
            w.write(" ")
            link = w.write(f"at {self.name_of(occasion)}")
        w.write(".")
        span = w.end(start)
        return w.add(
            "quotations",
            {
                "id": w.ident(" ".join(words.split()[:8])),
                "segments": [segment],
                "kind": "utterance",
                "speaker": speaker,
                "speaker_mention": mention,
                "cue": cue,
                "addressees": addressees,
                "date": date,
                "occasion": occasion,
                "occasion_link": link,
                "subjects": subjects,
                "evidence": [span],
            },
            span,
        )

    def term(self) -> dict[str, Any]:
        w, rng = self.w, self.rng
        term = f"{self.word()} {rng.choice(_NOUNS)}"
        start = w.length
        w.write(f"They called {rng.choice(_THINGS)} “")
        segment = w.write(term)
        w.write("”.")
        span = w.end(start)
        return w.add(
            "quotations",
            {
                "id": w.ident(f"term {term}"),
                "segments": [segment],
                "kind": "quoted term",
                "evidence": [span],
            },
            span,
        )

    def quantity(self) -> dict[str, Any]:
        rng = self.rng
        n = rng.randint(2, 90) * 10 ** rng.randint(0, 4)
        kind = rng.choice(("exact", "approximate", "at most", "at least"))
        if kind == "exact":
            return {
                "text": f"{n:,}",
                "kind": kind,
                "unit": "person",
                "value": n,
                "low": n,
                "high": n,
            }
        hedge = {
            "approximate": "about",
            "at most": "up to",
            "at least": "at least",
        }[kind]
        made = {
            "text": f"{hedge} {n:,}",
            "kind": kind,
            "unit": "person",
            "value": n,
            "hedge": hedge,
        }
        if kind == "at most":
            made["high"] = n
        elif kind == "at least":
            made["low"] = n
        return made

    def statistic(
        self,
        quantity: dict[str, Any],
        counting: str,
        date: dict[str, Any] | None,
        places: list[str],
        about: list[str],
    ) -> dict[str, Any]:
        w = self.w
        where = self.name_of(places[0]) if places else "all"
        start = w.length
        w.write(f"{quantity['text'].capitalize()} {counting} were counted")
        w.write(f" in {where}.")
        span = w.end(start)
        return w.add(
            "statistics",
            {
                "id": w.ident(f"{counting} {self.word()}"),
                "quantity": quantity,
                "counting": counting,
                "description": f"{counting.capitalize()} in {where}.",
                "date": date,
                "places": places,
                "about": about,
                "evidence": [span],
            },
            span,
        )

    def claim(
        self,
        summary: str,
        parent: str | None,
        subjects: list[str],
        by: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        """Make a claim; *by* is the id and name of whom a report reports."""
        w = self.w
        start = w.length
        record: dict[str, Any] = {"id": w.ident(" ".join(summary.split()[:6]))}
        record["summary"] = summary
        if by is None:
            w.write(summary)
            record["stance"] = self.rng.choice(("assertion", "evaluation"))
        else:
            cue = w.write(f"{by[1]} argued")
            w.write(f" that {summary[0].lower()}{summary[1:]}")
            record |= {"stance": "report", "by": by[0], "cue": cue}
        span = w.end(start)
        record |= {"parent": parent, "subjects": subjects, "evidence": [span]}
        return w.add("claims", record, span)

    def relation(self, kind: str, source: str, target: str) -> dict[str, Any]:
        w = self.w
        start = w.length
        w.write(f"{self.name_of(source)} ")
        link = w.write(_LINKS.get(kind, "caused"))
        w.write(f" {self.name_of(target)}.")
        span = w.end(start)
        kind_words = kind.replace(" ", "-")
        return w.add(
            "relations",
            {
                "id": w.ident(f"{source} {kind_words} {target}"),
                "kind": kind,
                "source": source,
                "target": target,
                "link": link,
                "evidence": [span],
            },
            span,
        )

    def note(
        self, verdict: str, about: list[str], text: str
    ) -> dict[str, Any]:
        w, rng = self.w, self.rng
        title = f"{self.word()} {rng.choice(_NOUNS)}s"
        span = w.spans[about[0]]
        return w.add(
            "notes",
            {
                "id": w.ident(f"note {title}"),
                "verdict": verdict,
                "about": about,
                "text": text,
                "sources": [
                    {"kind": rng.choice(_SOURCE_KINDS), "title": title}
                ],
                "evidence": [span],
            },
            span,
        )


def _probes(maker: _Maker) -> Probes:
    """Make the probe records, the same at every size."""
    k = PROBES
    person_name = "Zaxoqu Jezixa"
    person = maker.person(
        person_name,
        ["leader"],
        description="A leader whose name no random record shares.",
    )["id"]
    place = maker.place(maker.word(), "country", None)["id"]
    for _ in range(k):
        maker.place(f"The {maker.word()} hall", "building", place)
    for _ in range(k):
        maker.person(
            f"The monarch of {maker.word()}", ["monarch"], named=False
        )
    groups = [
        maker.group(
            f"The {maker.word()} circle",
            "victims",
            [person],
            f"Victims close to {person_name}.",
        )["id"]
        for _ in range(k)
    ]
    event = maker.event(
        f"the {maker.word()} congress", "meeting", maker.date(), [], [], [],
        "Delegates met.",
    )["id"]  # fmt: skip
    events = [
        maker.event(
            f"the {maker.word()} discovery",
            "science",
            _PROBE_DATES[i % len(_PROBE_DATES)],
            [person],
            [place],
            [event],
            f"{person_name} made a discovery.",
        )["id"]
        for i in range(k)
    ]
    for i in range(k):
        maker.utterance(
            person,
            [groups[0]],
            [event],
            event,
            _PROBE_DATES[i % len(_PROBE_DATES)],
        )
    for _ in range(k):
        maker.term()
    counting = "bell ringers"
    for i in range(k):
        maker.statistic(
            {"text": "tens of thousands", "kind": "order of magnitude",
             "unit": "person", "low": 20_000, "high": 99_999},
            counting, _PROBE_DATES[i % len(_PROBE_DATES)], [place], [event],
        )  # fmt: skip
    claim = maker.claim("The congress mattered.", None, [event])["id"]
    for _ in range(k):
        maker.claim(
            f"{maker.rng.choice(_THINGS).capitalize()} had failed.",
            claim,
            [event],
            by=(person, person_name),
        )
    for source in events:
        maker.relation("causes", source, event)
    for _ in range(k):
        maker.note("identifies", [event], "The archive names the congress.")
    return Probes(
        person=person,
        person_name=person_name,
        word="Zaxoqu",
        group=groups[0],
        place=place,
        event=event,
        source_event=events[0],
        claim=claim,
        counting=counting,
        missing_name="Qujijo Juquji",
        missing_word="Qujijo",
    )


def _random(maker: _Maker, counts: dict[str, int]) -> None:
    """Make *counts* random records of each kind."""
    rng = maker.rng
    places: list[str] = []
    for _ in range(counts["places"]):
        within = rng.choice(places) if places and rng.random() < 0.3 else None
        name = maker.word()
        places.append(
            maker.place(name, rng.choice(_PLACE_KINDS), within)["id"]
        )
    people: list[str] = []
    for _ in range(counts["people"]):
        roles = maker.pick(list(_ROLES), 2)
        people.append(
            maker.person(f"{maker.word()} {maker.word()}", roles)["id"]
        )
    groups: list[str] = []
    for _ in range(counts["groups"]):
        name = f"The {maker.word()} {rng.choice(_GROUP_NOUNS)}"
        groups.append(
            maker.group(name, rng.choice(_GROUP_KINDS), maker.pick(people, 3))[
                "id"
            ]
        )
    events: list[str] = []
    for _ in range(counts["events"]):
        kind = rng.choice(tuple(_EVENT_NOUNS))
        participants = maker.pick(people, 3)
        where = maker.pick(places, 2)
        who = " and ".join(maker.name_of(p) for p in participants)
        summary = (
            f"{who or 'Crowds'} {rng.choice(_VERBS)} {rng.choice(_THINGS)}"
            + (f" in {maker.name_of(where[0])}." if where else ".")
        )
        events.append(
            maker.event(
                f"the {maker.word()} {_EVENT_NOUNS[kind]}",
                kind,
                maker.date() if rng.random() < 0.85 else None,
                participants,
                where,
                maker.pick(events, 1),
                summary,
                maker.pick(groups, 2),
            )["id"]
        )
    quotations = [
        maker.utterance(
            rng.choice(people),
            maker.pick(people + groups, 1),
            maker.pick(events, 1),
            rng.choice(events) if rng.random() < 0.3 else None,
            maker.date() if rng.random() < 0.5 else None,
        )["id"]
        for _ in range(counts["quotations"])
    ]
    statistics = [
        maker.statistic(
            maker.quantity(),
            rng.choice(_COUNTED),
            maker.date() if rng.random() < 0.6 else None,
            maker.pick(places, 1),
            maker.pick(events, 1),
        )["id"]
        for _ in range(counts["statistics"])
    ]
    claims: list[str] = []
    anything = events + people + quotations + statistics
    for _ in range(counts["claims"]):
        parent = rng.choice(claims) if claims and rng.random() < 0.4 else None
        summary = (
            f"{rng.choice(_THINGS).capitalize()} {rng.choice(_VERBS)} "
            f"{maker.words(rng.randint(2, 5))}."
        )
        claims.append(
            maker.claim(summary, parent, maker.pick(anything, 2))["id"]
        )
    for _ in range(counts["relations"]):
        source, target = rng.sample(events, 2)
        maker.relation(rng.choice(tuple(_LINKS)), source, target)
    anything += claims
    for _ in range(counts["notes"]):
        about = maker.pick(anything, 2) or [rng.choice(anything)]
        verdict = rng.choice(_VERDICTS)
        maker.note(
            verdict, about, f"The record of {rng.choice(_THINGS)} {verdict}."
        )


def generate(size: int, *, seed: int = SEED) -> Generated:
    """
    Make a corpus of about *size* records (at least `MIN_SIZE`).

    The probe records come first in the text and sit in the middle of each
    collection, so a scan that stops at the first match still reads half
    of it.
    """
    if size < MIN_SIZE:
        msg = f"generate() makes at least {MIN_SIZE} records, not {size}"
        raise ValueError(msg)
    writer = _Writer()
    # Seeded data, not secrets: random's generator is the one wanted.
    probes = _probes(_Maker(writer, random.Random(f"probes-{seed}")))  # noqa: S311
    made = {name: list(writer.records[name]) for name in COLLECTIONS}
    for name in COLLECTIONS:
        writer.records[name] = []
    counts = {
        name: max(2, round(size * share) - len(made[name]))
        for name, share in SHARES.items()
    }
    _random(_Maker(writer, random.Random(seed)), counts)  # noqa: S311
    text = "".join(writer.parts).rstrip() + "\n"
    document: dict[str, Any] = {
        "format": 1,
        "data_version": f"generated-{size}-{seed}",
        "article": {
            "title": "A generated article",
            "standfirst": f"{size} generated records, for the benchmarks",
            "author": "The benchmarks",
            "publication": "secretspeech",
            "issue": 1,
            "published": _day(2006, 2, 18),
            "caption": "No caption",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
    }
    for name in COLLECTIONS:
        randoms = writer.records[name]
        middle = len(randoms) // 2
        document[name] = [
            {field: _resolve(value, text) for field, value in record.items()}
            for record in (*randoms[:middle], *made[name], *randoms[middle:])
        ]
    return Generated(document, text, probes)


def _resolve(value: object, text: str) -> object:
    """Turn the spans in a field's value into evidence objects."""
    if isinstance(value, _Span):
        return _evidence(value, text)
    if isinstance(value, list) and value and isinstance(value[0], _Span):
        return [_evidence(v, text) for v in value]
    return value
