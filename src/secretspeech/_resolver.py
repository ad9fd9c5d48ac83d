"""
`Resolver`: what a corpus's collections read names with.

Users name records by the record itself, its id or any of its names; a
`Corpus` gives each of its collections a resolver over all of them, so a
criterion such as ``involving="Hungary"`` finds the place, refuses the id of
a record of the wrong type with a message that says so, and suggests close
names when nothing matches.  `Corpus.lookup` reads names the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from secretspeech._catalog import Collection, base_of, find, missing
from secretspeech._checks import (
    ANY,
    TYPE_OF,
    describe,
    noun,
    nouns,
)
from secretspeech._model import Article, Record
from secretspeech._text import brief, normalize, with_article
from secretspeech.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    NotFoundError,
    SecretSpeechError,
)


__all__ = ["Resolver"]


class Resolver:
    """
    Turn what users pass for a record (a record, an id, a name) into ids.

    A `Corpus` gives each of its collections one, over all of them; a
    collection made on its own takes strings as ids instead
    (`secretspeech._catalog._OwnIds`).
    """

    __slots__ = ("collections", "owner")

    def __init__(self, collections: Mapping[str, Collection[Any]]) -> None:
        self.collections = dict(collections)
        self.owner = {
            rid: name
            for name, collection in self.collections.items()
            for rid in base_of(collection).by_id
        }

    def id(self, value: object, among: tuple[str, ...], argument: str) -> str:
        """
        Return the id of the record *value* stands for.

        Where any record will do, the `Article` (or ``"article"``) stands
        for itself: notes may be about the article.
        """
        if among == ANY and (
            self.names_article(value)
            if isinstance(value, str)
            else isinstance(value, Article)
        ):
            return "article"
        return self.record(value, among, argument).id

    def names_article(self, value: str) -> bool:
        """
        Tell whether the str *value* names the article.

        The article's id is ``"article"``, read as record ids are: in any
        case and spacing, and after "the" (``"The article"``), unless a
        record has that name or alias.
        """
        return value == "article" or (
            normalize(value) == "article"
            and find(list(self.collections.values()), value) is None
        )

    def record(
        self, value: object, among: tuple[str, ...], argument: str
    ) -> Record:
        """
        Return the record *value* stands for, among some collections.

        Raises:
            InvalidTypeError: If *value* is neither a str nor a record of
                a type those collections hold.
            InvalidValueError: If it is the id of a record of another type.
            NotFoundError: If no record there has that id, name or alias.
        """
        types = tuple(TYPE_OF[name] for name in among)
        if isinstance(value, types):
            return self.own(value, argument)
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"{argument} takes {with_article(nouns(among))} or its id "
                f"or name, got {describe(value)}"
            )
        found = find([self.collections[name] for name in among], value)
        if found is None:
            raise self.miss(value, normalize(value), among, argument)
        return found

    def own(self, record: Record, argument: str) -> Record:
        """
        Return *record* if these collections hold it, else raise.

        A record of another corpus may share an id with one of these; answering
        for it would quietly answer for a different record.

        Raises:
            InvalidValueError: If no record here is equal to *record*.
        """
        name = self.owner.get(record.id)
        if name is not None:
            base = base_of(self.collections[name])
            held = base.records[base.by_id[record.id]]
            if held is record or held == record:
                return held  # type: ignore[no-any-return]
        raise InvalidValueError(
            f"{argument}{type(record).__name__}(id={record.id!r}) is not a "
            "record of this corpus (it may come from another one); pass its "
            "id to use this corpus's record of that id"
        )

    def miss(
        self, value: str, key: str, among: tuple[str, ...], argument: str
    ) -> SecretSpeechError:
        """Build the error for a *value* that names nothing in *among*."""
        owner = self.owner.get(value.strip())
        if owner is not None or value.strip() == "article":
            what = (
                "the Article"
                if owner is None
                else with_article(noun(TYPE_OF[owner]))
            )
            return InvalidValueError(
                f"{argument}{brief(value)} is the id of {what}, "
                f"but {argument} takes {with_article(nouns(among))}"
            )
        if self.names_article(value):
            # Near names of records would mislead, as for a name of a record
            # of another type.
            return NotFoundError(
                f"{argument}{brief(value)}: no {nouns(among)} has this id, "
                f"name or alias; it names the Article, but {argument} takes "
                f"{with_article(nouns(among))}"
            )
        elsewhere = self.named_elsewhere(key, among)
        if elsewhere is not None:
            # Suggesting near names of the wrong type would mislead: say
            # what the name is instead.
            return NotFoundError(
                f"{argument}{brief(value)}: no {nouns(among)} has this id, "
                f"name or alias; it names "
                f"{with_article(noun(type(elsewhere)))} ({elsewhere.id!r}), "
                f"but {argument} takes {with_article(nouns(among))}"
            )
        return missing(
            [self.collections[name] for name in among],
            value,
            nouns(among),
            argument,
        )

    def named_elsewhere(
        self, key: str, among: tuple[str, ...]
    ) -> Record | None:
        """Return a record outside *among* with the normalised name *key*."""
        for name, collection in self.collections.items():
            if name not in among:
                found = base_of(collection).by_key.get(key)
                if found:
                    return base_of(collection).records[found[0]]  # type: ignore[no-any-return]
        return None
