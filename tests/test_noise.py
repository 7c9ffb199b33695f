"""Noise removal: what must not decide a level is stripped."""

from __future__ import annotations

import pytest

from leverlint.noise import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[ ] Add an alert (OPS-12)", "Add an alert"),
        # a decision reported in the first person is the decided change
        ("We\u2019ve decided to stop users editing keys.", "Stop users editing keys."),
        ("We opted to move CI to the new runners.", "Move CI to the new runners."),
        ("Our plan is to rename the branches.", "Rename the branches."),
        ("We decided that the cache stays.", "We decided that the cache stays."),
        # a hope or a report of work under way is the same fix
        ("We are hoping to enable bootupd by default.", "Enable bootupd by default."),
        ("We will be adding integrity checks.", "Adding integrity checks."),
        # the first-person proposal voice says nothing about the fix
        ("I propose we keep raw events for 30 days.", "Keep raw events for 30 days."),
        # a date at the end says when, not what
        ("Deploy the new pump seals (Jan 22)", "Deploy the new pump seals"),
        ("Rolled back the release (Feb 15, 4:15 PM EST)", "Rolled back the release"),
        ("Publish the rota (2026-03-01)", "Publish the rota"),
        ("Hire two more nurses (Q3)", "Hire two more nurses"),
        ("Keep the limit at 20 (for now)", "Keep the limit at 20 (for now)"),
        ("📅 Quarterly fire drills", "Quarterly fire drills"),
        ("\u23f3 Add a retry queue", "Add a retry queue"),  # in progress, like a tick
        # an id used as a label leaves no colon behind
        ("CA-001: Replace the HPLC column", "Replace the HPLC column"),
        # ... and one between the verb and its object takes its colon along
        ("Fix PAY-12: stale cache entries", "Fix stale cache entries"),
        ("Run #14: 25s", "Run: 25s"),  # a numbered label stays a label
        # an owner after an arrow or a dash is a tracker's field
        ("Tune the pager \u2192 Assigned to @sre-oncall", "Tune the pager"),
        ("Fix the rig - owned by Platform team", "Fix the rig"),
        (
            "Make sure each alert is assigned to an owner",
            "Make sure each alert is assigned to an owner",
        ),
        # a tracker's "Need <verb>" is the action; "Need a/more ..." names a want
        ("Need audit all coupling connections", "Audit all coupling connections"),
        ("Need more nurses on nights", "Need more nurses on nights"),
        # a tracker's bracketed tags before the action; a bracket before lower case stays
        ("[Backend][Auth] Rotate the signing keys", "Rotate the signing keys"),
        ("[Infra] Add a standby broker", "Add a standby broker"),
        ("[note] this is kept", "[note] this is kept"),
        # minutes: a box in parentheses, an owner in parentheses, a footnote letter
        ("( ) (Priya) Add a queue-depth alert", "Add a queue-depth alert"),
        ("(x) (Sam and Lee) Publish the rota(c)", "Publish the rota"),
        ("(Ops team, then Kai) Rotate the keys", "Rotate the keys"),
        ("(Re)write the setup guide", "(Re)write the setup guide"),
        ("Use option (a)", "Use option (a)"),
        # a line break a generator wrote out as text
        ("Add a health check.\\n", "Add a health check."),
        ("Split on \\n before parsing", "Split on \\n before parsing"),
        # a tracker's fields before the task, split by slashes or bars
        ("Owner: render team / no due date / extend the merge key", "Extend the merge key"),
        ("Owner: Jane | Due: 2026-04-01 | Add an alert", "Add an alert"),
        ("Owner: team-platform.", "Owner: team-platform."),
        # examples that trail off are an aside
        ("Test boundary conditions (limit=0, limit=1, etc.)", "Test boundary conditions"),
        ("Rotate keys (all of them)", "Rotate keys (all of them)"),
        ("Needs a second reviewer", "Needs a second reviewer"),
        # a severity or a standard is not a ticket id
        ("Page the lead on every Sev-1 (OPS-9)", "Page the lead on every Sev-1"),
        ("Store names as UTF-8", "Store names as UTF-8"),
        ("We are proposing a solution that adds a cache.", "A solution that adds a cache."),
        # a memo's ask of its readers
        ("The board is asked to approve merging the two depots.", "Merging the two depots."),
        ("Members are invited to note that dues rise in May.", "Dues rise in May."),
        ("TODO: raise the timeout - owner: @ana", "Raise the timeout"),
        # an owner in the middle of an item takes only its own sentence with it
        (
            "Fix the test rig — owner: Quinn, with Elena. Keep the game drawing in the background.",
            "Fix the test rig. Keep the game drawing in the background.",
        ),
        ("Staged releases: selected because each release builds on the last", "Staged releases"),
        ("We will publish the report #12", "Publish the report"),
        ("We'll add a dashboard [JIRA-9]", "Add a dashboard"),
        # a typographic apostrophe is the same word
        ("We\u2019ll add a dashboard", "Add a dashboard"),
        ("We\u2019re adding canary deploys.", "Adding canary deploys."),
        ("We\u2019ve added parity checks", "Added parity checks"),
        ("Consider: splitting the DB (owner: bob, due 2026-05-01)", "Splitting the DB"),
        ("Route alerts https://example.com/x to @team-a", "Route alerts to"),
        ("The team should require reviews", "Require reviews"),
        ("Document the runbook (e.g. restart the failed job) today", "Document the runbook today"),
        ("Share the notes (i.e. who knew what, when).", "Share the notes."),
        ("Raise the TTL to 1 hour. (SRCH-12, @ana)", "Raise the TTL to 1 hour."),
        ("Created a ticket to add a disk alert", "Add a disk alert"),
        ("Ticket raised for retiring the old proxy", "Retiring the old proxy"),
        ("Enable disk encryption (Done)", "Enable disk encryption"),
        ("Alert the owner on expiry. DONE in PR", "Alert the owner on expiry."),
        ("Rotate the signing key - ticket raised 42", "Rotate the signing key"),
        ("Team discussed about splitting the ingest job", "Splitting the ingest job"),
        # the document's voice around a fix
        ("We propose that each site keeps a spare pump.", "Each site keeps a spare pump."),
        ("It is recommended that the lease be extended.", "The lease be extended."),
        ("Going forward, the desk will open at eight.", "The desk will open at eight."),
        ("Going forward we will shard the table", "Shard the table"),
        ("In the long term, we will use Protobuf.", "Use Protobuf."),
        ("Recommendation: add a disk alert", "Add a disk alert"),
        ("We would recommend splitting the queue", "Splitting the queue"),
        ("Should we cap retries at three?", "Cap retries at three?"),
        ("Can we use a hosted CA instead?", "Can we use a hosted CA instead?"),
        ("Agreed: raise the parcel limit to three", "Raise the parcel limit to three"),
        ("AP Sam: split the CI pipeline", "Split the CI pipeline"),
        ("Outcome - keep a reserve of doses", "Keep a reserve of doses"),
        ("Next steps: share the notes", "Share the notes"),
        ("This RFC proposes that every API gets an owner", "Every API gets an owner"),
        ("This proposal shortens the window", "This proposal shortens the window"),
        ("Second, add a disk alert", "Add a disk alert"),
        ("Second exit route from the stage", "Second exit route from the stage"),
        ("What if we bumped the worker count to 12?", "Bumped the worker count to 12?"),
        ("How about a weekly digest of pages?", "A weekly digest of pages?"),
        ("I'd suggest we split the channel", "Split the channel"),
        ("+1 to an alert on backup failures", "An alert on backup failures"),
        ("Idea: one shared design system", "One shared design system"),
        # a time phrase without the comma is part of the sentence
        ("In future releases the flag is removed", "In future releases the flag is removed"),
        # words that only look like status tails stay
        ("Mark the migration as done", "Mark the migration as done"),
        ("Open a PR", "Open a PR"),
        ("Open the ticket queue to the support team", "Open the ticket queue to the support team"),
        # when, as a label, and a report of work under way or done
        ("This week: We are adding canary deploys.", "Adding canary deploys."),
        ("Immediate: we have added parity checks", "Added parity checks"),
        ("Ongoing - we're reducing the page load", "Reducing the page load"),
        ("This week the queue was slow", "This week the queue was slow"),
        ("We are the owners of the queue", "We are the owners of the queue"),
        ("\u2705 Updated dependencies to newer versions", "Updated dependencies to newer versions"),
        # a file name keeps its space: "Created .env", not "Created.env"
        ("Created .agent/rules/verify.md", "Created .agent/rules/verify.md"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected
