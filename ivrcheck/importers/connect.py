"""Amazon Connect flows: the flow language JSON (`StartAction`, `Actions`), bare or wrapped as a JSON
string in an API answer, CloudFormation or Terraform state, and the older `modules`/`branches` export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ivrcheck.findings import Finding, Span
from ivrcheck.importers import connect_map
from ivrcheck.importers.common import Flow
from ivrcheck.importers.connect_map import Step
from ivrcheck.importers.jsondoc import NUMBER, JsonDoc, Shape, escape
from ivrcheck.model import Menu

NAME = "connect"
TITLE = "Amazon Connect flow (JSON)"

#: Led by the quote (the escaping backslashes before it are optional, so they need not be matched).
_MODERN = re.compile(r'"StartAction\\*"\s*+:')
_LEGACY = re.compile(r'"modules"\s*:\s*\[')
_LEGACY_TYPES = {
    "PlayPrompt": "MessageParticipant", "GetUserInput": "GetParticipantInput", "StoreUserInput": "GetParticipantInput",
    "SetQueue": "UpdateContactTargetQueue", "CheckAttribute": "Compare", "Disconnect": "DisconnectParticipant",
    "InvokeExternalResource": "InvokeLambdaFunction", "SetAttributes": "UpdateContactAttributes",
    "SetVoice": "UpdateContactTextToSpeechVoice", "SetLoggingBehavior": "UpdateFlowLoggingBehavior",
    "SetRecordingBehavior": "UpdateContactRecordingBehavior", "SetEventHook": "UpdateContactEventHooks",
    "SetCallbackNumber": "UpdateContactCallbackNumber", "PlayAudio": "MessageParticipant",
    "StoreCustomerInput": "GetParticipantInput", "TransferToFlow": "TransferToFlow",
}
#: The legacy `Loop` module's branches, as the flow language names the same results.
_LEGACY_LOOP = {"Looping": "ContinueLooping", "Complete": "DoneLooping"}
#: The kinds of the values this reader reads, in the flow language and in the legacy export (jsondoc.conform).
SHAPE: Shape = {
    "/StartAction": (str,), "/Metadata": (dict,), "/Metadata/ActionMetadata": (dict,),
    "/Metadata/ActionMetadata/*": (dict,), "/Metadata/ActionMetadata/*/parameters": (dict,),
    "/Metadata/ActionMetadata/*/queue": (dict, str), "/Metadata/ActionMetadata/*/contactFlow": (dict,),
    "/Actions": (list,), "/Actions/*": (dict,), "/Actions/*/Identifier": (str, *NUMBER), "/Actions/*/Type": (str,),
    "/Actions/*/Parameters": (dict,), "/Actions/*/Transitions": (dict,),
    "/Actions/*/Transitions/NextAction": (str, *NUMBER), "/Actions/*/Transitions/Conditions": (list,),
    "/Actions/*/Transitions/Conditions/*": (dict,), "/Actions/*/Transitions/Conditions/*/Condition": (dict,),
    "/Actions/*/Transitions/Conditions/*/Condition/Operands": (list,),
    "/Actions/*/Transitions/Conditions/*/NextAction": (str, *NUMBER), "/Actions/*/Transitions/Errors": (list,),
    "/Actions/*/Transitions/Errors/*": (dict,), "/Actions/*/Transitions/Errors/*/NextAction": (str, *NUMBER),
}
LEGACY_SHAPE: Shape = {
    "/start": (str, *NUMBER), "/modules": (list,), "/modules/*": (dict,), "/modules/*/type": (str,),
    "/modules/*/target": (str,), "/modules/*/parameters": (list,), "/modules/*/parameters/*": (dict,),
    "/modules/*/branches": (list,), "/modules/*/branches/*": (dict,), "/modules/*/branches/*/condition": (str,),
    "/modules/*/branches/*/transition": (str, *NUMBER), "/modules/*/metadata": (dict,),
}
_LEGACY_ERRORS = {"Timeout": "InputTimeLimitExceeded", "NoMatch": "NoMatchingCondition", "Error": "NoMatchingError",
                  "AtCapacity": "QueueAtCapacity"}


def detect(text: str, filename: str) -> bool:
    """JSON holding `StartAction` (also inside an escaped string), or a `modules` list with `branches`."""
    head = text.lstrip("\ufeff \t\r\n")
    return head.startswith(("{", "[")) and bool(_MODERN.search(text) or (_LEGACY.search(text) and '"branches"' in text))


def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]:
    """Read one Amazon Connect flow; `entry` picks a flow by name when the file holds several, or an action."""
    flow = Flow(display, TITLE)
    doc = flow.document(text)
    if doc is None:
        return flow.result(None)
    found = list(_flows(doc, flow))
    if flow.failed:
        return flow.result(None)
    if not found:
        flow.structure(doc.span(""), "no Amazon Connect flow here: no `StartAction` with `Actions`, and no `modules`",
                       "export the flow in the flow language (or pass --from to read it as another format)")
        return flow.result(None)
    chosen = found[0]
    if len(found) > 1 or (entry is not None and any(entry == name for _, _, name, _ in found)):
        named = [f for f in found if f[2] == entry]
        if not named:
            flow.unknown_entry(doc.span(""), entry, [name or ptr for _, ptr, name, _ in found], "flows")
            return flow.result(None)
        chosen, entry = named[0], None
    flow_doc, pointer, name, legacy = chosen
    flow.conform(flow_doc, LEGACY_SHAPE if legacy else SHAPE, pointer)
    steps, start = _legacy_steps(flow_doc, pointer) if legacy else _modern_steps(flow_doc, pointer)
    return flow.result(connect_map.build(flow, flow_doc, steps, start, name, entry))


def _flows(doc: JsonDoc, flow: Flow) -> Iterator[tuple[JsonDoc, str, str, bool]]:
    """Every flow in the file: the document itself, or flows nested in wrappers and JSON strings."""
    stack: list[tuple[JsonDoc, str, Any, str]] = [(doc, "", doc.value, "")]
    while stack:
        current, pointer, value, name = stack.pop()
        if isinstance(value, dict):
            own = value.get("Name") or value.get("name") or name
            if isinstance(value.get("Actions"), list) and "StartAction" in value:
                yield current, pointer, _flow_name(value, own, pointer), False
                continue
            if isinstance(value.get("modules"), list):
                yield current, pointer, _flow_name(value, own, pointer), True
                continue
            for key, item in reversed(list(value.items())):
                stack.append((current, f"{pointer}/{escape(key)}", item, str(own or "")))
        elif isinstance(value, list):
            stack.extend((current, f"{pointer}/{i}", item, name) for i, item in reversed(list(enumerate(value))))
        elif isinstance(value, str) and value.lstrip().startswith("{") and (
                "StartAction" in value or '"modules"' in value):
            inner = flow.embedded(current, pointer)
            if inner is not None:
                stack.append((inner, "", inner.value, name))


def _flow_name(value: dict, own: object, pointer: str) -> str:
    meta = value.get("Metadata") or value.get("metadata") or {}
    named = meta.get("name") if isinstance(meta, dict) else None
    return str(named or own or "")


def _modern_steps(doc: JsonDoc, pointer: str) -> tuple[list[Step], str | None]:
    from ivrcheck.importers.jsondoc import get

    root = get(doc.value, pointer) if pointer else doc.value
    meta = (root.get("Metadata") or {}).get("ActionMetadata") or {}
    steps = []
    for i, action in enumerate(root.get("Actions") or []):
        if not isinstance(action, dict):
            continue
        at = f"{pointer}/Actions/{i}"
        trans = action.get("Transitions") if isinstance(action.get("Transitions"), dict) else {}
        conditions = []
        for j, cond in enumerate(trans.get("Conditions") or []):
            if isinstance(cond, dict) and isinstance(cond.get("Condition"), dict):
                test = cond["Condition"]
                operands = [str(o) for o in test.get("Operands") or []]
                conditions.append((str(test.get("Operator") or "Equals"), operands, _ref(cond.get("NextAction")),
                                   f"{at}/Transitions/Conditions/{j}"))
        errors = {str(e.get("ErrorType")): _ref(e.get("NextAction")) for e in trans.get("Errors") or []
                  if isinstance(e, dict)}
        ident = str(action.get("Identifier"))
        params = action.get("Parameters") if isinstance(action.get("Parameters"), dict) else {}
        steps.append(Step(ident, str(action.get("Type")), params, at, _ref(trans.get("NextAction")), conditions,
                          {k: v for k, v in errors.items() if v}, meta.get(ident) or {}))
    return steps, _ref(root.get("StartAction"))


def _legacy_steps(doc: JsonDoc, pointer: str) -> tuple[list[Step], str | None]:
    from ivrcheck.importers.jsondoc import get

    root = get(doc.value, pointer) if pointer else doc.value
    steps = []
    for i, module in enumerate(root.get("modules") or []):
        if not isinstance(module, dict):
            continue
        at = f"{pointer}/modules/{i}"
        kind, target = str(module.get("type")), str(module.get("target") or "")
        params = {}
        for p in module.get("parameters") or []:
            if isinstance(p, dict) and p.get("name"):
                value = p.get("value")
                if p.get("namespace"):
                    value = f"$.{p['namespace']}.{value}"
                params.setdefault(str(p["name"]), p.get("resourceName") or value)
        if kind == "Transfer":
            kind = {"Queue": "TransferContactToQueue", "Flow": "TransferToFlow"}.get(target, "TransferParticipantToThirdParty")
        if kind == "StoreUserInput":
            params["StoreInput"] = "True"
        nxt, conditions, errors = None, [], {}
        for j, branch in enumerate(module.get("branches") or []):
            if not isinstance(branch, dict):
                continue
            cond, to = str(branch.get("condition")), _ref(branch.get("transition"))
            where = f"{at}/branches/{j}"
            if cond == "Success":
                nxt = to
            elif cond == "Evaluate":
                conditions.append((str(branch.get("conditionType") or "Equals"), [str(branch.get("conditionValue"))],
                                   to, where))
            elif cond in ("True", "False"):
                conditions.append(("Equals", [cond], to, where))
            elif cond in _LEGACY_LOOP:
                conditions.append(("Equals", [_LEGACY_LOOP[cond]], to, where))
            elif to:
                errors[_LEGACY_ERRORS.get(cond, cond)] = to
        meta = module.get("metadata") if isinstance(module.get("metadata"), dict) else {}
        steps.append(Step(str(module.get("id")), _LEGACY_TYPES.get(kind, kind), params, at, nxt, conditions, errors,
                          meta))
    return steps, _ref(root.get("start"))


def _ref(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int)) and str(value) else None


__all__ = ["NAME", "TITLE", "Span", "detect", "read"]
