"""Score the temporal tagger on TimeML gold files, with the TempEval-3 measures.

- strict span P/R/F1: a system span counts when a gold span has exactly its offsets;
- relaxed span P/R/F1: system and gold spans overlap, matched one to one;
- value F1 and type F1: relaxed F1 x the share of relaxed matches with that attribute right
  (TempEval-3's attribute F1: attribute P = correct/system, R = correct/gold).

Scoring works on plain spans (pure functions, tested on hand-made cases); reading the corpus
and running the tagger are separate steps. The report also lists what to work on next: rules
by false positives and value errors, and examples of misses and wrong values.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from pydantic import Field

from timeline.ingest import InputError
from timeline.models import SkippedInput, Strict, TemporalExpression
from timeline.temporal.timeml import TimemlDocument, TimexAnnotation, parse_timeml

Tagger = Callable[[str, "dt.date | None"], list[TemporalExpression]]

EXAMPLES_PER_LIST = 15
RULES_IN_REPORT = 15
SHAPES_IN_REPORT = 15
CONTEXT_CHARACTERS = 40


class Span(NamedTuple):
    """A half-open character span [start, end)."""

    start: int
    end: int


class PRF(Strict):
    """Precision, recall and F1 (fractions, 0..1)."""

    precision: float
    recall: float
    f1: float


def precision_recall_f1(correct: int, system: int, gold: int) -> PRF:
    """P/R/F1 from counts; 0 where undefined."""
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return PRF(precision=precision, recall=recall, f1=f1)


def spans_overlap(first: Span, second: Span) -> bool:
    """Whether two half-open spans share at least one character."""
    return first.start < second.end and second.start < first.end


def strict_matches(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """(gold index, system index) pairs with identical spans, one to one."""
    unmatched: dict[Span, list[int]] = {}
    for index, span in enumerate(system):
        unmatched.setdefault(span, []).append(index)
    pairs: list[tuple[int, int]] = []
    for gold_index, span in enumerate(gold):
        candidates = unmatched.get(span)
        if candidates:
            pairs.append((gold_index, candidates.pop(0)))
    return pairs


def relaxed_matches(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """(gold index, system index) pairs of overlapping spans, one to one.

    Exact matches are taken first; the rest are matched greedily by earliest end, which gives
    a maximum matching for intervals.
    """
    pairs = strict_matches(gold, system)
    used_gold = {gold_index for gold_index, _ in pairs}
    used_system = {system_index for _, system_index in pairs}
    free_system = sorted(
        (index for index in range(len(system)) if index not in used_system),
        key=lambda index: (system[index].end, system[index].start),
    )
    for gold_index in sorted(
        (index for index in range(len(gold)) if index not in used_gold),
        key=lambda index: (gold[index].end, gold[index].start),
    ):
        for position, system_index in enumerate(free_system):
            if spans_overlap(gold[gold_index], system[system_index]):
                pairs.append((gold_index, system_index))
                del free_system[position]
                break
    return sorted(pairs)


class MatchCounts(Strict):
    """Counts behind every TempEval-3 timex measure."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def plus(self, other: MatchCounts) -> MatchCounts:
        """The sum of two counts."""
        return MatchCounts(
            **{
                name: getattr(self, name) + getattr(other, name)
                for name in MatchCounts.model_fields
            }
        )


class Annotated(NamedTuple):
    """A span with the attributes that are scored."""

    span: Span
    type: str
    value: str


class Matching(NamedTuple):
    """One document's one-to-one matches: (gold index, system index) pairs."""

    strict: list[tuple[int, int]]
    relaxed: list[tuple[int, int]]


def match(gold: Sequence[Annotated], system: Sequence[Annotated]) -> Matching:
    """Strict and relaxed matches between gold and system items."""
    gold_spans = [item.span for item in gold]
    system_spans = [item.span for item in system]
    return Matching(
        strict=strict_matches(gold_spans, system_spans),
        relaxed=relaxed_matches(gold_spans, system_spans),
    )


def count_matches(
    gold: Sequence[Annotated], system: Sequence[Annotated], matching: Matching | None = None
) -> MatchCounts:
    """Strict, relaxed, and attribute-correct counts for one document."""
    if matching is None:
        matching = match(gold, system)
    relaxed = matching.relaxed
    return MatchCounts(
        gold=len(gold),
        system=len(system),
        strict=len(matching.strict),
        relaxed=len(relaxed),
        value_correct=sum(gold[g].value == system[s].value for g, s in relaxed),
        type_correct=sum(gold[g].type == system[s].type for g, s in relaxed),
    )


def attribute_f1(relaxed: PRF, correct: int, matched: int) -> float:
    """TempEval-3 attribute F1: relaxed F1 times the attribute's accuracy over relaxed matches."""
    return relaxed.f1 * (correct / matched) if matched else 0.0


class RuleScore(Strict):
    """How one tagger rule did: what it produced and how much of it was wrong."""

    rule: str
    produced: int = 0
    false_positives: int = 0
    value_errors: int = 0
    type_errors: int = 0
    strict_correct: int = 0

    @property
    def problems(self) -> int:
        """Errors to fix: false positives plus wrong values."""
        return self.false_positives + self.value_errors


class Example(Strict):
    """One expression worth looking at, with where it is and some context."""

    file: str
    start: int
    end: int
    context: str
    gold_text: str | None = None
    gold_type: str | None = None
    gold_value: str | None = None
    system_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    rule: str | None = None


class DocumentResult(Strict):
    """Counts and findings for one gold document."""

    counts: MatchCounts
    rules: list[RuleScore]
    missed: list[Example]
    wrong_values: list[Example]
    false_positives: list[Example]


def annotated_gold(timexes: Sequence[TimexAnnotation]) -> list[Annotated]:
    """Gold TIMEX3s as scored items."""
    return [Annotated(Span(item.start, item.end), item.type, item.value) for item in timexes]


def annotated_system(expressions: Sequence[TemporalExpression]) -> list[Annotated]:
    """Tagger output as scored items."""
    return [
        Annotated(Span(item.start, item.end), item.type.value, item.value) for item in expressions
    ]


def context_of(text: str, start: int, end: int) -> str:
    """The span in [brackets] with a little text around it, on one line."""
    before = text[max(0, start - CONTEXT_CHARACTERS) : start]
    after = text[end : end + CONTEXT_CHARACTERS]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def score_document(
    document: TimemlDocument, expressions: Sequence[TemporalExpression]
) -> DocumentResult:
    """Compare the tagger's expressions with one document's gold TIMEX3s."""
    gold = annotated_gold(document.timexes)
    system = annotated_system(expressions)
    matching = match(gold, system)
    counts = count_matches(gold, system, matching)
    strict_system = {system_index for _, system_index in matching.strict}
    matched_gold = {gold_index for gold_index, _ in matching.relaxed}
    system_partner = {system_index: gold_index for gold_index, system_index in matching.relaxed}
    rules: dict[str, Counter[str]] = {}
    missed: list[Example] = []
    wrong_values: list[Example] = []
    false_positives: list[Example] = []
    text = document.text
    for system_index, expression in enumerate(expressions):
        row = rules.setdefault(expression.rule, Counter())
        row["produced"] += 1
        row["strict_correct"] += system_index in strict_system
        gold_index = system_partner.get(system_index)
        if gold_index is None:
            row["false_positives"] += 1
            false_positives.append(
                Example(
                    file=document.path,
                    start=expression.start,
                    end=expression.end,
                    context=context_of(text, expression.start, expression.end),
                    system_text=expression.text,
                    system_type=expression.type.value,
                    system_value=expression.value,
                    rule=expression.rule,
                )
            )
            continue
        timex = document.timexes[gold_index]
        row["type_errors"] += timex.type != expression.type.value
        if timex.value != expression.value:
            row["value_errors"] += 1
            wrong_values.append(
                Example(
                    file=document.path,
                    start=expression.start,
                    end=expression.end,
                    context=context_of(text, timex.start, timex.end),
                    gold_text=timex.text,
                    gold_type=timex.type,
                    gold_value=timex.value,
                    system_text=expression.text,
                    system_type=expression.type.value,
                    system_value=expression.value,
                    rule=expression.rule,
                )
            )
    for gold_index, timex in enumerate(document.timexes):
        if gold_index not in matched_gold:
            missed.append(
                Example(
                    file=document.path,
                    start=timex.start,
                    end=timex.end,
                    context=context_of(text, timex.start, timex.end),
                    gold_text=timex.text,
                    gold_type=timex.type,
                    gold_value=timex.value,
                )
            )
    return DocumentResult(
        counts=counts,
        rules=[RuleScore(rule=rule, **row) for rule, row in rules.items()],
        missed=missed,
        wrong_values=wrong_values,
        false_positives=false_positives,
    )


def merge_rule_scores(scores: Sequence[RuleScore]) -> list[RuleScore]:
    """Per-rule totals, worst first (most false positives plus value errors)."""
    totals: dict[str, Counter[str]] = {}
    for score in scores:
        row = totals.setdefault(score.rule, Counter())
        for name in ("produced", "false_positives", "value_errors", "type_errors"):
            row[name] += getattr(score, name)
        row["strict_correct"] += score.strict_correct
    merged = [RuleScore(rule=rule, **row) for rule, row in totals.items()]
    return sorted(merged, key=lambda item: (-item.problems, -item.produced, item.rule))


DIGIT_PATTERN = re.compile(r"\d")


def text_shape(text: str) -> str:
    """A phrase with digits as 9 and case folded, to group similar misses."""
    return " ".join(DIGIT_PATTERN.sub("9", text.lower()).split())


def frequent_shapes(phrases: Sequence[str], limit: int) -> list[tuple[str, int]]:
    """The most common shapes among `phrases`, with their counts."""
    counts = Counter(text_shape(phrase) for phrase in phrases)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


class TimemlScores(Strict):
    """TempEval-3 timex scores over a gold folder, with what to work on next."""

    gold_dir: str
    documents: int
    characters: int
    seconds: float = Field(description="Time spent in the tagger only.")
    counts: MatchCounts
    rules: list[RuleScore]
    missed: list[Example]
    wrong_values: list[Example]
    false_positives: list[Example]
    skipped: list[SkippedInput] = Field(default_factory=list)

    @property
    def strict(self) -> PRF:
        """Strict span P/R/F1."""
        return precision_recall_f1(self.counts.strict, self.counts.system, self.counts.gold)

    @property
    def relaxed(self) -> PRF:
        """Relaxed span P/R/F1."""
        return precision_recall_f1(self.counts.relaxed, self.counts.system, self.counts.gold)

    @property
    def value_f1(self) -> float:
        """TempEval-3 value F1."""
        return attribute_f1(self.relaxed, self.counts.value_correct, self.counts.relaxed)

    @property
    def type_f1(self) -> float:
        """TempEval-3 type F1."""
        return attribute_f1(self.relaxed, self.counts.type_correct, self.counts.relaxed)

    @property
    def characters_per_second(self) -> float:
        """Tagger throughput."""
        return self.characters / self.seconds if self.seconds > 0 else float("inf")

    def summary(self) -> str:
        """The headline measures on a few lines."""
        strict, relaxed, counts = self.strict, self.relaxed, self.counts
        return "\n".join(
            [
                f"TimeML evaluation of {self.gold_dir}: {self.documents} documents, "
                f"{self.characters} characters, "
                f"{self.characters_per_second / 1000:.0f} K characters/s (tagger only)",
                f"gold {counts.gold}  system {counts.system}  strict matches {counts.strict}  "
                f"relaxed matches {counts.relaxed}  value right {counts.value_correct}  "
                f"type right {counts.type_correct}",
                f"strict   P {strict.precision:6.1%}  R {strict.recall:6.1%}  F1 {strict.f1:6.1%}",
                f"relaxed  P {relaxed.precision:6.1%}  R {relaxed.recall:6.1%}  "
                f"F1 {relaxed.f1:6.1%}",
                f"value F1 {self.value_f1:6.1%}   type F1 {self.type_f1:6.1%}",
            ]
        )

    def report(self) -> str:
        """Summary, then the worst rules, frequent misses and examples to work on."""
        lines = [self.summary()]
        lines += [f"skipped {item.path}: {item.reason}" for item in self.skipped]
        lines += ["", "Rules, worst first (false positives + value errors):"]
        lines.append(f"  {'rule':40} {'made':>5} {'FP':>5} {'value':>5} {'type':>5} {'exact':>5}")
        for score in self.rules[:RULES_IN_REPORT]:
            lines.append(
                f"  {score.rule:40} {score.produced:5} {score.false_positives:5} "
                f"{score.value_errors:5} {score.type_errors:5} {score.strict_correct:5}"
            )
        lines += ["", f"Most frequent missed phrases ({len(self.missed)} missed):"]
        missed_phrases = [example.gold_text or "" for example in self.missed]
        for shape, count in frequent_shapes(missed_phrases, SHAPES_IN_REPORT):
            lines.append(f"  {count:4}  {shape}")
        lines += ["", "Most frequent false positive phrases:"]
        false_phrases = [example.system_text or "" for example in self.false_positives]
        for shape, count in frequent_shapes(false_phrases, SHAPES_IN_REPORT):
            lines.append(f"  {count:4}  {shape}")
        lines += ["", "Missed (gold type value | context):"]
        lines += [
            f"  {example.gold_type} {example.gold_value} | {example.context}  "
            f"({Path(example.file).name})"
            for example in self.missed[:EXAMPLES_PER_LIST]
        ]
        lines += ["", f"Wrong values ({len(self.wrong_values)}; gold -> ours [rule] | context):"]
        lines += [
            f"  {example.gold_value} -> {example.system_value} [{example.rule}] "
            f"{example.system_text!r} | {example.context}  ({Path(example.file).name})"
            for example in self.wrong_values[:EXAMPLES_PER_LIST]
        ]
        lines += ["", f"False positives ({len(self.false_positives)}; ours [rule] | context):"]
        lines += [
            f"  {example.system_value} [{example.rule}] | {example.context}  "
            f"({Path(example.file).name})"
            for example in self.false_positives[:EXAMPLES_PER_LIST]
        ]
        return "\n".join(lines)

    def errors_by_rule(self) -> str:
        """Every wrong value and false positive grouped by the rule that made it (most errors
        first), then every missed gold expression: the whole listing behind `report`."""
        groups: dict[str, list[str]] = {}
        for example in self.wrong_values:
            groups.setdefault(example.rule or "?", []).append(
                f"    value {example.gold_value} -> {example.system_value} "
                f"({example.gold_type}/{example.system_type}) {example.system_text!r} | "
                f"{example.context}  ({Path(example.file).name})"
            )
        for example in self.false_positives:
            groups.setdefault(example.rule or "?", []).append(
                f"    false positive {example.system_value} {example.system_text!r} | "
                f"{example.context}  ({Path(example.file).name})"
            )
        lines = ["Errors by rule (wrong values, then false positives):"]
        for rule, rows in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            lines += [f"  {rule} ({len(rows)})", *rows]
        lines += ["", f"Missed ({len(self.missed)}):"]
        lines += [
            f"    {example.gold_type} {example.gold_value} {example.gold_text!r} | "
            f"{example.context}  ({Path(example.file).name})"
            for example in self.missed
        ]
        return "\n".join(lines)


def gold_files(gold_dir: Path) -> list[Path]:
    """Every `.tml` file under `gold_dir`, in a stable order."""
    return sorted(path for path in gold_dir.rglob("*.tml") if path.is_file())


def spread(examples: Sequence[Example]) -> list[Example]:
    """Examples reordered round-robin across files, so a report shows many documents."""
    by_file: dict[str, list[Example]] = {}
    for example in examples:
        by_file.setdefault(example.file, []).append(example)
    queues = list(by_file.values())
    ordered: list[Example] = []
    depth = 0
    while len(ordered) < len(examples):
        for queue in queues:
            if depth < len(queue):
                ordered.append(queue[depth])
        depth += 1
    return ordered


def evaluate_timeml_dir(gold_dir: Path, tagger: Tagger | None = None) -> TimemlScores:
    """Tag the text of every gold `.tml` file under `gold_dir` (with its DCT) and score it.

    Files that cannot be read are listed in `skipped` and left out of every count.
    """
    if tagger is None:
        from timeline.temporal import tag as tagger
    paths = gold_files(gold_dir)
    if not paths:
        raise InputError(str(gold_dir), "no .tml files found")
    counts = MatchCounts()
    rules: list[RuleScore] = []
    missed: list[Example] = []
    wrong_values: list[Example] = []
    false_positives: list[Example] = []
    characters = 0
    seconds = 0.0
    skipped: list[SkippedInput] = []
    documents = 0
    for path in paths:
        try:
            document = parse_timeml(path)
        except InputError as error:
            skipped.append(SkippedInput(path=error.path, reason=error.reason))
            continue
        documents += 1
        started = time.perf_counter()
        expressions = tagger(document.text, document.dct)
        seconds += time.perf_counter() - started
        characters += len(document.text)
        result = score_document(document, expressions)
        counts = counts.plus(result.counts)
        rules += result.rules
        missed += result.missed
        wrong_values += result.wrong_values
        false_positives += result.false_positives
    return TimemlScores(
        gold_dir=str(gold_dir),
        documents=documents,
        characters=characters,
        seconds=seconds,
        counts=counts,
        rules=merge_rule_scores(rules),
        missed=spread(missed),
        wrong_values=spread(wrong_values),
        false_positives=spread(false_positives),
        skipped=skipped,
    )
