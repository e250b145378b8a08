"""The README's two set-up commands stay true: CI runs the second one verbatim."""

from __future__ import annotations

import json
import re

from tests.conftest import REPO_ROOT


def readme_setup_commands() -> list[str]:
    """The commands in the README's first code block."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.S)
    assert block is not None, "README has no code block"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_starts_with_exactly_two_setup_commands() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("```") < readme.index("\n## "), "set-up commands must come first"
    commands = readme_setup_commands()
    assert len(commands) == 2
    assert "timeline extract seeds --out reports" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci_script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_setup_commands()[1] in ci_script.splitlines()


def test_readme_timeline_excerpt_matches_the_committed_report() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Seeds: an excerpt") : readme.index("## Measured")]
    report = json.loads((REPO_ROOT / "reports" / "events.json").read_text(encoding="utf-8"))
    reported = {(e["time"]["value"], e["title"]) for e in report["events"]}
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in section.splitlines()
        if re.match(r"\| \d{4}", line)
    ]
    assert len(rows) >= 5
    for row in rows:
        assert (row[0], row[5]) in reported, f"README excerpt row not in reports/: {row}"
