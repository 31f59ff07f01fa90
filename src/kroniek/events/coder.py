"""The Dutch PLOVER clause coder: stage 4's events, sentence by sentence.

For every sentence: find triggers (``triggers``), then their actor and recipient in
the places the lexicon entry names (``roles``), then how the text reports them
(``modes``). The further codings an entry asks for on the same words (a prison
sentence is SANCTION and COERCE) become events of their own.
"""

from __future__ import annotations

from dataclasses import replace

from kroniek.actors.knowledge import KnowledgeBase
from kroniek.events.clause import Clause, Trigger
from kroniek.events.lexicon import Lexicon
from kroniek.events.modes import aux_modes, continues_past, mark, source
from kroniek.events.roles import arguments, between_animals, inside_a_name
from kroniek.events.scoring import with_scales
from kroniek.events.triggers import find_triggers, merge_requested_aid, verbal_sense
from kroniek.nlp.syntax import Tree
from kroniek.records import (
    ActorMention,
    AnalysedDocument,
    CodedEvents,
    Event,
    EventArgument,
    ResolvedActors,
    SourceDocument,
)

CODER_VERSION = "kroniek-coder-8"


def coder_version(lexicon: Lexicon) -> str:
    """Coder and lexicon versions, stored with every document's events."""
    return f"{CODER_VERSION} {lexicon.version}"


def code_events(
    doc: SourceDocument,
    analysed: AnalysedDocument,
    resolved: ResolvedActors,
    lexicon: Lexicon,
    kb: KnowledgeBase,
) -> CodedEvents:
    """Every event in the document, with its evidence."""
    events: list[Event] = []
    states: list[ActorMention] = []
    previous_historical: dict[int, bool] = {}
    for sentence in analysed.sentences:
        mentions = [m for m in resolved.mentions if m.sentence_index == sentence.index]
        clause = Clause(doc, Tree.of(sentence), mentions, lexicon, kb, list(states))
        triggers = merge_requested_aid(clause, list(find_triggers(sentence, lexicon)))
        triggers = [
            t for t in triggers if not between_animals(clause, t) and not inside_a_name(clause, t)
        ]
        coded = [e for trigger in triggers for e in _codings(_event(clause, trigger), trigger)]
        if previous_historical.get(sentence.block_index) and continues_past(clause):
            # A past-tense sentence with no time of its own goes on in the time of the one before.
            coded = [mark(e, "historical") for e in coded]
        if coded:
            previous_historical[sentence.block_index] = any("historical" in e.aux for e in coded)
        events += coded
        states += [m for m in mentions if m.kind == "state"]
    return CodedEvents(doc.doc_id, tuple(with_scales(events, lexicon)), coder_version(lexicon))


def _codings(event: Event, trigger: Trigger) -> list[Event]:
    """The event, and the further codings its entry's ``also`` asks for on the same words."""
    extra = [
        replace(
            event,
            event_id=f"{event.event_id}:{event_type.lower()}",
            event_type=event_type,
            mode=mode,
            rule_id=f"{event.rule_id}+{event_type.lower()}.{mode}",
        )
        for event_type, mode in trigger.entry.also
    ]
    return [event, *extra]


def _event(clause: Clause, trigger: Trigger) -> Event:
    """One event: arguments, modes and evidence for a trigger."""
    trigger = replace(trigger, entry=verbal_sense(clause, trigger))
    tree, entry, doc = clause.tree, trigger.entry, clause.doc
    first, last = tree.token(trigger.first), tree.token(trigger.last)
    actors, recipients = arguments(clause, trigger)
    aux = aux_modes(clause, trigger)
    said_by = source(clause, trigger)
    if said_by is not None:
        aux.append("reported")
    event_type, mode, rule_id = entry.event_type, entry.mode, entry.rule_id
    reduced = clause.lexicon.future_types.get(event_type)
    if reduced is not None and "future" in aux:
        # PLOVER codes a future cooperative act as the promise it is, with no future mode.
        event_type, mode, rule_id = reduced, "", f"{rule_id}+future.{reduced.lower()}"
        aux.remove("future")
    # Sure of who did it to whom only when they are known actors, not just words.
    known = [any(m.actor_id for m in side) for side in (actors, recipients)]
    return Event(
        event_id=f"{doc.doc_id}:{tree.sentence.index}:{first.start}",
        doc_id=doc.doc_id,
        sentence_index=tree.sentence.index,
        event_type=event_type,
        mode=mode,
        context=entry.context,
        trigger_start=first.start,
        trigger_end=last.end,
        trigger_text=doc.text[first.start : last.end],
        actors=tuple(EventArgument.of(m) for m in actors),
        recipients=tuple(EventArgument.of(m) for m in recipients),
        aux=tuple(dict.fromkeys(aux)),
        source=EventArgument.of(said_by) if said_by else None,
        rule_id=rule_id,
        confidence=0.5 + 0.25 * known[0] + 0.25 * known[1],
    )
