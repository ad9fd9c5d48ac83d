"""
Text helpers shared by lookups, searches and `Corpus.context`.

Three jobs live here, each a pure function of strings:

- name normalisation, so that "Khrushchev’s", " nikita KHRUSHCHEV " and
  "Nikita Khrushchev" meet under one key;
- fuzzy word matching (with `difflib`), so that "Kruschev" finds
  "Khrushchev";
- sentence boundaries in the article, for quoting context.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping


__all__ = [
    "STOP_WORDS",
    "brief",
    "close_words",
    "joined",
    "normalize",
    "sentence_spans",
    "sentences_around",
    "shown",
    "similarity",
    "singular",
    "suggest",
    "with_article",
    "word_characters",
    "words",
]

#: Words too common to say anything about a match on their own. A query
#: made only of them is still matched word for word.
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "his",
        "in",
        "its",
        "of",
        "on",
        "or",
        "the",
        "their",
        "to",
        "was",
        "were",
        "with",
    }
)

#: How alike two words must be (`difflib.SequenceMatcher.ratio`) to count
#: as the same word misspelt: "kruschev" and "khrushchev" score 0.89.
WORD_CUTOFF = 0.8
#: How alike a whole name must be to be suggested after a failed lookup.
NAME_CUTOFF = 0.6
#: The similarity given to a word that the query word begins ("khrush").
PREFIX_SIMILARITY = 0.9

# The invisible characters that sit inside a word without breaking it (a
# soft hyphen, zero-width non-joiner and joiner, word joiner, byte-order
# mark), as text copied from a web page may hold them: "Khrush\u00adchev"
# is one word.
_INVISIBLE = "\u00ad\u200c\u200d\u2060\ufeff"
# Every apostrophe made one, and the invisible characters dropped.
_FOLD = str.maketrans(
    {**dict.fromkeys("’‘ʼ`´′", "'"), **dict.fromkeys(_INVISIBLE)}
)
#: `words` on ASCII text: what `_TOKEN_RE` keeps, lowered; the rest spaces.
_ASCII = bytes(
    ord(c.lower()) if c.isalnum() or c in "_'" else 39 if c == "`" else 32
    for c in map(chr, range(128))
) + bytes(range(128, 256))
_TOKEN_RE = re.compile(r"[\w']+")
_PARAGRAPH_RE = re.compile(r"\n[^\S\n]*\n\s*")
_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset('”’")]')
_OPENERS = frozenset('“‘"([')


#: Leading words that `normalize` drops: "the Kremlin" is "Kremlin".
_ARTICLES = frozenset({"the", "a", "an"})


def words(text: str, /) -> tuple[str, ...]:
    """
    Split *text* into normalised words.

    Case is folded and accents are removed (case folded, NFKD, combining
    marks dropped, case folded again, as Unicode's caseless matching does,
    and a dotless "ı" made an "i"), curly and straight apostrophes are the
    same, a possessive ``'s`` (or the apostrophe of ``s'``) is dropped from
    each word, other apostrophes are removed, invisible characters that do
    not break a word (a soft hyphen, zero-width joiners, a word joiner, a
    byte-order mark) are dropped, and every other character that is not a
    letter or a digit separates words: hyphens, dashes, quotes, brackets
    and punctuation.

    Args:
        text: Any text.

    Returns:
        The words, in order.

    >>> from secretspeech._text import words
    >>> words("Khrushchev’s “secret speech”")
    ('khrushchev', 'secret', 'speech')
    >>> words("the delegates' hotels, 1946–7")
    ('the', 'delegates', 'hotels', '1946', '7')
    >>> words("Khrush\u00adchev")
    ('khrushchev',)
    """
    if text.isascii():
        # NFKD leaves ASCII alone and casefold is lower, so one table of
        # bytes does it all: letters lowered, a backquote an apostrophe,
        # anything else that is not part of a word a space.
        folded = text.encode("ascii").translate(_ASCII).decode("ascii")
        tokens = folded.split()
    else:
        # Unicode's caseless matching: case is folded before decomposing,
        # as folding expands some letters ("ᾀ" is "ἀι"), and after, as
        # decomposing makes some capitals ("ℌ" is "H"); and a dotless "ı"
        # is an "i", as its capital "I" is.
        decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(
            _FOLD
        )
        # Ask about each different character once, not each character.
        marks = {
            ord(c): None for c in set(decomposed) if unicodedata.combining(c)
        }
        folded = decomposed.translate(marks).casefold().replace("ı", "i")
        tokens = _TOKEN_RE.findall(folded)
    if "'" not in folded and "_" not in folded:
        return tuple(tokens)
    found: list[str] = []
    for token in tokens:
        # Before and after stripping quotes: "’s" and "‘Stalin’s’".
        word = token.removesuffix("'s").strip("'").removesuffix("'s")
        word = word.replace("'", "")
        if word:
            found.extend(w for w in word.split("_") if w)
    return tuple(found)


def word_characters(text: str, /) -> str:
    r"""
    Return *text* with what `words` reads inside a word made a letter.

    An invisible character that does not break a word (a soft hyphen, a
    zero-width joiner, ...) and a combining mark (the accent of an "e"
    followed by U+0301, as text copied from some systems has it) are no
    word characters to a regular expression's ``\w``, but `words`
    drops them and joins the letters on either side.  Each is made an
    "x" here, so the runs of ``\w`` in the text returned are the words
    of *text*, at the same offsets.

    >>> from secretspeech._text import word_characters
    >>> word_characters("Khrush\u00adchev Bre\u0301zhnev")
    'Khrushxchev Brexzhnev'
    """
    if text.isascii():
        return text
    joiners = {
        ord(c): "x"
        for c in set(text)
        if c in _INVISIBLE or unicodedata.combining(c)
    }
    return text.translate(joiners)


def normalize(text: str, /) -> str:
    """
    Return the key under which *text* is looked up.

    It is the `words` of *text* joined by single spaces, less the leading
    articles ("the", "a", "an") while other words follow, so the key
    ignores case, accents, surrounding whitespace and punctuation, the kind
    of apostrophe, possessives, leading articles and the difference between
    a hyphen and a space; and a key is its own key.

    Args:
        text: A name, alias, id or query.

    Returns:
        The key; empty if *text* has no letters or digits.

    >>> from secretspeech._text import normalize
    >>> normalize("  Nikita KHRUSHCHEV’s ")
    'nikita khrushchev'
    >>> normalize("nikita-khrushchev") == normalize("Nikita Khrushchev")
    True
    >>> normalize("Sergei Korolëv")
    'sergei korolev'
    >>> normalize("the Great Terror") == normalize("Great Terror")
    True
    """
    return joined(words(text))


def joined(found: tuple[str, ...], /) -> str:
    """
    Return the key of a text whose `words` are *found*, as `normalize`.

    >>> from secretspeech._text import joined
    >>> joined(("the", "great", "terror")), joined(("the",))
    ('great terror', 'the')
    """
    # Every leading article, so that a key normalises to itself: "A A 0"
    # is "0", as "A 0" is.
    while len(found) > 1 and found[0] in _ARTICLES:
        found = found[1:]
    return " ".join(found)


def singular(phrase: str, /) -> str:
    """
    Make the last word of a normalised *phrase* singular, roughly.

    Good enough to let "death" find "deaths" and "prisoner" find
    "prisoners"; it does not know irregular plurals.

    Args:
        phrase: A normalised phrase (see `normalize`).

    Returns:
        The phrase with its last word made singular.

    >>> from secretspeech._text import singular
    >>> [singular(p) for p in ("deaths", "death warrants", "ways", "classes")]
    ['death', 'death warrant', 'way', 'class']
    >>> singular("people punished"), singular("s")
    ('people punished', 's')
    """
    head, _, last = phrase.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches", "shes")):
        last = last[:-2]
    elif (
        last.endswith("s")
        and last != "s"
        and not last.endswith(("ss", "us", "is"))
    ):
        last = last[:-1]
    return f"{head} {last}" if head else last


def similarity(query: str, word: str, /) -> float:
    """
    Say how alike a query word and a word of the data are, from 0 to 1.

    Equal words score 1; a word that the query begins (at least three
    letters) scores `PREFIX_SIMILARITY`; otherwise the score is difflib's
    ratio.

    Args:
        query: A normalised word of the query.
        word: A normalised word of the data.

    Returns:
        The similarity.

    >>> from secretspeech._text import similarity
    >>> round(similarity("kruschev", "khrushchev"), 2)
    0.89
    >>> similarity("khrush", "khrushchev")
    0.9
    """
    if query == word:
        return 1.0
    if len(query) >= 3 and word.startswith(query):
        return max(PREFIX_SIMILARITY, _ratio(query, word))
    return _ratio(query, word)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def close_words(
    query: str, vocabulary: Iterable[str], /, *, cutoff: float = WORD_CUTOFF
) -> dict[str, float]:
    """
    Find the words of *vocabulary* that *query* may mean.

    Every word is asked about: the rule written out, and the reference
    that `secretspeech._wordindex.WordIndex` answers as, without asking
    about every word.

    Args:
        query: A normalised word.
        vocabulary: The words to choose from.
        cutoff: The least `similarity` that counts.

    Returns:
        Each close word with its similarity, in *vocabulary* order.

    >>> from secretspeech._text import close_words
    >>> close_words("kruschev", ["khrushchev", "stalin", "brezhnev"])
    {'khrushchev': 0.8888888888888888}
    """
    found: dict[str, float] = {}
    matcher = difflib.SequenceMatcher(None, b=query)
    for word in vocabulary:
        if word == query:
            found[word] = 1.0
            continue
        if len(query) >= 3 and word.startswith(query):
            found[word] = similarity(query, word)
            continue
        matcher.set_seq1(word)
        # The cheap upper bounds first, as difflib.get_close_matches does.
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
        ):
            score = matcher.ratio()
            if score >= cutoff:
                found[word] = score
    return found


def suggest(
    query: str, names: Mapping[str, str], /, *, n: int = 3
) -> tuple[str, ...]:
    """
    Choose the names closest to a query that matched nothing.

    The names are compared whole, normalised, by difflib's ratio (at least
    `NAME_CUTOFF`); ties go to the later key. The catalog passes only the
    names that hold a word close to one of the query's, which difflib
    then ranks: a lookup miss costs what those names cost, not what every
    name does.

    Args:
        query: The text the user gave.
        names: Each normalised key of a candidate with the name to show
            for it.
        n: The most names to return.

    Returns:
        Up to *n* names, closest first; empty if none is close.

    >>> from secretspeech._text import suggest
    >>> suggest("Kruschev", {"khrushchev": "Khrushchev", "stalin": "Stalin"})
    ('Khrushchev',)
    """
    keys = difflib.get_close_matches(
        normalize(query), list(names), n=n, cutoff=NAME_CUTOFF
    )
    return tuple(dict.fromkeys(names[k] for k in keys))


_NON_SPACE = re.compile(r"\S")


_SURROGATE = re.compile("[\ud800-\udfff]")


def unwritable(text: str, /) -> str | None:
    r"""
    Say where *text* holds what no UTF-8 file can: a lone surrogate.

    A JSON file may escape half of a pair (``"\ud800"``), and Python keeps
    it as a character of its own, which cannot be written again. Returns
    `None` for a text without one; ASCII is known at once.

    >>> unwritable("Stalin"), unwritable("Sta\ud800lin")
    (None, "a lone surrogate '\\ud800' at 3")
    """
    if text.isascii():
        return None
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return f"a lone surrogate {found[0]!r} at {found.start()}"


def sentence_spans(text: str, /) -> tuple[tuple[int, int], ...]:
    r"""
    Find the sentences of *text*, as ``(start, end)`` offsets.

    A sentence ends at ``.``, ``!``, ``?`` or ``…``, together with any
    closing quotes or brackets right after it (“…enemies.”), when what
    follows is the end of the paragraph or whitespace and then a capital
    letter, a digit or an opening quote. Inside double quotes nothing ends
    a sentence, so a quoted passage of several sentences stays with its
    attribution. A paragraph (text up to a blank line) always ends a
    sentence. Spans leave out the whitespace around sentences.
    Abbreviations are not recognised ("Mr. Smith" is two sentences); the
    article has none.

    Args:
        text: The text, such as `Article.text`.

    Returns:
        The spans, in order; ``text[start:end]`` is a sentence.

    >>> from secretspeech._text import sentence_spans
    >>> text = "“You are blind.” He left. “Why?” he asked.\n\nNext."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['“You are blind.”', 'He left.', '“Why?” he asked.', 'Next.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in _PARAGRAPH_RE.finditer(text + "\n\n"):
        _paragraph_sentences(text, start, paragraph.start(), spans)
        start = paragraph.end()
    return tuple(spans)


def paragraph_spans(text: str, /) -> tuple[tuple[int, int], ...]:
    r"""
    Find the paragraphs of *text* (runs of text between blank lines).

    Spans leave out the whitespace around paragraphs.

    >>> from secretspeech._text import paragraph_spans
    >>> text = "One. Two.\n\n  Three.\n"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['One. Two.', 'Three.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in _PARAGRAPH_RE.finditer(text + "\n\n"):
        _add_span(text, start, min(paragraph.start(), len(text)), spans)
        start = paragraph.end()
    return tuple(spans)


def _paragraph_sentences(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> None:
    """Append the sentence spans of ``text[start:end]`` to *spans*."""
    begin = start
    depth = 0
    i = start
    while i < end:
        char = text[i]
        i += 1
        if char == "“":
            depth += 1
        elif char == "”":
            depth = max(0, depth - 1)
        elif char == '"':
            depth = 0 if depth else 1
        elif char in _TERMINATORS:
            while i < end and (text[i] in _CLOSERS or text[i] in _TERMINATORS):
                if text[i] == "”" or (text[i] == '"' and depth):
                    depth = max(0, depth - 1)
                i += 1
            if depth == 0 and _starts_sentence(text, i, end):
                _add_span(text, begin, i, spans)
                begin = i
    _add_span(text, begin, end, spans)


def _starts_sentence(text: str, at: int, end: int) -> bool:
    """Tell whether a sentence may begin after the whitespace at *at*."""
    if at >= end:
        return True
    if not text[at].isspace():
        return False
    # Search rather than slice: a slice of the rest of the paragraph at each
    # full stop would make a paragraph of many sentences quadratic.
    found = _NON_SPACE.search(text, at, end)
    if found is None:
        return True
    first = found.group()
    return first.isupper() or first.isdigit() or first in _OPENERS


def _add_span(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> None:
    """Append ``text[start:end]`` without its surrounding whitespace."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def sentences_around(
    spans: tuple[tuple[int, int], ...],
    ends: list[int],
    start: int,
    end: int,
    /,
    *,
    extra: int,
) -> tuple[int, int]:
    """
    Find the offsets of the sentences that touch *start*:*end*, widened.

    Args:
        spans: The sentence spans of the text (see `sentence_spans`).
        ends: The end offsets of *spans*, for bisection.
        start: The first offset of the passage.
        end: The offset just past the passage.
        extra: How many more sentences to take on each side.

    Returns:
        The start of the first sentence and the end of the last one.

    >>> from secretspeech._text import sentence_spans, sentences_around
    >>> text = "One. Two. Three. Four."
    >>> spans = sentence_spans(text)
    >>> s, e = sentences_around(spans, [e for _, e in spans], 5, 8, extra=1)
    >>> text[s:e]
    'One. Two. Three.'
    """
    first = min(bisect.bisect_right(ends, start), len(spans) - 1)
    last = first
    while last + 1 < len(spans) and spans[last + 1][0] < end:
        last += 1
    first = max(0, first - extra)
    last = min(len(spans) - 1, last + extra)
    return spans[first][0], spans[last][1]


def with_article(phrase: str) -> str:
    """
    Put "a" or "an" before *phrase*, for error messages.

    >>> with_article("EventKind"), with_article("person")
    ('an EventKind', 'a person')
    """
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def quoted(text: str, /) -> str:
    """
    Put *text* in double quotation marks, its own double quotes made single.

    A title or a name inside a sentence is quoted as a title; quotes
    inside it become single, as in “Khrushchev and the ‘Anti-Party
    Group’”, so that the reader can tell where it ends.

    >>> quoted("The first tentative steps: the “thaw”")
    '“The first tentative steps: the ‘thaw’”'
    """
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


#: How many characters of a value's repr an error message quotes.
BRIEF_CHARS = 60


def brief(value: object) -> str:
    """
    Quote *value* in an error message: its repr, shortened.

    Never raises: an int too long for `repr` (see
    `sys.set_int_max_str_digits`) is given by its number of digits, and
    any other value whose repr fails by its type.

    >>> brief("Khrushchev"), brief("x" * 100)[-6:], brief(-(10**5000))
    ("'Khrushchev'", 'xxx...', '<an int of 5001 digits>')
    """
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 -- a message must not fail
        if isinstance(value, int):
            return f"<an int of {_digits(value)} digits>"
        return f"<{type(value).__name__} object>"
    if len(text) > BRIEF_CHARS:
        text = text[: BRIEF_CHARS - 3] + "..."
    return text


def shown(value: object) -> str:
    """
    Show *value* and its type in an error message, briefly.

    >>> shown(1956), shown(None), shown(b"x" * 100)[-14:]
    ('1956 (int)', 'None (NoneType)', 'xxx... (bytes)')
    """
    return f"{brief(value)} ({type(value).__name__})"


def _digits(number: int) -> int:
    """Count the decimal digits of *number* without converting it to str."""
    number = abs(number)
    # log10(2) digits a bit, rounded down; one more if the number reaches
    # the next power of ten.
    guess = max(1, number.bit_length() * 30103 // 100000)
    return guess + 1 if number >= 10**guess else guess
