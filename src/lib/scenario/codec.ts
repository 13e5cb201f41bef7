// Scenario links, En-ROADS style: `v=2&horizon=2040&localisation=0.6`, listing only what differs
// from the published notebook, so links stay short and readable. A notebook whose cells were
// edited travels as one more parameter, `nb`: a diff against the published notebook, deflated
// and base64url-encoded.
//
// `v` names the published notebook the link was made with. A link of an older released version
// opens with that version's notebook (kept frozen in notebooks/frozen/), so it gives the figures
// it gave when it was made; moving it to the current model is its reader's choice
// (scenario/upgrade.ts), never done here.
//
// A reference scenario (what the charts and key figures also compare against) travels as `ref`:
// the reference's own query, made by this same encoder, with its name as `label` inside it.
//
// A link is untrusted input. Decoding never throws and never returns a broken document: it opens
// with everything it could read and says, one sentence per item, what it ignored or changed.
// Keys from the link only ever go into Maps, never into plain objects, so `__proto__` and
// friends are just unknown names.

export { MAX_NOTICES } from './linkText';
export { notebookDiff, type NotebookDiff } from './notebookDiff';
export { RESERVED_KEYS } from './settle';
export { LINK_LIMITS, ScenarioTooLargeError, encodeScenario } from './encode';
export { decodeScenario, type DecodeOptions, type DecodedScenario } from './decode';
