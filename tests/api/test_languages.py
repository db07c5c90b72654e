"""The glossary, translations and machine drafts through the API and the SDK, on SQLite and
PostgreSQL, on two channels: the demo's, and a river-basin commission of other names."""

from __future__ import annotations

from typing import Any

import pytest

from parley.client import ApiError
from parley.crypto.digest import text_digest
from parley.service import audit
from parley.translate import FixedTranslator, untranslate

CITY = {
    "id": "stepanakert",
    "kind": "place",
    "names": {"en": "Stepanakert / Khankendi"},
    "forms": {"artsakh": {"en": "Stepanakert"}, "azerbaijan": {"en": "Khankendi"}},
}
TOWN = {
    "id": "tarn-town",
    "kind": "place",
    "names": {"en": "the town at the Tarn mouth", "ru": "город в устье Тарна"},
    "forms": {"north": {"en": "Tarnmouth"}, "south": {"en": "Lower Tarn", "ru": "Нижний Тарн"}},
}


@pytest.fixture(params=["demo", "basin"])
def channel(request, member, charter, basin_charter, services) -> dict[str, Any]:
    if request.param == "demo":
        ch, full, term, forms = (
            "wg-demo",
            {**charter, "glossary": [CITY]},
            CITY,
            ("artsakh", "azerbaijan"),
        )
    else:
        ch, full, term, forms = "basin", basin_charter([TOWN]), TOWN, ("north", "south")
    full = {**full, "server_key": services.server_key.public.to_b64()}
    member("commander").create_channel(ch, full)
    member("artsakh-head").accept_charter(ch)
    member("azerbaijan-head").accept_charter(ch)
    return {"id": ch, "term": term, "a": forms[0], "b": forms[1]}


def test_the_glossary_is_signed_with_the_charter_and_changed_by_every_head(member, channel):
    ch, term = channel["id"], channel["term"]
    g = member("artsakh-member").languages.glossary(ch)
    assert [t["id"] for t in g["terms"]] == [term["id"]] and g["proposals"] == []
    assert g["terms"][0]["forms"][channel["b"]]["en"] == term["forms"][channel["b"]]["en"]
    new = {**term, "names": {**term["names"], "hy": "Քաղաք"}}
    member("commander").languages.propose_term(ch, new, "Armenian neutral name")
    with pytest.raises(ApiError) as exc:
        member("artsakh-member").languages.sign_term(ch, term["id"])
    assert exc.value.code == "glossary.not_head" and exc.value.status < 500
    member("artsakh-head").languages.sign_term(ch, term["id"])
    assert "hy" not in member("commander").languages.glossary(ch)["terms"][0]["names"]
    member("azerbaijan-head").languages.sign_term(ch, term["id"])
    g = member("commander").languages.glossary(ch)
    assert g["terms"][0]["names"]["hy"] == "Քաղաք" and g["terms"][0]["version"] == 2
    assert g["proposals"] == []


def test_a_translation_verified_by_the_receiving_side_and_a_labelled_machine_draft(
    member, channel, services
):
    ch = channel["id"]
    services.languages.translator = FixedTranslator()
    sender, receiver = member("artsakh-member"), member("azerbaijan-member")
    text = "Release of water at six.\nCheck the gauges."
    entry, _ = sender.send(
        ch, to=channel["b"], priority="urgent", subject="Release", text=text, language="en"
    )
    of = str(entry.header.id)
    # A person's translation by the sender, verified by the receiving side.
    tid, _ = sender.languages.translate(
        ch, of, "text", "ru", "Сброс воды в шесть.\nПроверьте датчики."
    )
    with pytest.raises(ApiError) as exc:
        sender.languages.verify(ch, tid)
    assert exc.value.code == "translation.own_side"
    receiver.languages.verify(ch, tid, "checked by our interpreter")
    # A machine draft: labelled, naming engine and model, never the original.
    mid, _ = receiver.languages.translate(ch, of, "text", "az")
    found = {t["id"]: t for t in receiver.languages.translations(ch, of)}
    assert found[tid]["method"] == "human" and list(found[tid]["verified_by"]) == [channel["b"]]
    machine = found[mid]
    assert machine["method"] == "machine" and machine["draft"] is True
    assert machine["engine"] == "test" and machine["model"] == "parley-test-backend@reverse-words"
    assert untranslate(machine["text"]) == text  # the test backend's draft, line breaks kept
    assert machine["source_digest"] == text_digest(text)
    assert sender.messages(ch)[0]["text"] == text  # the original is untouched
    # The third side reads neither the message nor its translations.
    assert member("commander").languages.translations(ch, of)  # the mediator reads all traffic
    report = audit(services.store, services.server_key.public)
    assert not report.problems, report.problems


def test_a_message_translation_is_hidden_from_the_side_that_cannot_read_the_message(
    member, channel
):
    ch = channel["id"]
    entry, _ = member("artsakh-member").send(
        ch,
        to="peacekeepers" if ch == "wg-demo" else "mission",
        priority="routine",
        subject="Private",
        text="Only for the mediator.",
        language="en",
    )
    of = str(entry.header.id)
    member("artsakh-member").languages.translate(ch, of, "text", "ru", "Только для посредника.")
    assert member("azerbaijan-member").languages.translations(ch) == []
    assert len(member("commander").languages.translations(ch)) == 1
    with pytest.raises(ApiError) as exc:
        member("azerbaijan-member").languages.translations(ch, "not-a-uuid")
    assert exc.value.status == 400


def test_machine_drafts_without_a_model_and_bad_requests_are_typed(member, channel, http, services):
    ch = channel["id"]
    c = member("artsakh-member")
    assert c.languages.engines(ch) == {"engine": None, "pairs": [], "models": {}}
    with pytest.raises(ApiError) as exc:
        c.languages.machine_draft(ch, ["Привет"], "ru", "en")
    assert exc.value.code == "translate.no_model" and exc.value.status == 404
    services.languages.translator = FixedTranslator([("ru", "en")])
    assert c.languages.engines(ch)["pairs"] == [["ru", "en"]]
    with pytest.raises(ApiError) as exc:
        c.languages.machine_draft(ch, ["Բարեւ"], "hy", "en")
    assert exc.value.code == "translate.no_model"
    with pytest.raises(ApiError) as exc:
        c.languages.machine_draft(ch, ["x" * 20_001], "ru", "en")
    assert exc.value.status == 400
    for bad in (
        {"texts": [], "source": "ru", "target": "en"},
        {"texts": ["a"], "source": "RU!", "target": "en"},
        {"texts": "a"},
    ):
        r = http.post(
            f"/v1/channels/{ch}/translate",
            json=bad,
            headers={"authorization": f"Bearer {c._ensure_token()}"},
        )
        assert r.status_code == 400, r.text
    # Only a member of the channel may use the server's engine.
    r = http.post(
        f"/v1/channels/{ch}/translate", json={"texts": ["a"], "source": "ru", "target": "en"}
    )
    assert r.status_code == 401
    draft = c.languages.machine_draft(ch, ["Сброс воды."], "ru", "en")
    assert draft["draft"] is True and untranslate(draft["texts"][0]) == "Сброс воды."


def test_the_public_reads_the_agreed_name_beside_the_text_as_signed(member, channel, http):
    ch, term = channel["id"], channel["term"]
    b_form = term["forms"][channel["b"]]["en"]
    texts = {"en": f"The working groups met in {b_form}.", "ru": "Рабочие группы встретились."}
    d = member("commander").disclosures
    d.draft_communique(ch, "c-1", texts, authentic=["en"])
    for stem in ("artsakh-head", "azerbaijan-head", "commander"):
        member(stem).disclosures.sign_communique(ch, "c-1", 1)
    public = http.get(f"/public/v1/channels/{ch}").json()
    [c] = public["communiques"]
    assert c["texts"] == texts and c["authentic"] == ["en"]  # as signed, not rewritten
    [name] = public["names"]
    assert name["id"] == term["id"] and name["names"] == term["names"]
    assert name["found"] == [b_form]
    # Not a form of any term: nothing is claimed about it.
    assert all(n["id"] == term["id"] for n in public["names"])
    with pytest.raises(ApiError) as exc:
        d.draft_communique(ch, "c-2", {"en": "x"}, authentic=["az"])
    assert exc.value.code == "communique.bad_language" and exc.value.status == 400


def test_the_public_page_shows_what_people_wrote_and_the_json_behind_details(member, channel, http):
    ch = channel["id"]
    text = "Open the second gate at six.\nKeep the gauges read hourly."
    entry, _ = member("artsakh-member").send(
        ch, to=channel["b"], priority="urgent", subject="Gate <two>", text=text, language="en"
    )
    member("artsakh-head").disclosures.propose(
        ch, "open-gate", [str(entry.header.id)], "public", "x"
    )
    member("azerbaijan-head").disclosures.sign(ch, "open-gate")
    member("commander").disclosures.sign(ch, "open-gate")
    page = http.get(f"/public/channels/{ch}?lang=ru").text
    assert "<h4 dir='auto' data-user class='written'>Gate &lt;two&gt;</h4>" in page
    assert "Keep the gauges read hourly.</p><details><summary>Подписанное содержимое (JSON)" in page
    assert "<script" not in page.split("<main>")[1]  # nothing a sender wrote runs
