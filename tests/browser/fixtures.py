"""TimelineResult fixtures for the renderer: small and realistic, 5,000 events, and hostile."""

from __future__ import annotations

import datetime as dt
import random

from timeline.models import (
    DateSource,
    DocumentSummary,
    Event,
    EventStatus,
    EventTime,
    Granularity,
    Mention,
    PublicationDate,
    SkippedInput,
    TimeBasis,
    TimelineResult,
)

XSS_FLAG_PAYLOAD = '<img src=x onerror="window.__xss=1">'
SCRIPT_PAYLOAD = "<script>window.__xss=2</script>"
BOLD_PAYLOAD = '<b onmouseover="window.__xss=3">bold</b>'
LINK_PAYLOAD = '<a href="https://evil.example/">click me</a>'


def publication(
    value: str | None, source: DateSource, evidence: str | None = None
) -> PublicationDate:
    """A publication date at the precision of `value` (None, YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None:
        return PublicationDate(value=None, source=source, evidence=evidence)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        earliest = latest = dt.date(*parts)
    elif len(parts) == 2:
        earliest = dt.date(parts[0], parts[1], 1)
        latest = (earliest.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(
            days=1
        )
    else:
        earliest, latest = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    return PublicationDate(
        value=value, earliest=earliest, latest=latest, source=source, evidence=evidence
    )


def mention(document: str, sentence: str, phrase: str | None, offset: int = 100) -> Mention:
    """A mention of `sentence` at `offset` in `document`, with `phrase` as its date phrase."""
    if phrase is None:
        return Mention(document=document, start=offset, end=offset + len(sentence), text=sentence)
    at = sentence.index(phrase)
    return Mention(
        document=document,
        start=offset,
        end=offset + len(sentence),
        text=sentence,
        time_start=offset + at,
        time_end=offset + at + len(phrase),
    )


def event_time(
    value: str,
    earliest: dt.date,
    latest: dt.date,
    grain: Granularity,
    text: str | None,
    basis: TimeBasis = TimeBasis.explicit,
) -> EventTime:
    """An EventTime, shortened."""
    return EventTime(
        value=value, earliest=earliest, latest=latest, granularity=grain, text=text, basis=basis
    )


def small_result() -> TimelineResult:
    """Six dated events (day, month, year precision; two on one day), two undated, four
    documents whose dates come from different sources, one skipped input."""
    documents = [
        DocumentSummary(
            id="cbc",
            path="seeds/cbc.txt",
            published=publication("2021-06-18", DateSource.dates_file),
            outlet="CBC News",
            url="https://www.cbc.ca/news/politics/xinjiang-statement",
        ),
        DocumentSummary(
            id="star",
            path="seeds/star.txt",
            published=publication("2021-03-22", DateSource.metadata, "article:published_time"),
            outlet="Toronto Star",
            title="Canada sanctions Chinese officials",
        ),
        DocumentSummary(
            id="bl",
            path="seeds/bl.txt",
            published=publication("2021-01", DateSource.inferred, "latest date in the text"),
            outlet="The BL",
            url="javascript:alert(1)",
        ),
        DocumentSummary(
            id="minghui",
            path="seeds/minghui.txt",
            published=publication(None, DateSource.unknown),
            outlet="Minghui.org",
        ),
    ]
    sanction_sentence = (
        "On March 22, Canada imposed sanctions on four Chinese officials over abuses in Xinjiang."
    )
    events = [
        Event(
            id="e1",
            title="Canada sanctions four Chinese officials",
            summary="Canada, with the EU, UK and US, sanctioned four officials over Xinjiang.",
            time=event_time(
                "2021-03-22",
                dt.date(2021, 3, 22),
                dt.date(2021, 3, 22),
                Granularity.day,
                "March 22",
            ),
            status=EventStatus.occurred,
            type="sanction",
            actors=["Canada", "European Union"],
            targets=["Chinese officials"],
            places=["Xinjiang"],
            mentions=[
                mention("star", sanction_sentence, "March 22"),
                mention("cbc", "Canada imposed sanctions on March 22 with its allies.", "March 22"),
            ],
            sources=2,
            confidence=0.9,
        ),
        Event(
            id="e2",
            title="China retaliates with counter-sanctions",
            summary="China sanctioned Canadian MP Michael Chong and a subcommittee.",
            time=event_time(
                "2021-03-22",
                dt.date(2021, 3, 22),
                dt.date(2021, 3, 22),
                Granularity.day,
                "the same day",
                TimeBasis.anaphoric,
            ),
            status=EventStatus.occurred,
            type="sanction",
            actors=["China"],
            targets=["Michael Chong"],
            mentions=[
                mention("star", "China retaliated the same day with sanctions.", "the same day")
            ],
            confidence=0.8,
        ),
        Event(
            id="e3",
            title="Parliament votes to call the treatment of Uyghurs a genocide",
            summary="The House of Commons passed a non-binding motion.",
            time=event_time(
                "2021-02",
                dt.date(2021, 2, 1),
                dt.date(2021, 2, 28),
                Granularity.month,
                "in February",
            ),
            status=EventStatus.occurred,
            type="vote",
            actors=["House of Commons"],
            mentions=[
                mention("bl", "In February, the House of Commons voted 266-0.", "In February")
            ],
            confidence=0.85,
        ),
        Event(
            id="e4",
            title="Joint statement at the UN Human Rights Council",
            summary="More than 40 countries are to ask China for access to Xinjiang.",
            time=event_time(
                "2021-06-21",
                dt.date(2021, 6, 21),
                dt.date(2021, 6, 21),
                Granularity.day,
                "on Monday",
                TimeBasis.relative,
            ),
            status=EventStatus.planned,
            type="statement",
            actors=["Canada", "United Nations Human Rights Council"],
            mentions=[
                mention(
                    "cbc",
                    "The statement will be delivered in Geneva on Monday, CBC News has learned.",
                    "on Monday",
                )
            ],
            confidence=0.75,
        ),
        Event(
            id="e5",
            title="Detention camps in Xinjiang expand",
            summary="Reports of mass detention grew through the year.",
            time=event_time(
                "2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31), Granularity.year, "in 2019"
            ),
            status=EventStatus.ongoing,
            type="detention",
            actors=["China"],
            mentions=[mention("minghui", "In 2019, the camps kept growing.", "In 2019")],
            confidence=0.6,
        ),
        Event(
            id="e6",
            title="Canada calls for an independent investigation",
            summary="Ottawa asks for unrestricted access for observers.",
            time=event_time(
                "2021-06-18",
                dt.date(2021, 6, 18),
                dt.date(2021, 6, 18),
                Granularity.day,
                None,
                TimeBasis.document_date,
            ),
            status=EventStatus.occurred,
            type="statement",
            actors=["Canada"],
            mentions=[mention("cbc", "Canada is leading an international effort.", None)],
            confidence=0.4,
        ),
    ]
    undated = [
        Event(
            id="u1",
            title="Former detainees describe forced labour",
            summary="Witnesses described forced labour in factories.",
            time=None,
            status=EventStatus.occurred,
            type="statement",
            actors=["former detainees"],
            mentions=[mention("minghui", "Former detainees described forced labour.", None)],
            confidence=0.5,
            reason="no date phrase in the sentence and the document date is unknown",
        ),
        Event(
            id="u2",
            title="Beijing denies the accusations",
            summary="China rejects the genocide accusations.",
            time=None,
            status=EventStatus.occurred,
            type="statement",
            actors=["China"],
            mentions=[mention("bl", "Beijing has denied all accusations.", None)],
            confidence=0.5,
        ),
    ]
    return TimelineResult(
        documents=documents,
        events=events,
        undated=undated,
        skipped=[SkippedInput(path="seeds/broken.pdf", reason="not a text file")],
    )


def malicious_result() -> TimelineResult:
    """Every string a document controls carries markup or script: it must stay text."""
    payloads = f"{XSS_FLAG_PAYLOAD} {SCRIPT_PAYLOAD} {BOLD_PAYLOAD} {LINK_PAYLOAD}"
    sentence = f"On May 5, 2021 {payloads} happened </script><script>window.__xss=4</script>."
    documents = [
        DocumentSummary(
            id="evil",
            path=f"evil/{XSS_FLAG_PAYLOAD}.txt",
            published=publication("2021-05-06", DateSource.text, f"dateline {SCRIPT_PAYLOAD}"),
            title=f"Title {XSS_FLAG_PAYLOAD}",
            outlet=f"Outlet {BOLD_PAYLOAD}",
            url="javascript:window.__xss=5",
        ),
        DocumentSummary(
            id="fine",
            path="fine.txt",
            published=publication("2021-05-07", DateSource.option),
            title="A fine document",
            url="https://example.org/fine",
        ),
    ]
    events = [
        Event(
            id="x1",
            title=f"Attack {XSS_FLAG_PAYLOAD}",
            summary=f"Summary {payloads}",
            time=event_time(
                "2021-05-05",
                dt.date(2021, 5, 5),
                dt.date(2021, 5, 5),
                Granularity.day,
                f"May 5, 2021 {BOLD_PAYLOAD}",
            ),
            status=EventStatus.occurred,
            type=f"type {BOLD_PAYLOAD}",
            actors=[f"Actor {LINK_PAYLOAD}", f"Other {SCRIPT_PAYLOAD}"],
            mentions=[mention("evil", sentence, "May 5, 2021")],
            confidence=0.9,
        ),
        Event(
            id="x2",
            title=f"Second {LINK_PAYLOAD}",
            summary="plain",
            time=event_time(
                "2021-05", dt.date(2021, 5, 1), dt.date(2021, 5, 31), Granularity.month, "May"
            ),
            status=EventStatus.planned,
            type="statement",
            actors=[],
            mentions=[mention("fine", "Something happens in May.", "May")],
            confidence=0.9,
        ),
    ]
    undated = [
        Event(
            id="x3",
            title=f"Undated {SCRIPT_PAYLOAD}",
            summary=payloads,
            time=None,
            status=EventStatus.occurred,
            type="statement",
            mentions=[mention("evil", f"No date {XSS_FLAG_PAYLOAD}", None)],
            confidence=0.5,
            reason=f"reason {BOLD_PAYLOAD}",
        )
    ]
    return TimelineResult(
        documents=documents,
        events=events,
        undated=undated,
        skipped=[SkippedInput(path=f"{XSS_FLAG_PAYLOAD}.txt", reason=SCRIPT_PAYLOAD)],
    )


EVENT_TYPES = (
    "statement",
    "sanction",
    "vote",
    "detention",
    "protest",
    "meeting",
    "report",
    "attack",
    "election",
    "agreement",
)
GRAINS = (Granularity.day,) * 7 + (Granularity.month, Granularity.month, Granularity.year)
STATUSES = tuple(EventStatus)


def generated_result(count: int = 5000, seed: int = 7) -> TimelineResult:
    """`count` dated events over ten years from 200 documents and 300 actors (deterministic)."""
    rng = random.Random(seed)
    first = dt.date(2012, 1, 1)
    documents = [
        DocumentSummary(
            id=f"doc{i:03d}",
            path=f"corpus/doc{i:03d}.txt",
            published=publication(
                (first + dt.timedelta(days=rng.randrange(3650))).isoformat(),
                rng.choice((DateSource.dates_file, DateSource.metadata, DateSource.text)),
            ),
            outlet=f"Outlet {i % 17}",
            url=f"https://news.example/{i}",
        )
        for i in range(200)
    ]
    actors = [f"Actor {i:03d}" for i in range(300)]
    events: list[Event] = []
    for i in range(count):
        day = first + dt.timedelta(days=int(rng.triangular(0, 3650, 2900)))
        grain = rng.choice(GRAINS)
        if grain is Granularity.day:
            earliest = latest = day
            value = day.isoformat()
            phrase = day.strftime("%B %d, %Y")
        elif grain is Granularity.month:
            earliest = day.replace(day=1)
            latest = (earliest.replace(day=28) + dt.timedelta(days=4)).replace(
                day=1
            ) - dt.timedelta(days=1)
            value = earliest.strftime("%Y-%m")
            phrase = day.strftime("in %B %Y")
        else:
            earliest, latest = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
            value = str(day.year)
            phrase = f"in {day.year}"
        document = rng.choice(documents).id
        event_actors = rng.sample(actors, rng.randint(0, 3))
        kind = rng.choice(EVENT_TYPES)
        sentence = f"{', '.join(event_actors) or 'Someone'} held a {kind} {phrase}, officials said."
        events.append(
            Event(
                id=f"ev{i:05d}",
                title=f"{kind.capitalize()} number {i} by {(event_actors or ['someone'])[0]}",
                summary=sentence,
                time=event_time(value, earliest, latest, grain, phrase),
                status=rng.choice(STATUSES),
                type=kind,
                actors=event_actors,
                mentions=[mention(document, sentence, phrase, offset=rng.randrange(5000))],
                sources=1,
                confidence=round(rng.uniform(0.3, 1.0), 2),
            )
        )
    return TimelineResult(documents=documents, events=events)
