"""Keys: rotation and revocation as entries signed by the side's head — after which the
old key's new signatures are refused while everything it signed before still verifies
(by the server's audit and by a member's own client) — and the lost-head procedure."""

from __future__ import annotations

import pytest

from parley.cli import story
from parley.client import ParleyClient
from parley.client.client import ApiError
from parley.crypto import SigningKey
from parley.service import audit

CH = story.CHANNEL


def refused(fn, code: str) -> None:
    with pytest.raises(ApiError) as exc:
        fn()
    assert exc.value.code == code, exc.value


def everything_verifies(services, member) -> None:
    assert audit(services.store, services.server_key.public).ok
    # A member's client folds the keys from the log itself and checks every signature.
    assert len(member("duty-officer").sync(CH)) == len(services.store.entries(CH))


def send(client: ParleyClient, text: str):
    return client.send(CH, to="azerbaijan", subject="s", text=text)[0]


def test_a_rotated_or_revoked_key_signs_nothing_new_and_its_past_still_verifies(
    services, member, active_channel, http, clock
):
    before = send(member("artsakh-member"), "before the rotation")
    new = SigningKey.generate()
    member("artsakh-head").members.rotate(
        CH, "artsakh", member("artsakh-member").key_id, new.public.to_b64()
    )
    refused(lambda: send(member("artsakh-member"), "old key"), "entry.not_member")
    fresh = ParleyClient("http://parley.test", new, clock=clock, http=http, retries=0)
    send(fresh, "new key")
    refused(lambda: fresh.channel(CH) and member("artsakh-member").channel(CH), "channel.not_found")

    # Revocation by the other party's head of its own member.
    old_msg = member("azerbaijan-member").send(CH, to="artsakh", subject="s", text="x")[0]
    member("azerbaijan-head").members.remove(
        CH, "azerbaijan", member("azerbaijan-member").key_id, "device lost"
    )
    refused(
        lambda: member("azerbaijan-member").send(CH, to="artsakh", subject="s", text="y"),
        "entry.not_member",
    )
    # Only a side's own head may do either.
    refused(
        lambda: member("azerbaijan-head").members.remove(CH, "artsakh", fresh.key_id),
        "member.not_head",
    )
    refused(
        lambda: member("artsakh-member").members.rotate(
            CH, "artsakh", fresh.key_id, SigningKey.generate().public.to_b64()
        ),
        "entry.not_member",
    )
    # A head rotates its own key.
    head2 = SigningKey.generate()
    member("artsakh-head").members.rotate(
        CH, "artsakh", member("artsakh-head").key_id, head2.public.to_b64()
    )
    refused(
        lambda: member("artsakh-head").members.remove(CH, "artsakh", fresh.key_id),
        "entry.not_member",
    )
    ParleyClient("http://parley.test", head2, clock=clock, http=http, retries=0).members.remove(
        CH, "artsakh", fresh.key_id, "done"
    )
    everything_verifies(services, member)
    ids = {e.id for e in member("duty-officer").sync(CH)}
    assert before.id in ids and old_msg.id in ids


def test_a_lost_head_is_replaced_by_the_other_heads_and_a_member_of_its_side(
    services, member, active_channel, http, clock
):
    lost = member("artsakh-head").key_id
    new = SigningKey.generate()
    propose = member("azerbaijan-head").members.propose_head_replacement
    refused(
        lambda: member("artsakh-member").members.propose_head_replacement(
            CH, "r0", "artsakh", lost, new.public.to_b64(), "New head", "lost"
        ),
        "replacement.not_other_head",
    )
    propose(
        CH, "r1", "artsakh", lost, new.public.to_b64(), "New head", "phone lost at a checkpoint"
    )
    refused(
        lambda: member("artsakh-head").members.sign_head_replacement(CH, "r1"),
        "replacement.lost_key",
    )
    refused(
        lambda: member("azerbaijan-member").members.sign_head_replacement(CH, "r1"),
        "replacement.not_head",
    )
    refused(
        lambda: member("azerbaijan-head").members.sign_head_replacement(CH, "r1"),
        "replacement.already_signed",
    )
    member("commander").members.sign_head_replacement(CH, "r1")
    # The other sides together are not enough: the side itself must confirm.
    assert member("commander").members.replacement(CH, "r1")["done_seq"] is None
    send(member("artsakh-head"), "still valid until the replacement takes effect")
    member("artsakh-member").members.sign_head_replacement(CH, "r1")
    assert member("commander").members.replacement(CH, "r1")["done_seq"] is not None
    refused(lambda: send(member("artsakh-head"), "lost key"), "entry.not_member")
    refused(lambda: member("commander").members.sign_head_replacement(CH, "r1"), "replacement.done")
    head = ParleyClient("http://parley.test", new, clock=clock, http=http, retries=0)
    head.members.add(CH, "artsakh", SigningKey.generate().public.to_b64(), "Deputy")  # a head's act
    sides = {s["id"]: s for s in head.channel(CH)["sides"]}
    heads = [m for m in sides["artsakh"]["members"] if m["role"] == "head" and m["active"]]
    assert [m["key_id"] for m in heads] == [new.key_id]
    everything_verifies(services, member)


def test_a_side_with_nobody_left_cannot_be_given_a_head_by_the_others(member, active_channel):
    member("azerbaijan-head").members.remove(
        CH, "azerbaijan", member("azerbaijan-member").key_id, "left"
    )
    refused(
        lambda: member("artsakh-head").members.propose_head_replacement(
            CH, "r2", "azerbaijan", member("azerbaijan-head").key_id,
            SigningKey.generate().public.to_b64(), "Imposed head", "lost",
        ),
        "replacement.no_member_left",
    )  # fmt: skip
