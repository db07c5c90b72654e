"""The story of 1 March 2023, step by step, as the demo plays it against a real server.

The clock is the demo's: the server and the clients read it from a file the demo moves
forward (``--unsafe-clock-file``), so that days pass in seconds and the server's own
timer writes the reminder and the escalation a real server would write days later.
The commitments for the four agenda items are illustrative (the report says agreements
were reached, not who was to do what by when); the reconstruction says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from parley.cli import story
from parley.client import ParleyClient

MEETING = "wg-2023-03-01"
HQ = "Headquarters of the Russian peacekeeping mission"
AGENDA = [{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in story.MANDATE]


class DemoClock:
    def __init__(self, path: Path) -> None:
        self.path = path

    def set(self, iso: str) -> None:
        self.path.write_text(iso + "\n")


def step(console: Console, text: str) -> None:
    console.print(f"[bold blue]▸[/] {text}")


RUSSIAN = {
    "gas-supply": {
        "summary": "Бесперебойная подача природного газа",
        "outcome": "Договорились: бесперебойная подача природного газа.",
    },
    "power-line": {
        "summary": "Осмотр и ремонт высоковольтной линии из Армении",
        "outcome": "Договорились: специалисты энергокомпании могут осмотреть и отремонтировать участок.",
    },
    "mines-visit": {
        "summary": "Однократный визуальный осмотр рудников Кашен и Дрмбон",
        "outcome": "Договорились: однократный визуальный осмотр специалистами другой стороны.",
    },
    "highway": {
        "summary": "Полное открытие трассы Степанакерт–Горис",
        "outcome": "Договорились: меры по полному открытию трассы.",
    },
    "integration": {
        "summary": "Поднят азербайджанской стороной; вне мандата; в повестку не включён.",
        "outcome": "Не обсуждался.",
    },
}
"""The minutes in Russian, item by item (the English version is the authentic one)."""
RUSSIAN_GENERAL = (
    "Под председательством командующего миротворческими силами. Стороны договорились пока "
    "публиковать только общую информацию."
)


def play(c: dict[str, ParleyClient], clock: DemoClock, console: Console) -> str:
    """Play the story; return the id of the message relayed through the mission."""
    ch = story.CHANNEL
    charter = {
        **story.charter({stem: cl.key.public.to_b64() for stem, cl in c.items()}),
        "server_key": c["commander"].server_key().to_b64(),
    }
    clock.set("2023-03-01T05:00:00+00:00")
    step(
        console,
        "The commander of the peacekeeping troops opens the channel: two working groups, a mandate "
        "of four humanitarian and infrastructure topics, acknowledgement deadlines.",
    )
    c["commander"].create_channel(ch, charter)
    step(
        console,
        "Each working group head accepts that exact charter (signing its digest); the channel is active.",
    )
    c["artsakh-head"].accept_charter(ch)
    c["azerbaijan-head"].accept_charter(ch)

    step(
        console,
        "The mission proposes the meeting — 1 March 2023, 11:00 (UTC+4), at its headquarters, chaired "
        "by the commander, four agenda items — and both heads accept that exact proposal.",
    )
    c["duty-officer"].talks.propose(
        ch,
        MEETING,
        start="2023-03-01T11:00:00+04:00",
        venue=HQ,
        format="chaired",
        agenda=AGENDA,
        attendees={
            "peacekeepers": ["Commander of the peacekeeping troops"],
            "artsakh": ["Secretary of the Security Council"],
            "azerbaijan": ["Member of the Milli Majlis"],
        },
    )
    c["artsakh-head"].talks.answer(ch, MEETING, True)
    c["azerbaijan-head"].talks.answer(ch, MEETING, True)
    for party in ("artsakh", "azerbaijan"):
        c["duty-officer"].send(
            ch,
            to=party,
            priority="urgent",
            subject="Meeting of the working groups, 1 March 2023, 11:00",
            text="The meeting is agreed: today at 11:00 at the peacekeeping mission's headquarters, chaired by the "
            "commander of the peacekeeping troops, on the four agenda items of the mandate.",
        )
    for stem in ("artsakh-member", "azerbaijan-member"):
        c[stem].mark_delivered(ch)
    for stem in ("artsakh-head", "azerbaijan-head"):
        side = c[stem].my_side(ch)
        for m in c[stem].messages(ch):
            if m["to"] == side and m["status"] != "acknowledged":
                c[stem].acknowledge(ch, m["id"], "We will attend.")

    step(console, "An urgent message on the gas supply, with receipts at every hop.")
    gas, _ = c["artsakh-member"].send(
        ch,
        to="azerbaijan",
        priority="urgent",
        topic="gas-supply",
        subject="Natural gas supply",
        text="We ask that uninterrupted natural gas supply be the first item today, and that repair specialists "
        "be given access to the affected section of the pipeline.",
    )
    c["azerbaijan-member"].mark_delivered(ch)
    c["azerbaijan-head"].acknowledge(ch, gas.id, "Received.")
    c["azerbaijan-head"].send(
        ch,
        to="artsakh",
        priority="urgent",
        topic="gas-supply",
        reply_to=gas.id,
        subject="Re: Natural gas supply",
        text="Agreed to take the gas supply as the first agenda item at 11:00.",
    )
    c["artsakh-member"].mark_delivered(ch)
    step(
        console,
        "A Russian translation of the request, signed beside the original (never in its place), "
        "is verified by the side that received it.",
    )
    tid, _ = c["artsakh-member"].languages.translate(
        ch,
        str(gas.id),
        "text",
        "ru",
        "Просим сделать бесперебойную подачу природного газа первым вопросом сегодня и "
        "обеспечить ремонтникам доступ к повреждённому участку газопровода.",
    )
    c["azerbaijan-member"].languages.verify(ch, tid, "Checked by our interpreter.")

    clock.set("2023-03-01T07:30:00+00:00")
    step(
        console,
        "At the meeting one head raises “integration” — outside the mandate. It is recorded as raised, "
        "flagged, and declined with the reason; it never enters the agenda.",
    )
    c["azerbaijan-head"].talks.raise_item(
        ch,
        MEETING,
        "integration",
        "Integration",
        topic="integration",
        text="Issues of the integration of the Armenian population of Karabakh.",
    )
    c["artsakh-head"].talks.answer_item(
        ch,
        MEETING,
        "integration",
        False,
        "Outside the mandate of the working groups: only the agreed humanitarian and infrastructure items. "
        "A comprehensive settlement needs a different format with broad international support.",
    )

    step(
        console,
        "The mission drafts the minutes, revises them with a Russian version beside the English "
        "(the English authentic), and both heads and the commander sign version 2 — both languages.",
    )
    outcomes = {
        "gas-supply": "Agreed: uninterrupted supply of natural gas.",
        "power-line": "Agreed: the power company's specialists may inspect and repair the section.",
        "mines-visit": "Agreed: a one-time visual tour by the other side's specialists.",
        "highway": "Agreed: measures towards complete opening of the highway.",
    }
    items = [{"item": i["id"], "summary": i["title"], "outcome": "Agreed."} for i in AGENDA]
    items.append(
        {
            "item": "integration",
            "summary": "Raised by the Azerbaijani side; outside the mandate; not taken "
            "onto the agenda.",
            "outcome": "Not discussed.",
        }
    )
    c["duty-officer"].talks.draft_minutes(
        ch, MEETING, items, general="Chaired by the commander of the peacekeeping troops."
    )
    for item in items:
        item["outcome"] = outcomes.get(item["item"], item["outcome"])
    c["duty-officer"].talks.draft_minutes(
        ch,
        MEETING,
        items,
        general="Chaired by the commander of the peacekeeping troops. The parties agree to publish only general "
        "information for now.",
        parallel={
            "ru": {
                "items": [{**i, **RUSSIAN[i["item"]]} for i in items],
                "general": RUSSIAN_GENERAL,
            }
        },
        authentic=["en"],
    )
    for stem in ("artsakh-head", "azerbaijan-head", "commander"):
        c[stem].talks.sign_minutes(ch, MEETING, 2)

    step(
        console,
        "The parties agree to publish only general information: a joint communiqué, in two languages, "
        "signed by all three heads, is published; everything else stays confidential.",
    )
    d = c["duty-officer"].disclosures
    d.draft_communique(
        ch,
        "communique-2023-03-01",
        {
            "en": "On 1 March 2023 the working groups met at the headquarters of the Russian peacekeeping mission, "
            "chaired by the commander of the peacekeeping troops, and reached agreements on urgent humanitarian "
            "and infrastructure issues.",
            "ru": "1 марта 2023 года рабочие группы встретились в штабе российского миротворческого контингента и "
            "достигли договорённостей по неотложным гуманитарным и инфраструктурным вопросам.",
        },
        meeting=MEETING,
    )
    for stem in ("artsakh-head", "azerbaijan-head", "commander"):
        c[stem].disclosures.sign_communique(ch, "communique-2023-03-01", 1)

    step(
        console,
        "Commitments: one party reports to its authorities and informs the other through the mission "
        "within days; the others follow the four items (illustrative owners and dates).",
    )
    t = c["commander"].talks
    t.add_commitment(
        ch,
        "inform-results",
        owner="azerbaijan",
        meeting=MEETING,
        report_via="mediator",
        text="Report the agreements to higher authorities and inform the other party of the results "
        "through the peacekeeping mission.",
        due={"days": 5, "after_meeting": MEETING},
    )
    t.add_commitment(
        ch,
        "gas-supply",
        owner="azerbaijan",
        meeting=MEETING,
        agenda_item="gas-supply",
        text="Keep the natural gas supply uninterrupted.",
        due={"days": 2, "after_meeting": MEETING},
    )
    t.add_commitment(
        ch,
        "power-line-access",
        owner="azerbaijan",
        meeting=MEETING,
        agenda_item="power-line",
        text="Give the power company's specialists access to the line section.",
        due={"days": 4, "after_meeting": MEETING},
    )
    t.add_commitment(
        ch,
        "mines-visit",
        owner="artsakh",
        meeting=MEETING,
        agenda_item="mines-visit",
        text="Arrange the one-time visual tour of the Kashen and Drmbon mines.",
        due={"days": 2, "after_meeting": MEETING},
    )

    clock.set("2023-03-04T06:00:00+00:00")
    step(
        console,
        "Three days later the server's timer, signing with its own key, escalates what is overdue to the "
        "duty officer.",
    )
    _wait(
        lambda: (
            all(x["escalated_seq"] for x in t.commitments(ch, overdue=True))
            and t.commitments(ch, overdue=True)
        )
    )
    for stem, cid in (("azerbaijan-head", "gas-supply"), ("azerbaijan-head", "power-line-access")):
        c[stem].talks.report(ch, cid, "Done.")
        c["artsakh-head"].talks.confirm(ch, cid)

    step(
        console,
        "The results reach the other party through the mission; the commitment is reported and confirmed.",
    )
    report, _ = c["azerbaijan-head"].send(
        ch,
        to="peacekeepers",
        priority="routine",
        subject="Results reported to higher authorities",
        text="The agreements of 1 March on the four agenda items have been reported to our higher authorities. "
        "Please inform the Artsakh working group of the results.",
    )
    c["duty-officer"].mark_delivered(ch)
    c["commander"].acknowledge(ch, report.id, "Will relay.")
    relayed, _ = c["duty-officer"].send(
        ch,
        to="artsakh",
        priority="routine",
        relay_of=report.id,
        subject="Relayed: results reported to higher authorities",
        text="Relayed from the Azerbaijani working group: the agreements of 1 March on the four agenda items have "
        "been reported to their higher authorities.",
    )
    c["artsakh-member"].mark_delivered(ch)
    c["artsakh-head"].acknowledge(ch, relayed.id, "Received through the mission.")
    c["azerbaijan-head"].talks.report(
        ch, "inform-results", "Informed through the mission.", message=report.id
    )
    c["artsakh-head"].talks.confirm(
        ch, "inform-results", "Received through the peacekeeping mission."
    )
    return relayed.id


def open_minutes(
    c: dict[str, ParleyClient], clock: DemoClock, data_dir: Path, console: Console
) -> None:
    """Later, "exhaustive information": every side opens the full minutes; the public
    record is exported and each item's proof checked against the checkpoint cosigned back then."""
    from parley.proofs import verify_bundle

    ch = story.CHANNEL
    clock.set("2023-04-01T08:00:00+00:00")
    step(
        console,
        "A month later the parties decide to give the public exhaustive information: every side's head "
        "consents to open the agreed minutes. (Once opened, never closed again.)",
    )
    minutes = c["commander"].talks.minutes(ch, MEETING)
    entry = minutes["versions"][minutes["agreed_version"] - 1]["entry_id"]
    c["commander"].disclosures.propose(
        ch, "open-minutes-2023-03-01", [entry], "public", "exhaustive information"
    )
    for stem in ("artsakh-head", "azerbaijan-head"):
        c[stem].disclosures.sign(ch, "open-minutes-2023-03-01")
    out = data_dir / "public"
    (out / "entries").mkdir(parents=True, exist_ok=True)
    pub = c["artsakh-member"].disclosures
    import json
    from dataclasses import replace

    from parley.client.audit import audit_channel
    from parley.client.memory import ChannelMemory
    from parley.proofs import TrustedKey

    # The trust root the public checks these against: from a log a party verified itself,
    # published without the members' names (the public record shows sides and roles).
    memory = ChannelMemory(ch)
    audit_channel(c["artsakh-member"], ch, memory)
    assert memory.trust is not None
    public_trust = replace(
        memory.trust,
        keys={k: TrustedKey(t.key, t.side, t.role, "") for k, t in memory.trust.keys.items()},
    )
    (out / "trust.json").write_text(
        json.dumps(public_trust.to_json(), indent=2, ensure_ascii=False) + "\n"
    )
    for e in pub.public(ch, "entries"):
        eid = e["entry"]["header"]["id"]
        bundle = pub.public_bundle(ch, eid)
        report = verify_bundle(json.loads(json.dumps(bundle)), public_trust)
        (out / "entries" / f"{eid}.json").write_text(
            json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
        )
        console.print(
            f"  public: {e['entry']['header']['type']} recorded {e['recorded_at'][:10]}, published "
            f"{e['published_at'][:10]}; proof against the checkpoint of size {bundle['inclusion']['size']} "
            f"cosigned by {', '.join(report.cosigned_by) or 'nobody yet'}"
        )


def _wait(ok: Callable[[], Any], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ok():
            return
        time.sleep(0.2)


def show_record(c: dict[str, ParleyClient], console: Console) -> None:
    from parley.cli.talks import _meeting_tree, commitments_table

    ch = story.CHANNEL
    view = c["commander"].channel(ch)
    names = {m["key_id"]: m["name"] for s in view["sides"] for m in s["members"]}
    console.print(_meeting_tree(c["commander"].talks.meeting(ch, MEETING), names))
    mins = c["commander"].talks.minutes(ch, MEETING)
    signed = (
        mins["versions"][mins["agreed_version"] - 1]["signed_by"] if mins["agreed_version"] else {}
    )
    console.print(
        f"minutes: version {mins['agreed_version']} agreed, signed by {', '.join(sorted(signed))}"
    )
    console.print(commitments_table(c["commander"].talks.commitments(ch)))
    step(
        console,
        "Afterwards one side claims the next meeting “may take place in Ganja or Aghdam”, without the "
        "peacekeepers. The record, asked about the next meeting:",
    )
    n = c["artsakh-head"].talks.next_meeting(ch)
    console.print(
        f"  [bold]parley meeting show --next[/] → [red]{n['answer'].replace('_', ' ')}[/]: {escape(n['explanation'])}"
    )


FALSE_CLAIMS = (
    "The head of the working group told the press that the meeting discussed reintegration. "
    "The next meeting may take place in Ganja or Aghdam without the mediator."
)


def check_claims(c: dict[str, ParleyClient], console: Console) -> None:
    """The two public claims of the story, checked against the signed record."""
    step(
        console,
        "Finally, the press statement, checked claim by claim against the signed record "
        "(`parley check`), first as a member, then as the public sees it:",
    )
    ch = story.CHANNEL
    [member] = c["commander"].check_statements(ch, [FALSE_CLAIMS])
    public = (
        c["commander"]
        ._http.post(f"/public/v1/channels/{ch}/check", json={"statements": [FALSE_CLAIMS]})
        .json()[0]
    )
    for mode, result in (("member", member), ("public", public)):
        for claim in result["claims"]:
            colour = {"supported": "green", "contradicted": "red"}.get(claim["verdict"], "yellow")
            breach = " [bold red]+ disclosure breach[/]" if claim["disclosure_breach"] else ""
            console.print(
                f"  {mode}: “{escape(claim['text'])}” → [{colour}]"
                f"{claim['verdict'].replace('_', ' ')}[/]{breach}"
            )
            console.print(f"    {escape(claim['explanation'])}", soft_wrap=True)
            for ev in claim["evidence"]:
                bundle = ", offline proof bundle attached" if ev.get("bundle") else ""
                console.print(f"    [dim]evidence: entry {ev['entry']} ({ev['fact']}{bundle})[/]")
