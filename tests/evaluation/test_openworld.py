"""The open-world evaluation's machinery on small sets: it counts what it should, never how well.

The figures themselves are printed by `hotline nlu evaluate --open-world` and never asserted.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.messages import Button, ConversationKey, OutboundMessage
from hotline.bot.nlu.base import FaqPick, Intent, ParseResult
from hotline.bot.nlu.normalize import fold, words_as_typed
from hotline.bot.nlu.rasa_client import RasaError
from hotline.bot.nlu.training import read_examples
from hotline.cli.main import main
from hotline.evaluation import recorded
from hotline.evaluation.cases import (
    DATA_DIR,
    SPLITS,
    Case,
    is_split,
    load_split,
    parse_cases,
)
from hotline.evaluation.openworld import evaluate
from hotline.evaluation.outcome import Outcome, literal, observe
from hotline.evaluation.report import format_table
from hotline.evaluation.runner import CHANNEL, bot
from hotline.evaluation.scores import misses, score
from hotline.faq.io import load_seed

# The test split is frozen: it may not move when training data or tuning do. Changing this
# fingerprint is a decision to make in the open, with the reason in the commit.
TEST_SPLIT_SHA256 = "7222577c5f988655832f79ff6b06d54504c0203fd17533ad26c9904e6c493a5c"
KEY = ConversationKey("evaluation", "citizen-1")


def test_the_test_split_is_frozen() -> None:
    digest = hashlib.sha256((DATA_DIR / "test.yml").read_bytes()).hexdigest()
    assert digest == TEST_SPLIT_SHA256


def test_the_splits_are_separate_and_name_real_entries() -> None:
    splits = {name: load_split(name) for name in SPLITS}
    texts = {name: {c.text.casefold() for c in cases} for name, cases in splits.items()}
    for a, b in itertools.combinations(SPLITS, 2):
        # Only the count: a failure must not print the frozen test split's messages.
        shared = len(texts[a] & texts[b])
        assert shared == 0, f"{a} and {b} share {shared} messages"
    ids = {e.id for e in load_seed()}
    for name, cases in splits.items():
        assert {f for c in cases for f in c.faq} <= ids, name
        assert len({c.text for c in cases}) == len(cases), f"{name} repeats a message"
        pairs = [c for c in cases if c.pair]
        assert {c.question for c in pairs} == {True, False}, name
    assert sum(c.group == "uncovered" for c in splits["test"]) >= 300
    assert sum(c.group == "uncovered" for c in splits["dev2"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev3"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev4"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev5"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev6"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev7"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev8"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev9"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev10"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev11"]) >= 150
    assert sum(c.group == "uncovered" for c in splits["dev12"]) >= 150


# The development splits written to be unseen: each is kept away from everything else.
UNSEEN = ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12")


def _others_than(split: str) -> list[tuple[str, str]]:
    """Every text `split` must keep away from, with how a failure names it: a training example
    or an FAQ question variant by its text (whoever added it can reword it), a message of another
    development split by its index, and a test-split message never by anything."""
    others: list[tuple[str, str]] = []
    for name in SPLITS:
        if name != split:
            for i, case in enumerate(load_split(name)):
                shown = "a test-split message" if name == "test" else f"{name} message {i}"
                others.append((case.text, shown))
    others += [(e.text, f"training example ({e.intent}) {e.text!r}") for e in read_examples()]
    others += [
        (q, f"FAQ question variant of {e.id} {q!r}") for e in load_seed() for q in e.questions
    ]
    return others


@pytest.mark.parametrize("split", UNSEEN)
def test_an_unseen_split_has_no_near_duplicate_elsewhere(split: str) -> None:
    """dev3 to dev12 were written to be unseen: no message is, folded, another split's
    message, a training example or an FAQ question variant, and none of three words or more shares
    60% of its folded words (Jaccard) with one. A failure names the split's index and what it met,
    never the test split's text."""
    others = _others_than(split)
    exact = {" ".join(fold(t).split()): shown for t, shown in others}
    bags = [(b, shown) for b, shown in ((frozenset(words_as_typed(t)), s) for t, s in others) if b]
    close: list[str] = []
    for i, case in enumerate(load_split(split)):
        mine = frozenset(words_as_typed(case.text))
        same = exact.get(" ".join(fold(case.text).split()))
        near = [s for b, s in bags if len(mine) >= 3 and len(mine & b) >= 0.6 * len(mine | b)]
        met = [same] if same else near
        close += [f"{split} message {i} (0-based) too close to {shown}" for shown in met]
    assert not close, "\n".join([*close, "reword the new example or FAQ variant"])


def test_a_union_of_splits_is_both_in_order() -> None:
    dev, dev2 = load_split("dev"), load_split("dev2")
    assert load_split("dev+dev2") == [*dev, *dev2]
    assert is_split("dev+dev2") and not is_split("dev+mine.yml")
    dev3 = load_split("dev3")
    assert load_split("dev+dev2+dev3") == [*dev, *dev2, *dev3]
    assert is_split("dev2+dev3")
    dev4 = load_split("dev4")
    assert load_split("dev+dev2+dev3+dev4") == [*dev, *dev2, *dev3, *dev4]
    assert is_split("dev3+dev4")
    dev5 = load_split("dev5")
    assert load_split("dev4+dev5") == [*dev4, *dev5]
    assert load_split("dev+dev2+dev3+dev4+dev5")[-len(dev5) :] == dev5
    dev6 = load_split("dev6")
    assert load_split("dev5+dev6") == [*dev5, *dev6]
    assert load_split("dev+dev2+dev3+dev4+dev5+dev6")[-len(dev6) :] == dev6
    dev7 = load_split("dev7")
    assert load_split("dev6+dev7") == [*dev6, *dev7]
    assert load_split("dev+dev2+dev3+dev4+dev5+dev6+dev7")[-len(dev7) :] == dev7
    dev8 = load_split("dev8")
    assert load_split("dev7+dev8") == [*dev7, *dev8]
    assert load_split("dev+dev2+dev3+dev4+dev5+dev6+dev7+dev8")[-len(dev8) :] == dev8
    dev9 = load_split("dev9")
    assert load_split("dev8+dev9") == [*dev8, *dev9]
    assert load_split("dev+dev2+dev3+dev4+dev5+dev6+dev7+dev8+dev9")[-len(dev9) :] == dev9
    dev10 = load_split("dev10")
    assert load_split("dev9+dev10") == [*dev9, *dev10]
    dev11 = load_split("dev11")
    assert load_split("dev10+dev11") == [*dev10, *dev11]
    dev12 = load_split("dev12")
    assert load_split("dev11+dev12") == [*dev11, *dev12]
    everything = "+".join(name for name in SPLITS if name != "test")
    assert load_split(everything)[-len(dev12) :] == dev12
    with pytest.raises(ValueError):
        load_split("dev13")


def test_cases_read_their_fields() -> None:
    cases = parse_cases(
        {
            "covered": [{"text": "F1 cách ly mấy ngày", "intent": "ask_faq", "faq": "a"}],
            "pairs": [
                {"text": "x", "intent": "ask_faq", "faq": ["a", "b"], "also": ["health_consult"]},
                {"text": "y", "intent": "report_contact", "pair": "p"},
            ],
        }
    )
    assert [c.faq for c in cases] == [("a",), ("a", "b"), ()]
    assert cases[1].accepts("health_consult") and not cases[1].accepts("report_contact")
    assert cases[2].pair == "p" and not cases[2].covered and not cases[2].question
    with pytest.raises(ValueError):
        parse_cases({"covered": [{"text": "no intent"}]})


def test_scores_count_answers_help_forms_and_intents() -> None:
    cases = [
        Case("a", "ask_faq", "covered", faq=("e1",)),
        Case("b", "ask_faq", "covered", faq=("e2",)),
        Case("c", "ask_faq", "covered", faq=("e3",)),
        Case("d", "ask_faq", "uncovered"),
        Case("e", "out_of_scope", "uncovered"),
        Case("f", "report_contact", "other"),
    ]
    outcomes = [
        Outcome("ask_faq", "answer", entry="e1"),  # right, direct
        Outcome("ask_faq", "suggest", offered=("e9", "e2")),  # helped, not direct
        Outcome("ask_faq", "answer", entry="e9"),  # a wrong entry
        Outcome("ask_faq", "answer", entry="e1"),  # a wrong answer to an uncovered question
        Outcome("report_contact", "form", category="contact_tip"),  # off-topic into a form
        Outcome("report_contact", "form", category="contact_tip"),
    ]
    s = score("x", cases, outcomes)
    assert (s.covered, s.uncovered, s.questions) == (3, 3, 5)
    assert s.covered_direct == pytest.approx(1 / 3)
    assert s.covered_helped == pytest.approx(2 / 3)
    assert s.wrong_entry == pytest.approx(1 / 3)
    assert s.wrong_answer == pytest.approx(1 / 3)
    assert s.questions_to_form == pytest.approx(1 / 5)
    assert s.intent_accuracy == pytest.approx(5 / 6)
    kinds = [m.kind for m in misses(cases, outcomes)]
    assert kinds.count("wrong answer") == 2 and "question to form" in kinds
    table = format_table("dev", [s])
    assert "wrong answers" in table and "<= 2%" in table and "33.3%" in table


def test_scores_count_the_uncovered_messages_offered_entries_and_how_many() -> None:
    cases = [
        Case("a", "ask_faq", "covered", faq=("e1",)),
        Case("b", "ask_faq", "uncovered"),
        Case("c", "out_of_scope", "uncovered"),
        Case("d", "ask_faq", "uncovered"),
        Case("e", "ask_faq", "uncovered"),
    ]
    outcomes = [
        Outcome("out_of_scope", "reply", offered=("e1",)),  # helped beside a small-talk reply
        Outcome("ask_faq", "suggest", offered=("e1", "e2", "e3")),
        Outcome("out_of_scope", "reply", offered=("e4",)),
        Outcome("ask_faq", "reply"),
        Outcome("health_consult", "health"),
    ]
    s = score("x", cases, outcomes)
    assert s.covered_helped == 1.0
    assert s.uncovered_offered == pytest.approx(2 / 4)
    assert s.offered_mean == pytest.approx(2.0)
    assert "50.0% (2.0)" in format_table("dev", [s])


def test_entries_offered_beside_a_small_talk_reply_keep_its_intent() -> None:
    buttons = (Button("Câu 1", '/ask_faq{"faq_id":"e2"}'),)
    replies = [OutboundMessage(KEY, texts.OUT_OF_SCOPE), OutboundMessage(KEY, "?", buttons)]
    got = observe(_parse("out_of_scope"), replies, ConversationState(KEY), [], {})
    assert got == Outcome("out_of_scope", "reply", offered=("e2",))


def _parse(intent: str, faq: FaqPick | None = None) -> ParseResult:
    return ParseResult("t", Intent(intent, 0.9), (), (Intent(intent, 0.9),), faq)


def test_outcomes_are_read_off_replies_state_and_tickets() -> None:
    answers = {"Theo Bộ Y tế...": "e1"}
    state = ConversationState(KEY)
    said = OutboundMessage(KEY, "Theo Bộ Y tế...")
    answer = observe(_parse("ask_faq"), [said], state, [], answers)
    assert answer == Outcome("ask_faq", "answer", entry="e1")
    buttons = (Button("Câu 1", '/ask_faq{"faq_id":"e2"}'), Button("Người", "/request_human"))
    offered = observe(_parse("ask_faq"), [OutboundMessage(KEY, "?", buttons)], state, [], answers)
    assert offered == Outcome("ask_faq", "suggest", offered=("e2",))
    form = state.goto("report", "describe", category="contact_tip")
    assert observe(_parse("report_contact"), [], form, [], answers).action == "form"
    polite = observe(_parse("thank"), [OutboundMessage(KEY, "Dạ")], state, [], answers)
    assert polite == Outcome("thank", "reply")


def test_no_answer_yet_is_taken_for_a_question_whatever_the_nlu_said() -> None:
    # A report intent the router sent to the FAQ, which had nothing: the bot treated it as a
    # question, so a report told "no answer yet" is an intent miss, a question a hit.
    state = ConversationState(KEY)
    told = [OutboundMessage(KEY, texts.NO_ANSWER)]
    assert observe(_parse("report_contact"), told, state, [], {}) == Outcome("ask_faq", "reply")
    assert observe(_parse("health_consult"), told, state, [], {}).intent == "health_consult"
    other = [OutboundMessage(KEY, texts.OUT_OF_SCOPE)]
    assert observe(_parse("out_of_scope"), other, state, [], {}).intent == "out_of_scope"


def test_a_question_taken_for_a_status_check_and_answered_from_the_faq_was_a_question() -> None:
    # "mã phản ánh là gì": the NLU says check_status, the router asks the FAQ first.
    answers = {"Mã phản ánh là ...": "ma-phan-anh"}
    state = ConversationState(KEY)
    said = [OutboundMessage(KEY, "Mã phản ánh là ...")]
    answered = observe(_parse("check_status"), said, state, [], answers)
    assert answered == Outcome("ask_faq", "answer", entry="ma-phan-anh")
    told = [OutboundMessage(KEY, texts.NO_ANSWER)]
    assert observe(_parse("check_status"), told, state, [], {}).intent == "ask_faq"
    # A lookup settled at once, and one waiting for the code, are status checks.
    found = [OutboundMessage(KEY, texts.STATUS_NOT_FOUND.format(code="PA-AAAA-BBBB"))]
    assert observe(_parse("check_status"), found, state, [], answers).action == "status"
    waiting = state.goto("status", "code")
    ask = [OutboundMessage(KEY, texts.ASK_CODE)]
    assert observe(_parse("check_status"), ask, waiting, [], answers).intent == "check_status"


def test_rasa_taken_at_its_word() -> None:
    assert literal(_parse("ask_faq", FaqPick("e1", 0.1))) == Outcome("ask_faq", "answer", "e1")
    assert literal(_parse("report_violation")).action == "form"
    assert literal(_parse("check_status")).action == "status"
    assert literal(_parse("greet")).action == "reply"


async def test_a_small_set_through_the_real_engine(tmp_path: Path, nlu_model_dir: Path) -> None:
    cases = [
        Case("PA-LAHC-HQXK", "check_status", "other"),
        Case("ok", "thank", "uncovered"),
        Case("muốn phản ánh", "report_violation", "other"),
        Case("F1 phải cách ly bao nhiêu ngày?", "ask_faq", "covered", faq=("cach-ly-f1-bao-lau",)),
    ]
    [column] = await evaluate(cases, ["local"], tmp_path / "rasa", tmp_path, nlu_model_dir)
    assert column.scores.cases == 4 and column.scores.backend == "local"
    assert column.scores.covered == 1 and column.scores.uncovered == 3


def test_the_command_prints_the_table(
    tmp_path: Path,
    nlu_model_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    split = tmp_path / "small.yml"
    split.write_text(
        'other:\n  - {text: "cách nấu phở bò", intent: out_of_scope}\n'
        '  - {text: "gửi phản ánh", intent: report_violation}\n',
        "utf-8",
    )
    monkeypatch.setenv("HOTLINE_NLU_MODEL_DIR", str(nlu_model_dir))
    code = main(["nlu", "evaluate", "--open-world", "--split", str(split), "--backends", "local"])
    assert code == 0
    printed = capsys.readouterr().out
    assert f"| {split} split | local | target |" in printed
    assert "| messages (covered / not covered) | 2 (0 / 2) |" in printed


async def test_recorded_rasa_parses_are_replayed_through_the_bot(
    tmp_path: Path, nlu_model_dir: Path
) -> None:
    cases = [
        Case("f1 o nha may ngay", "ask_faq", "covered", faq=("cach-ly-f1-bao-lau",)),
        Case("chào bot", "greet", "other"),
    ]
    pick = {"intent_response_key": "faq/cach-ly-f1-bao-lau", "confidence": 0.97}
    parses = {
        "f1 o nha may ngay": {
            "intent": {"name": "faq", "confidence": 0.9},
            "intent_ranking": [{"name": "faq", "confidence": 0.9}],
            "response_selector": {"faq": {"response": pick}},
        },
        "chào bot": {
            "intent": {"name": "greet", "confidence": 0.99},
            "intent_ranking": [{"name": "greet", "confidence": 0.99}],
        },
    }
    file = tmp_path / "parses.json"
    recorded.save(file, "0123456789abcdef", parses)
    assert recorded.load(file) == ("0123456789abcdef", parses)
    alone, with_bot = await evaluate(
        cases, ["rasa"], tmp_path / "rasa", tmp_path, nlu_model_dir, rasa_parses=file
    )
    assert (alone.scores.backend, with_bot.scores.backend) == ("rasa alone", "bot (rasa)")
    # Taken at its word, the recorded pick answers; nothing asked a Rasa server.
    assert alone.scores.covered_direct == 1.0 and alone.scores.intent_accuracy == 1.0


async def test_a_text_never_recorded_is_a_rasa_failure() -> None:
    with pytest.raises(RasaError):
        await recorded.ReplayedRasa({}).parse("chưa ghi lại")


async def test_a_split_is_measured_past_the_channels_flood_guard(
    tmp_path: Path, nlu_model_dir: Path
) -> None:
    """Every case is another citizen on the evaluation's one channel, hundreds a minute: past the
    60 tickets a chat channel takes a minute, health questions would get a refusal, not the
    consultant, and a split's figures would depend on how many tickets came before."""
    question = "tôi bị tiểu đường với huyết áp cao, có tiêm vắc xin được không"
    async with bot(tmp_path, model_dir=nlu_model_dir) as target:
        outcomes = [await target.outcome(question) for _ in range(61)]
        tickets = await target.hotline.desk.store.for_conversation(CHANNEL, "citizen-61")
    assert outcomes[0].action == "health" and outcomes[0].category == "health"
    assert outcomes[-1] == outcomes[0]
    assert len(tickets) == 1
