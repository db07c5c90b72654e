"""Who may call which HTTP route, in one table.

Every route of the API appears here exactly once; ``tests/api/test_access.py`` fails
when a route is added without an entry, and checks each route for every role (each
party's head and member, the mediator's head and duty officer, a member of another
channel, anyone without a sign-in). What a member may do *inside* a channel — accept a
charter only as a party head, read only the messages of its side — is decided by the
channel's rules on each entry (``model/rules.py``) and by the read views, and is tested
there.
"""

from __future__ import annotations

PUBLIC = "public"
"""Anyone, without signing in."""
SIGNED_IN = "signed_in"
"""Any key holding a valid sign-in token."""
MEMBER = "member"
"""An active member of the channel named in the path; anyone else is told the channel
does not exist (the same answer as for a channel that does not)."""

ACCESS: dict[tuple[str, str], str] = {
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    ("GET", "/v1/server"): PUBLIC,
    ("POST", "/v1/auth/challenge"): PUBLIC,
    ("POST", "/v1/auth/token"): PUBLIC,
    ("GET", "/v1/channels"): SIGNED_IN,
    ("POST", "/v1/channels/{channel_id}/entries"): SIGNED_IN,  # creating a channel; then the rules
    ("GET", "/v1/channels/{channel_id}/events"): MEMBER,
    ("GET", "/v1/channels/{channel_id}"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/messages"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/entries"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/entries/{entry_id}"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/checkpoint"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/checkpoint.json"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/proof/inclusion"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/proof/consistency"): MEMBER,
    ("POST", "/v1/channels/{channel_id}/cosignatures"): MEMBER,
    ("POST", "/v1/channels/{channel_id}/witnesses/push"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/meetings"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/meetings/next"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/meetings/{meeting_id}"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/minutes/{meeting_id}"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/minutes/{meeting_id}/diff"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/records/{kind}"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/health"): MEMBER,
    ("GET", "/v1/channels/{channel_id}/commitments"): MEMBER,
    ("POST", "/v1/channels/{channel_id}/check"): MEMBER,
    ("POST", "/public/v1/channels/{channel_id}/check"): PUBLIC,
    ("GET", "/public/v1/channels/{channel_id}"): PUBLIC,
    ("GET", "/public/v1/channels/{channel_id}/checkpoint"): PUBLIC,
    ("GET", "/public/v1/channels/{channel_id}/entries"): PUBLIC,
    ("GET", "/public/v1/channels/{channel_id}/communiques"): PUBLIC,
    ("GET", "/public/v1/channels/{channel_id}/entries/{entry_id}/bundle"): PUBLIC,
    ("GET", "/assets/{name}"): PUBLIC,
    ("GET", "/app"): PUBLIC,  # the members' pages: a shell; its data needs a sign-in
    ("GET", "/public/channels/{channel_id}"): PUBLIC,
}
