"""SemEval-2015 Task 4 timelines: dated-event recall at sentence level.

The measure (see `../shared/corpora/README.md`): over every gold timeline line whose date is
not `XXXX-XX-XX`, take each (document, sentence, date). It is *found* when the program emits an
event with a mention in that sentence whose date interval lies inside the gold date (a gold
`2005-XX-XX` accepts any date in 2005). Of the found ones we also report the share whose date
has the gold's precision (the same interval), and, as a precision proxy, the share of emitted
dated mentions that sit in a sentence holding a gold dated event. A continuing event dated by
`since X` (mod START) is scored by its start X, which is what the gold dates.

Reading the corpus, running the real pipeline and scoring are separate functions so that the
scoring can be tested on hand-made inputs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

from pydantic import Field, computed_field

from timeline.ingest import InputError, publication_date_from_iso
from timeline.models import DateSource, Document, Strict, TimelineResult

#: Gold dates: YYYY, YYYY-MM, YYYY-MM-DD with XX for unknown month/day.
GOLD_DATE_PATTERN = re.compile(
    r"\A(?P<year>\d{4})(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?\Z"
)
GOLD_MENTION_PATTERN = re.compile(r"\A(?P<document>[^-]+)-(?P<sentence>\d+)-(?P<word>.+)\Z")
#: Tokenized text: a space before closing punctuation and clitics, after opening brackets/currency.
SPACE_BEFORE_PATTERN = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)")
SPACE_AFTER_PATTERN = re.compile(r"(?<=[(\[{$£€]) ")
POSSESSIVE_QUOTE_PATTERN = re.compile(r"(?<=s) '(?= )")
#: Body sentences share one paragraph (the corpus has no paragraph marks); opening headings
#: (headline, dateline: no final punctuation) stand apart as their own paragraphs.
SENTENCE_SEPARATOR = "\n"
HEADING_SEPARATOR = "\n\n"
TERMINAL_PUNCTUATION = (".", "!", "?", '"', "”", "'", ")")
MISSES_SHOWN = 15


class SemevalSentence(Strict):
    """A sentence of a corpus document, its text (detokenized) and its span in our text."""

    id: int
    text: str
    start: int
    end: int


class SemevalDocument(Strict):
    """A corpus document: its id (DOCID), its DCT, its sentences."""

    id: str
    path: str
    dct: str
    title: str | None = None
    sentences: list[SemevalSentence]


class GoldDatedMention(Strict):
    """A gold (document, sentence, date) with the date's interval and precision."""

    document: str
    sentence: int
    date: str
    earliest: dt.date
    latest: dt.date
    words: list[str] = Field(default_factory=list, description="Gold event head words.")


class EmittedTime(Strict):
    """A dated mention the program emitted, placed in a corpus sentence."""

    document: str
    sentence: int
    value: str
    earliest: dt.date
    latest: dt.date
    event_id: str


class SemevalMiss(Strict):
    """A gold dated mention not found: the sentence, the gold date and what was emitted there."""

    document: str
    sentence: int
    gold: str
    words: list[str] = Field(default_factory=list)
    text: str
    emitted: list[str] = Field(default_factory=list)


class SemevalScores(Strict):
    """The measures, their counts and the worst misses.

    Gold lines that cite a document absent from the corpus can never be found: they are
    counted apart (`gold_in_missing_documents`) and left out of `gold`, with a note.
    """

    documents: int
    gold: int
    gold_in_missing_documents: int = 0
    missing_documents: list[str] = Field(default_factory=list)
    found: int
    found_at_precision: int
    emitted_dated_mentions: int
    emitted_in_gold_sentences: int
    misses: list[SemevalMiss] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        """Share of gold dated mentions found."""
        return self.found / self.gold if self.gold else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision_share(self) -> float:
        """Share of found ones whose emitted date has the gold's precision."""
        return self.found_at_precision / self.found if self.found else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision_proxy(self) -> float:
        """Share of emitted dated mentions in sentences that hold a gold dated event."""
        if not self.emitted_dated_mentions:
            return 0.0
        return self.emitted_in_gold_sentences / self.emitted_dated_mentions

    def report(self) -> str:
        """A short human-readable report."""
        lines = [
            f"SemEval-2015 timelines, {self.documents} documents",
            f"dated-event recall (sentence level): {self.recall:.3f} ({self.found}/{self.gold})",
            f"found at the gold's precision: {self.precision_share:.3f} "
            f"({self.found_at_precision}/{self.found})",
            f"precision proxy (emitted dated mentions in gold-dated sentences): "
            f"{self.precision_proxy:.3f} "
            f"({self.emitted_in_gold_sentences}/{self.emitted_dated_mentions})",
        ]
        if self.gold_in_missing_documents:
            lines.append(
                f"note: {self.gold_in_missing_documents} gold dated mention(s) cite document(s) "
                f"not in the corpus ({', '.join(self.missing_documents)}); "
                "left out of the recall denominator"
            )
        if self.misses:
            lines.append(f"misses (first {len(self.misses)}, wrong dates first):")
        for miss in self.misses:
            emitted = ", ".join(miss.emitted) if miss.emitted else "nothing dated"
            lines.append(
                f"  {miss.document}-{miss.sentence} gold {miss.gold} "
                f"({', '.join(miss.words)}), emitted {emitted}: {miss.text[:110]}"
            )
        return "\n".join(lines)


def gold_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The interval a gold date covers, or None if it is undated (`XXXX-XX-XX`, `XXX-XX-XX`)."""
    match = GOLD_DATE_PATTERN.match(value.strip())
    if match is None:
        return None
    year = int(match["year"])
    month = match["month"]
    day = match["day"]
    if month is None or month == "XX":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month_number = int(month)
    if day is None or day == "XX":
        last = calendar.monthrange(year, month_number)[1]
        return dt.date(year, month_number, 1), dt.date(year, month_number, last)
    day_date = dt.date(year, month_number, int(day))
    return day_date, day_date


def parse_timeline(text: str) -> list[GoldDatedMention]:
    """The dated (document, sentence, date) triples of one gold timeline file."""
    found: list[GoldDatedMention] = []
    for line in text.splitlines()[1:]:
        fields = line.strip().split("\t")
        if len(fields) < 3:
            continue
        interval = gold_interval(fields[1])
        if interval is None:
            continue
        for mention in fields[2:]:
            match = GOLD_MENTION_PATTERN.match(mention.strip())
            if match is None:
                continue
            found.append(
                GoldDatedMention(
                    document=match["document"],
                    sentence=int(match["sentence"]),
                    date=fields[1],
                    earliest=interval[0],
                    latest=interval[1],
                    words=[match["word"]],
                )
            )
    return found


def read_gold_timelines(directory: Path) -> list[GoldDatedMention]:
    """Every distinct gold dated (document, sentence, date) of the timeline files."""
    unique: dict[tuple[str, int, str], GoldDatedMention] = {}
    for path in sorted(directory.glob("*.txt")):
        for gold in parse_timeline(path.read_text(encoding="utf-8")):
            key = (gold.document, gold.sentence, gold.date)
            known = unique.get(key)
            if known is None:
                unique[key] = gold
            elif gold.words[0] not in known.words:
                unique[key] = known.model_copy(update={"words": [*known.words, *gold.words]})
    return list(unique.values())


def detokenize(tokens: str) -> str:
    """Tokenized text as ordinary prose: `Apple 's iPod , $ 80 .` -> `Apple's iPod, $80.`."""
    text = " ".join(tokens.split())
    text = SPACE_BEFORE_PATTERN.sub("", text)
    text = SPACE_AFTER_PATTERN.sub("", text)
    return POSSESSIVE_QUOTE_PATTERN.sub("'", text)


def is_heading_text(text: str) -> bool:
    """Whether a corpus sentence is a heading (headline, dateline): no final punctuation."""
    return not text.rstrip().endswith(TERMINAL_PUNCTUATION)


def read_semeval_document(path: Path) -> SemevalDocument:
    """A `.tml` file of the corpus: DOCID, DCT, and its sentences laid out as in `to_document`.

    The corpus has no paragraph marks. Opening headings (headline, dateline) stand apart with a
    blank line; body sentences are joined by single newlines, one paragraph, so that the
    narrative's context (same-paragraph reference time) is not cut at every sentence.
    """
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise InputError(str(path), f"not well-formed TimeML: {error}") from None
    docid = (root.findtext("DOCID") or path.stem.split("_")[0].split("-")[0]).strip()
    timex = root.find("DCT/TIMEX3")
    if timex is None or not timex.get("value"):
        raise InputError(str(path), "no document date (DCT)")
    sentences: list[SemevalSentence] = []
    offset = 0
    in_headings = True
    for element in root.iter("s"):
        text = detokenize("".join(element.itertext()))
        if sentences:
            offset += len(HEADING_SEPARATOR if in_headings else SENTENCE_SEPARATOR)
        in_headings = in_headings and is_heading_text(text)
        sentences.append(
            SemevalSentence(
                id=int(element.get("id", len(sentences))),
                text=text,
                start=offset,
                end=offset + len(text),
            )
        )
        offset += len(text)
    title = (root.findtext("EXTRAINFO") or "").strip() or None
    return SemevalDocument(
        id=docid, path=str(path), dct=timex.get("value", "")[:10], title=title, sentences=sentences
    )


def document_text(corpus_document: SemevalDocument) -> str:
    """The document's text: each sentence at its offsets, separators in between."""
    parts: list[str] = []
    position = 0
    for sentence in corpus_document.sentences:
        parts.append("\n" * (sentence.start - position) if parts else "")
        parts.append(sentence.text)
        position = sentence.end
    return "".join(parts)


def to_document(corpus_document: SemevalDocument) -> Document:
    """The pipeline's `Document`: the laid-out sentences, the DCT as metadata date."""
    return Document(
        id=corpus_document.id,
        path=corpus_document.path,
        text=document_text(corpus_document),
        published=publication_date_from_iso(
            corpus_document.dct, DateSource.metadata, evidence="DCT"
        ),
        title=corpus_document.title,
    )


def sentence_at(corpus_document: SemevalDocument, start: int, end: int) -> int | None:
    """The id of the corpus sentence a span overlaps most (None if it overlaps none)."""
    best: tuple[int, int] | None = None
    for sentence in corpus_document.sentences:
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if end == start and sentence.start <= start <= sentence.end:
            overlap = 1
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, sentence.id)
    return best[1] if best else None


def emitted_times(
    result: TimelineResult, corpus_documents: dict[str, SemevalDocument]
) -> list[EmittedTime]:
    """Every dated mention of the result, placed in its corpus sentence."""
    emitted: list[EmittedTime] = []
    for event in result.events:
        if event.time is None:
            continue
        for mention in event.mentions:
            corpus_document = corpus_documents.get(mention.document)
            if corpus_document is None:
                continue
            sentence = sentence_at(corpus_document, mention.start, mention.end)
            if sentence is None:
                continue
            earliest, latest = event.time.earliest, event.time.latest
            start = gold_interval(event.time.value) if event.time.mod == "START" else None
            if start is not None:
                earliest, latest = start  # "fighting cancer since 2004": it began in 2004
            emitted.append(
                EmittedTime(
                    document=mention.document,
                    sentence=sentence,
                    value=event.time.value,
                    earliest=earliest,
                    latest=latest,
                    event_id=event.id,
                )
            )
    return emitted


def inside(time: EmittedTime, gold: GoldDatedMention) -> bool:
    """Whether an emitted date interval lies inside the gold date's interval."""
    return gold.earliest <= time.earliest and time.latest <= gold.latest


def at_gold_precision(time: EmittedTime, gold: GoldDatedMention) -> bool:
    """Whether an emitted date is the gold date at the gold's precision (same interval)."""
    return (time.earliest, time.latest) == (gold.earliest, gold.latest)


def score(
    gold: list[GoldDatedMention],
    emitted: list[EmittedTime],
    sentence_texts: dict[tuple[str, int], str],
    documents: int = 0,
) -> SemevalScores:
    """Recall, precision at the gold's granularity, the precision proxy, and the worst misses."""
    by_sentence: dict[tuple[str, int], list[EmittedTime]] = defaultdict(list)
    for time in emitted:
        by_sentence[(time.document, time.sentence)].append(time)
    found = 0
    precise = 0
    misses: list[SemevalMiss] = []
    for item in sorted(gold, key=lambda g: (g.document, g.sentence, g.date)):
        key = (item.document, item.sentence)
        candidates = [t for t in by_sentence.get(key, []) if inside(t, item)]
        if candidates:
            found += 1
            precise += any(at_gold_precision(t, item) for t in candidates)
            continue
        misses.append(
            SemevalMiss(
                document=item.document,
                sentence=item.sentence,
                gold=item.date,
                words=item.words,
                text=sentence_texts.get(key, ""),
                emitted=sorted({t.value for t in by_sentence.get(key, [])}),
            )
        )
    gold_sentences = {(g.document, g.sentence) for g in gold}
    in_gold = sum(1 for t in emitted if (t.document, t.sentence) in gold_sentences)
    misses.sort(key=lambda m: (not m.emitted, m.document, m.sentence))
    return SemevalScores(
        documents=documents,
        gold=len(gold),
        found=found,
        found_at_precision=precise,
        emitted_dated_mentions=len(emitted),
        emitted_in_gold_sentences=in_gold,
        misses=misses[:MISSES_SHOWN],
    )


def run_pipeline(documents: list[Document]) -> TimelineResult:
    """The real per-document pipeline, then the global merge."""
    from timeline.pipeline import merge_documents, process_document

    return merge_documents([process_document(document) for document in documents], [])


def evaluate_semeval_dir(corpus_dir: Path) -> SemevalScores:
    """Score the pipeline on a SemEval-2015 Task 4 folder (`documents/*.tml`, `timelines/*.txt`)."""
    document_paths = sorted((corpus_dir / "documents").glob("*.tml"))
    if not document_paths:
        raise InputError(str(corpus_dir), "no documents/*.tml in this folder")
    gold = read_gold_timelines(corpus_dir / "timelines")
    if not gold:
        raise InputError(str(corpus_dir), "no dated gold timeline lines in timelines/*.txt")
    corpus_documents = {d.id: d for d in map(read_semeval_document, document_paths)}
    present, absent = split_by_document(gold, set(corpus_documents))
    result = run_pipeline([to_document(d) for d in corpus_documents.values()])
    sentence_texts = {(d.id, s.id): s.text for d in corpus_documents.values() for s in d.sentences}
    scores = score(
        present,
        emitted_times(result, corpus_documents),
        sentence_texts,
        documents=len(corpus_documents),
    )
    return scores.model_copy(
        update={
            "gold_in_missing_documents": len(absent),
            "missing_documents": sorted({g.document for g in absent}),
        }
    )


def split_by_document(
    gold: list[GoldDatedMention], documents: set[str]
) -> tuple[list[GoldDatedMention], list[GoldDatedMention]]:
    """Gold mentions in corpus documents, and those citing a document not in the corpus."""
    present = [g for g in gold if g.document in documents]
    return present, [g for g in gold if g.document not in documents]
