"""The story Parley is built from (DESIGN.md), as demo data.

A public news report of 1 March 2023: working groups of Artsakh and Azerbaijan meet at
the Russian peacekeeping mission's headquarters, chaired by the commander of the
peacekeeping troops, on four humanitarian and infrastructure items. People appear by
role, not by name. This is a reconstruction with demo keys.
"""

from __future__ import annotations

from datetime import UTC, datetime

from parley.crypto.keys import VerifyKey

CHANNEL = "artsakh-azerbaijan-wg"
STORY_START = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)  # 09:00 in Stepanakert (UTC+4)

# (file stem, side, role, display name, title)
PEOPLE = [
    (
        "commander",
        "peacekeepers",
        "head",
        "Commander of the peacekeeping troops",
        "Commander, Russian peacekeeping contingent",
    ),
    ("duty-officer", "peacekeepers", "member", "Duty officer, peacekeeping HQ", "Duty officer"),
    (
        "artsakh-head",
        "artsakh",
        "head",
        "Secretary of the Security Council",
        "Head of the Artsakh working group",
    ),
    ("artsakh-member", "artsakh", "member", "Artsakh working group member", "Member"),
    (
        "azerbaijan-head",
        "azerbaijan",
        "head",
        "Member of the Milli Majlis",
        "Head of the Azerbaijani working group",
    ),
    ("azerbaijan-member", "azerbaijan", "member", "Azerbaijani working group member", "Member"),
]

SIDES = {
    "peacekeepers": ("Russian peacekeeping mission", "mediator"),
    "artsakh": ("Working group of the Security Council of the Republic of Artsakh", "party"),
    "azerbaijan": ("Working group of the Republic of Azerbaijan", "party"),
}

MANDATE = [
    {"id": "gas-supply", "title": "Uninterrupted natural gas supply"},
    {"id": "power-line", "title": "Inspection and repair of the high-voltage line from Armenia"},
    {"id": "mines-visit", "title": "One-time visual tour of the Kashen and Drmbon mines"},
    {"id": "highway", "title": "Complete opening of the Stepanakert–Goris highway"},
]

GLOSSARY = [
    # Place names are themselves disputed: each side's own form, and a neutral one.
    {
        "id": "stepanakert",
        "kind": "place",
        "names": {
            "en": "Stepanakert / Khankendi",
            "ru": "Степанакерт / Ханкенди",
            "hy": "Ստեփանակերտ / Խանքենդի",
            "az": "Xankəndi / Stepanakert",
        },
        "forms": {
            "artsakh": {"en": "Stepanakert", "ru": "Степанакерт", "hy": "Ստեփանակերտ"},
            "azerbaijan": {"en": "Khankendi", "ru": "Ханкенди", "az": "Xankəndi"},
        },
    },
    {
        "id": "shushi",
        "kind": "place",
        "names": {"en": "Shushi / Shusha", "ru": "Шуши / Шуша", "hy": "Շուշի", "az": "Şuşa"},
        "forms": {
            "artsakh": {"en": "Shushi", "ru": "Шуши", "hy": "Շուշի"},
            "azerbaijan": {"en": "Shusha", "ru": "Шуша", "az": "Şuşa"},
        },
    },
]

ACK_DEADLINES = {"flash": 300, "urgent": 3600, "routine": 172800}


def charter(public_keys: dict[str, str]) -> dict[str, object]:
    """The channel.created body, given each person's base64 public key by file stem."""
    sides = []
    for side_id, (name, kind) in SIDES.items():
        members = [
            {"key": public_keys[stem], "name": display, "role": role, "title": title}
            for stem, side, role, display, title in PEOPLE
            if side == side_id
        ]
        sides.append({"id": side_id, "name": name, "kind": kind, "members": members})
    return {
        "title": "Working groups on urgent humanitarian and infrastructure issues",
        "sides": sides,
        "mandate": MANDATE,
        "glossary": GLOSSARY,
        "ack_deadlines": ACK_DEADLINES,
        "default_disclosure": "confidential",
        # The duty officer is told first when a deadline passes; the commander is the
        # alternate.
        "escalation_contacts": [
            VerifyKey.from_b64(public_keys[stem]).key_id for stem in ("duty-officer", "commander")
        ],
    }
