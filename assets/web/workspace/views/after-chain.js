// Checks a meeting's exported event log (JSON Lines, as GET /api/v1/meetings/{m}/events gives
// it) the way protocol/chain.cpp does: every event's hash is the SHA-256 of the compact JSON,
// keys sorted, of {actor, data, kind, meeting, prev, seq, time} (protocol/event.cpp
// canonicalBytes(): Qt's compact writer, which escapes exactly as JSON.stringify does), `prev`
// is the hash of the event before (64 zeros for the first) and `seq` counts 1, 2, 3, ...
// without gaps. It does not check published results against the log or the server's signed
// checkpoints: `chamberctl verify` does that.

const zeros = '0'.repeat(64);

// Compact JSON with the keys of every object sorted (by UTF-16 code units, as QJsonObject).
export function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        return `{${Object.keys(value).sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
    }
    return JSON.stringify(value);
}

async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// {intact, events, head, seq, problem: {line, seq, reason}}; reason is one of 'json', 'edited',
// 'missing', 'order', 'link', 'genesis', 'empty'.
export async function verifyChain(text) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    let seq = 0;
    let head = zeros;
    const fail = (line, at, reason) => ({ intact: false, events: line - 1, head, seq, problem: { line, seq: at, reason } });
    for (let index = 0; index < lines.length; ++index) {
        let event;
        try {
            event = JSON.parse(lines[index]);
        } catch {
            return fail(index + 1, seq + 1, 'json');
        }
        const hashed = { actor: event.actor, data: event.data, kind: event.kind,
            meeting: event.meeting, prev: event.prev, seq: event.seq, time: event.time };
        if (await sha256Hex(canonicalJson(hashed)) !== event.hash)
            return fail(index + 1, event.seq, 'edited');
        if (event.seq <= seq)
            return fail(index + 1, event.seq, 'order');
        if (event.seq !== seq + 1)
            return fail(index + 1, event.seq, 'missing');
        if (event.prev !== head)
            return fail(index + 1, event.seq, seq === 0 ? 'genesis' : 'link');
        seq = event.seq;
        head = event.hash;
    }
    if (!lines.length)
        return { intact: false, events: 0, head, seq, problem: { line: 0, seq: 0, reason: 'empty' } };
    return { intact: true, events: lines.length, head, seq, problem: null };
}
