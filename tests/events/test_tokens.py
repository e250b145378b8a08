"""The quote mask: which characters of a sentence lie inside quotation marks."""

from __future__ import annotations

import pytest

from timeline.events.tokens import quoted_mask


def quoted_part(text: str) -> str:
    mask = quoted_mask(text)
    return "".join(char for char, quoted in zip(text, mask, strict=True) if quoted).strip()


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        pytest.param(
            'We will move it into the cloud, " said Steve Jobs during the keynote.',
            "We will move it into the cloud,",
            id="a-straight-quote-before-said-closes-a-quotation-begun-before",
        ),
        pytest.param(
            'He said that, " just one year after the launch, we are ready.',
            '" just one year after the launch, we are ready.',
            id="an-opening-straight-quote-before-other-words-quotes-the-rest",
        ),
        pytest.param(
            'He said " we will win, " and left.',
            '" we will win,',
            id="paired-straight-quotes",
        ),
        pytest.param(
            "Jobs said, “we will win” and left.",
            "“we will win",
            id="paired-curly-quotes",
        ),
    ],
)
def test_quoted_mask(text: str, quoted: str) -> None:
    assert quoted_part(text) == quoted
