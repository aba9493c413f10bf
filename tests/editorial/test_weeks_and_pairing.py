"""Which tools a week takes, and how they are paired: purpose, constraints, editors' decisions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from editorial.pairing import Rules, best_edge_first, choose_pairs
from editorial.similarity import Profile
from editorial.weeks import compose_window

NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)  # a Thursday of 2026-W49


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def test_a_past_week_takes_what_was_published_in_it_whenever_it_was_fetched():
    window = compose_window("2026-W47", now=NOW, previous_cutoff=None)  # 16-22 November
    assert window.past
    assert window.takes(published=at(18), first_seen=at(30))  # fetched late: still W47's
    assert not window.takes(published=at(14), first_seen=at(18))  # published the week before
    assert window.takes(published=None, first_seen=at(20))  # undated: first seen counts


def test_the_current_week_takes_everything_since_the_previous_cutoff():
    cutoff = datetime(2026, 11, 27, 6, tzinfo=UTC)  # the previous Friday's compose
    window = compose_window("2026-W49", now=NOW, previous_cutoff=cutoff)
    assert not window.past
    assert window.takes(published=datetime(2026, 11, 28, 10, tzinfo=UTC), first_seen=at(30))  # a Saturday
    assert window.takes(published=at(25), first_seen=at(30))  # published before, fetched after the cutoff
    assert not window.takes(published=at(25), first_seen=at(26))  # the previous issue could take it
    assert not window.takes(published=datetime(2026, 12, 9, tzinfo=UTC), first_seen=NOW)  # next week's
    assert window.cutoff(NOW) == NOW


def profile(
    id: int,
    name: str,
    tagline: str,
    description: str,
    category: str = "AI Tools",
    domain: str | None = None,
    kinds: tuple[str, ...] = (),
) -> Profile:
    return Profile(
        id,
        name,
        tagline,
        description,
        category,
        domain or f"{name.lower().replace(' ', '')}.test",
        frozenset(kinds),
    )


WEEK = [
    profile(
        1,
        "Scribeline",
        "Meeting notes that write themselves",
        "Joins your Zoom calls, transcribes the meeting and sends minutes with action items.",
        "Productivity",
    ),
    profile(
        2,
        "Dubwise",
        "Dub your videos into other languages",
        "Clones your voice and dubs videos into 18 languages with lip sync, with subtitles.",
        "Audio & Video",
    ),
    profile(
        3,
        "Minutehand",
        "AI minutes for every team meeting",
        "Records team meetings, writes a transcript and a summary of decisions and action items.",
        "Productivity",
    ),
    profile(
        4,
        "Voxport",
        "Translate your video's voice track",
        "Dubbing for video creators: your own voice in Spanish, French and Japanese, with captions.",
        "Audio & Video",
    ),
    profile(
        5,
        "Orebody",
        "Mineral exploration from satellite data",
        "Finds likely copper deposits in satellite imagery for mining geologists.",
    ),
]


def pairs_of(result) -> set[frozenset[int]]:
    return {frozenset((c.a, c.b)) for c in result.pairs}


def test_tools_pair_by_purpose_and_an_odd_tool_out_stays_out():
    result = choose_pairs(WEEK, limit=5, rules=Rules())
    assert pairs_of(result) == {frozenset({1, 3}), frozenset({2, 4})}
    left = {o.id: o.reason for o in result.left_out}
    assert set(left) == {5} and "no tool alike enough" in left[5]
    first = result.pairs[0]
    assert any(reason.startswith("shared purpose:") for reason in first.why)


def test_two_records_of_one_tool_never_pair():
    twin = profile(
        6,
        "Scribeline",
        "Meeting notes that write themselves (v2)",
        "Joins your Zoom calls, transcribes the meeting and sends minutes.",
        "Productivity",
        domain="other.test",
    )
    same_domain = profile(
        7,
        "Notetaker",
        "Meeting notes",
        "Transcribes meetings into minutes.",
        "Productivity",
        domain="scribeline.test",
    )  # 6 and 7 are one tool through 1
    result = choose_pairs([WEEK[0], twin, same_domain], limit=5, rules=Rules(min_score=0.0))
    assert result.pairs == ()


def test_editors_decisions_and_published_pairs_are_honoured():
    published = Rules(published=frozenset({frozenset({1, 3})}))
    assert frozenset({1, 3}) not in pairs_of(choose_pairs(WEEK, limit=5, rules=published))
    forbidden = Rules(forbidden=frozenset({frozenset({2, 4})}))
    assert frozenset({2, 4}) not in pairs_of(choose_pairs(WEEK, limit=5, rules=forbidden))
    dropped = choose_pairs(WEEK, limit=5, rules=Rules(dropped=frozenset({3})))
    assert all(3 not in pair for pair in pairs_of(dropped))
    assert any(o.id == 3 and "dropped by an editor" in o.reason for o in dropped.left_out)
    pinned = choose_pairs(WEEK, limit=1, rules=Rules(pinned=((1, 2),)))
    assert [(c.a, c.b, c.pinned) for c in pinned.pairs] == [(1, 2, True)]  # pins first, within the size


def test_the_issue_size_is_respected_and_the_rest_is_explained():
    result = choose_pairs(WEEK, limit=1, rules=Rules())
    assert len(result.pairs) == 1
    assert any("beyond the issue's size of 1" in o.reason for o in result.left_out)


def test_a_lonely_new_tool_may_face_a_notable_recent_tool():
    recent = [
        profile(
            20,
            "Polydub",
            "AI dubbing for YouTube videos",
            "Dubs your videos into 20 languages in your own cloned voice, with subtitles.",
            "Audio & Video",
        )
    ]
    result = choose_pairs([WEEK[1], WEEK[4]], limit=5, rules=Rules(), recent=recent)
    assert [(c.a, c.b, c.opponent) for c in result.pairs] == [(2, 20, True)]
    assert any("notable recent tool" in reason for reason in result.pairs[0].why)


@pytest.mark.parametrize("method", ["matching", "best-edge-first"])
def test_both_methods_give_the_obvious_pairs(method: str):
    assert pairs_of(choose_pairs(WEEK, limit=5, rules=Rules(), method=method)) == {
        frozenset({1, 3}),
        frozenset({2, 4}),
    }


def test_best_edge_first_takes_the_best_link_whose_ends_are_free():
    edges = {(0, 1): 0.9, (1, 2): 0.8, (2, 3): 0.7, (0, 3): 0.1}
    assert best_edge_first(edges) == [(0, 1), (2, 3)]
