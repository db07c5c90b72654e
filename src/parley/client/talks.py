"""SDK for the negotiation record: meetings, agenda, mandate, minutes, commitments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parley.crypto.digest import json_digest
from parley.errors import NotFound, ParleyError, VerificationError
from parley.model.bodies import Body, parse_body
from parley.model.checks import CheckAnswered
from parley.model.commitments import (
    CommitmentAdded,
    CommitmentConfirmed,
    CommitmentDisputed,
    CommitmentReported,
)
from parley.model.meetings import (
    AgendaItemAccepted,
    AgendaItemDeclined,
    AgendaItemProposed,
    AgendaItemRaised,
    AgendaItemSpec,
    MandateExtensionProposed,
    MandateExtensionSigned,
    MeetingAccepted,
    MeetingDeclined,
    MeetingHeld,
    MeetingProposed,
)
from parley.model.minutes import MinutesDrafted, MinutesSigned
from parley.model.relay import RelayReceipt

if TYPE_CHECKING:
    from parley.client.client import ParleyClient


class Section:
    """A group of SDK calls on one client: builds, signs and submits entries."""

    def __init__(self, client: ParleyClient) -> None:
        self.c = client

    def _do(self, channel: str, body: Body, refs: tuple[str, ...] = ()) -> RelayReceipt:
        return self.c.submit(self.c.build(channel, body, refs=refs))

    def _records(self, channel: str, kind: str) -> list[dict[str, Any]]:
        return list(self.c._request("GET", f"/v1/channels/{channel}/records/{kind}"))


class Talks(Section):
    """Meetings, agenda, mandate, minutes and commitments."""

    # --- meetings ---------------------------------------------------------------

    def propose(
        self,
        channel: str,
        meeting: str,
        *,
        start: str,
        venue: str,
        format: str = "chaired",
        agenda: list[dict[str, str]] | None = None,
        attendees: dict[str, list[str]] | None = None,
        supersedes: str | None = None,
        cancel: bool = False,
        note: str = "",
    ) -> tuple[str, RelayReceipt]:
        """Propose a meeting (or, with ``supersedes``, a new version of one). Returns the
        proposal's entry id.

        Raises:
            InvalidInput: a field does not fit the proposal's model (before signing).
        """
        body = parse_body(
            MeetingProposed,
            MeetingProposed.TYPE,
            {
                "meeting": meeting,
                "start": start,
                "venue": venue,
                "format": format,
                "agenda": agenda or [],
                "attendees": attendees or {},
                "supersedes": supersedes,
                "cancel": cancel,
                "note": note,
            },
        )
        entry = self.c.build(channel, body, refs=(supersedes,) if supersedes else ())
        return entry.id, self.c.submit(entry)

    def _current(self, channel: str, meeting: str) -> dict[str, Any]:
        m = self.meeting(channel, meeting)
        return next(p for p in m["proposals"] if p["id"] == m["current"])

    def answer(self, channel: str, meeting: str, accept: bool, reason: str = "") -> RelayReceipt:
        """Accept or decline the meeting's current proposal (by its digest)."""
        p = self._current(channel, meeting)
        body: Body = (
            MeetingAccepted(proposal=p["id"], digest=p["digest"])
            if accept
            else MeetingDeclined(proposal=p["id"], digest=p["digest"], reason=reason)
        )
        return self._do(channel, body, (p["id"],))

    def counter(self, channel: str, meeting: str, **changes: Any) -> tuple[str, RelayReceipt]:
        """A counter-proposal: the current version with ``changes``, superseding it."""
        p = self._current(channel, meeting)
        fields = {
            "start": p["start"],
            "venue": p["venue"],
            "format": p["format"],
            "agenda": p["agenda"],
            "attendees": p["attendees"],
            "note": "",
        }
        fields.update(changes)
        return self.propose(channel, meeting, supersedes=p["id"], **fields)

    def record_held(
        self,
        channel: str,
        meeting: str,
        *,
        started: str,
        ended: str | None = None,
        venue: str | None = None,
        attendees: dict[str, list[str]] | None = None,
        note: str = "",
        chair: str | None = None,
    ) -> RelayReceipt:
        """As the mediator: record that an agreed meeting took place (``meeting.held``).

        Raises:
            InvalidInput: a field does not fit the model (before signing).
        """
        body = parse_body(
            MeetingHeld,
            MeetingHeld.TYPE,
            {
                "meeting": meeting,
                "started": started,
                "ended": ended,
                "venue": venue,
                "attendees": attendees or {},
                "chair": chair,
                "note": note,
            },
        )
        return self._do(channel, body)

    def meetings(self, channel: str) -> list[dict[str, Any]]:
        return list(self.c._request("GET", f"/v1/channels/{channel}/meetings"))

    def meeting(self, channel: str, meeting: str) -> dict[str, Any]:
        return dict(self.c._request("GET", f"/v1/channels/{channel}/meetings/{meeting}"))

    def next_meeting(self, channel: str, after: str | None = None) -> dict[str, Any]:
        params = {} if after is None else {"after": after}
        return dict(self.c._request("GET", f"/v1/channels/{channel}/meetings/next", params=params))

    # --- agenda and mandate -----------------------------------------------------------

    def raise_item(
        self, channel: str, meeting: str, item: str, title: str, text: str, topic: str | None = None
    ) -> RelayReceipt:
        body = AgendaItemRaised(meeting=meeting, item=item, title=title, text=text, topic=topic)
        return self._do(channel, body)

    def propose_item(
        self, channel: str, meeting: str, item: str, topic: str, title: str
    ) -> RelayReceipt:
        spec = AgendaItemSpec(id=item, topic=topic, title=title)
        return self._do(channel, AgendaItemProposed(meeting=meeting, item=spec))

    def answer_item(
        self, channel: str, meeting: str, item: str, accept: bool, reason: str = ""
    ) -> RelayReceipt:
        model = AgendaItemAccepted if accept else AgendaItemDeclined
        return self._do(channel, model(meeting=meeting, item=item, reason=reason))

    def extend_mandate(
        self, channel: str, topic: str, title: str, reason: str = ""
    ) -> RelayReceipt:
        return self._do(channel, MandateExtensionProposed(topic=topic, title=title, reason=reason))

    def sign_extension(self, channel: str, topic: str) -> RelayReceipt:
        return self._do(channel, MandateExtensionSigned(topic=topic))

    # --- minutes ------------------------------------------------------------------

    def draft_minutes(
        self,
        channel: str,
        meeting: str,
        items: list[dict[str, Any]],
        general: str = "",
        *,
        language: str = "en",
        parallel: dict[str, dict[str, Any]] | None = None,
        authentic: list[str] | None = None,
    ) -> tuple[int, RelayReceipt]:
        """Draft the next version of a meeting's minutes; returns its version number.
        ``parallel`` gives the same minutes in other languages (``{"ru": {"items": …,
        "general": …}}``), all of it signed as one; ``authentic`` names the authoritative
        languages (none: all equally authentic)."""
        try:
            version = len(self.minutes(channel, meeting)["versions"]) + 1
        except ParleyError as exc:
            if exc.code != "minutes.unknown":
                raise
            version = 1
        body = parse_body(
            MinutesDrafted,
            MinutesDrafted.TYPE,
            {
                "meeting": meeting,
                "version": version,
                "items": items,
                "general": general,
                "language": language,
                "parallel": parallel or {},
                "authentic": authentic or [],
            },
        )
        return version, self._do(channel, body)

    def sign_minutes(self, channel: str, meeting: str, version: int) -> RelayReceipt:
        """Sign one version: the signature names its digest, fetched and recomputed here."""
        versions = self.minutes(channel, meeting)["versions"]
        if not 1 <= version <= len(versions):
            raise NotFound(
                "minutes.unknown_version", f"minutes of {meeting!r} have no version {version}"
            )
        v = versions[version - 1]
        if json_digest(v["body"]) != v["digest"]:
            raise VerificationError(
                "the server's copy of the minutes does not match its digest",
                "minutes.digest_mismatch",
            )
        body = MinutesSigned(meeting=meeting, version=version, digest=v["digest"])
        return self._do(channel, body, (v["entry_id"],))

    def minutes(self, channel: str, meeting: str) -> dict[str, Any]:
        return dict(self.c._request("GET", f"/v1/channels/{channel}/minutes/{meeting}"))

    def minutes_diff(self, channel: str, meeting: str, old: int, new: int) -> list[str]:
        return list(
            self.c._request(
                "GET",
                f"/v1/channels/{channel}/minutes/{meeting}/diff",
                params={"from": old, "to": new},
            )
        )

    # --- communication checks -------------------------------------------------------

    def answer_checks(self, channel: str, personal: bool = False) -> list[int]:
        """Answer every check my party has not answered yet (a client does this on its
        own; ``personal=True`` is a person confirming, needed for the daily check)."""
        side = self.c.my_side(channel)
        done = []
        for check in self._records(channel, "check"):
            prior = check["answers"].get(side)
            if (
                personal
            ):  # a person: whatever is unanswered, and personal checks answered only automatically
                need = prior is None or (check["personal"] and not prior["personal"])
            else:  # the client on its own: unanswered checks, but never a personal one
                need = prior is None and not check["personal"]
            if not need:
                continue
            self._do(channel, CheckAnswered(check=check["number"], personal=personal))
            done.append(int(check["number"]))
        return done

    def health(self, channel: str, days: int | None = None) -> dict[str, Any]:
        params = {} if days is None else {"days": days}
        return dict(self.c._request("GET", f"/v1/channels/{channel}/health", params=params))

    # --- commitments ----------------------------------------------------------------

    def add_commitment(
        self,
        channel: str,
        commitment: str,
        *,
        owner: str,
        text: str,
        due: str | dict[str, Any],
        report_via: str = "mediator",
        meeting: str | None = None,
        agenda_item: str | None = None,
    ) -> RelayReceipt:
        body = parse_body(
            CommitmentAdded,
            CommitmentAdded.TYPE,
            {
                "commitment": commitment,
                "owner": owner,
                "text": text,
                "due": due,
                "report_via": report_via,
                "meeting": meeting,
                "agenda_item": agenda_item,
            },
        )
        return self._do(channel, body)

    def report(
        self, channel: str, commitment: str, note: str = "", message: str | None = None
    ) -> RelayReceipt:
        body = CommitmentReported(commitment=commitment, note=note, message=message)
        return self._do(channel, body, (message,) if message else ())

    def confirm(self, channel: str, commitment: str, note: str = "") -> RelayReceipt:
        return self._do(channel, CommitmentConfirmed(commitment=commitment, note=note))

    def dispute(self, channel: str, commitment: str, reason: str) -> RelayReceipt:
        return self._do(channel, CommitmentDisputed(commitment=commitment, reason=reason))

    def commitments(self, channel: str, overdue: bool = False) -> list[dict[str, Any]]:
        return list(
            self.c._request(
                "GET", f"/v1/channels/{channel}/commitments", params={"overdue": overdue}
            )
        )
