// Media signaling as data: the JSON messages chamber-media, chamberd and a bridge's receiver
// exchange to set up one WebRTC peer (SDP offer/answer, trickled ICE candidates, states,
// errors). Independent of any transport: chamber-media reads and writes them as JSON lines on
// stdin/stdout, chamberd will relay them over its authenticated WebSocket, tests pass them in
// memory. Documented in server/media/README.md.
//
// The parser is strict (unknown types and fields, wrong JSON types, oversized or malformed SDP
// and candidates are refused with a typed Error naming the field), because the text comes from
// remote devices and is handed to webrtcbin.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace chamber::media {

constexpr int kSignalingVersion = 1;
// A line longer than this is refused before JSON parsing (an SDP of a few m-lines is ~3 KiB).
constexpr qsizetype kMaxSignalBytes = 64 * 1024;
constexpr qsizetype kMaxSdpBytes = 32 * 1024;
constexpr qsizetype kMaxCandidateBytes = 1024;
constexpr qsizetype kMaxPeerIdLength = 64;
constexpr int kMaxMlineIndex = 63;
// floor's chamberAudio when not given: the chamber's microphone at full level.
constexpr int kDefaultChamberAudio = 100;
// A recording's id is "<meeting>-<speech>-<segment>" (kRecordingIdPattern); a recorded note is
// one line of at most this many characters.
constexpr qsizetype kMaxRecordingIdLength = 18 + 1 + 18 + 1 + 4;
constexpr qsizetype kMaxRecordingNoteLength = 200;
// bytes and durationMs stay within what a JSON number holds exactly.
constexpr qint64 kMaxSignalInteger = (qint64(1) << 53) - 1;

enum class SignalType {
    Ready, // media → controller: the pipeline runs, peers may be added
    AddPeer, // controller → media: create a sender for this peer; media answers with an offer
    RemovePeer, // controller → media
    Offer, // media → bridge (relayed): SDP offer
    Answer, // bridge → media (relayed): SDP answer
    Candidate, // either way: one trickled ICE candidate
    PeerState, // media → controller: connection state of one peer
    PeerRemoved, // media → controller: the peer's branch is gone
    Error, // either way: what went wrong, for one peer or the whole process
    // The return path: a bridge's camera and microphone back to chamber-media, over a second
    // peer connection per bridge of which the BRIDGE is the offerer.
    ReturnOffer, // bridge → media: SDP offer (send-only H.264 + Opus)
    ReturnAnswer, // media → bridge: SDP answer
    ReturnCandidate, // either way: one trickled ICE candidate of the return connection
    ReturnState, // media → controller: connection state of the return connection
    Floor, // controller → media: whose return becomes the programme (no peer: the chamber's)
    // Recording the programme's sound per speech (README "Recording").
    RecordStart, // controller → media: start recording into DIR/partial/<recording>.ogg
    RecordStop, // controller → media: finish it; `recorded` (or `record-error`) follows
    Recorded, // media → controller: the file is on disk as DIR/<sha256>.ogg
    RecordError, // media → controller: this recording failed (the programme goes on)
};

QString signalTypeName(SignalType type);

struct SignalMessage
{
    SignalType type = SignalType::Error;
    QString peer; // every type but ready and process-wide errors
    QString sdp; // offer, answer
    int mline = -1; // candidate: the m-line index (sdpMLineIndex)
    QString candidate; // candidate: "candidate:…" as in SDP, without "a="
    QString state; // peer-state: new, connecting, connected, disconnected, failed, closed
    int version = kSignalingVersion; // ready
    // floor: level (0–100 %) of the chamber's microphone under the bridge's audio.
    int chamberAudio = kDefaultChamberAudio;
    chamber::Error error; // error, record-error: code, message (and field for error)
    // record-start, record-stop, recorded, record-error: "<meeting>-<speech>-<segment>".
    QString recording;
    QString sha256; // recorded: lower-case hex of the file, which is DIR/<sha256>.ogg
    qint64 bytes = 0; // recorded
    qint64 durationMs = 0; // recorded
    bool partial = false; // recorded: cut short (chamber-media stopped during the speech)
    QString note; // recorded, optional: why it is partial

    static SignalMessage ready();
    static SignalMessage addPeer(QString peer);
    static SignalMessage removePeer(QString peer);
    static SignalMessage offer(QString peer, QString sdp);
    static SignalMessage answer(QString peer, QString sdp);
    static SignalMessage iceCandidate(QString peer, int mline, QString candidate);
    static SignalMessage peerState(QString peer, QString state);
    static SignalMessage peerRemoved(QString peer);
    static SignalMessage failure(QString peer, chamber::Error error);
    static SignalMessage returnOffer(QString peer, QString sdp);
    static SignalMessage returnAnswer(QString peer, QString sdp);
    static SignalMessage returnCandidate(QString peer, int mline, QString candidate);
    static SignalMessage returnState(QString peer, QString state);
    // No peer: the chamber's own sources are the programme again.
    static SignalMessage floor(QString peer = {}, int chamberAudio = kDefaultChamberAudio);
    static SignalMessage recordStart(QString recording);
    static SignalMessage recordStop(QString recording);
    static SignalMessage recorded(QString recording, QString sha256, qint64 bytes,
        qint64 durationMs, bool partial = false, QString note = {});
    static SignalMessage recordError(QString recording, chamber::Error error);

    bool operator==(const SignalMessage &) const = default;
};

// One message from one JSON text (a line without its newline, or a WebSocket frame).
Result<SignalMessage> parseSignal(QByteArrayView json);

// Compact JSON, no newline; parseSignal(toJson(m)) == m for every valid m.
QByteArray toJson(const SignalMessage &message);

// Checks shared with the parser, so builders of messages cannot make one it would refuse.
bool isValidPeerId(QStringView peer);
bool isValidPeerState(QStringView state);
// ^[0-9]{1,18}-[0-9]{1,18}-[0-9]{1,4}$: safe as a file name too.
bool isValidRecordingId(QStringView recording);
bool isLowerHexSha256(QStringView text);
// `text` as one line of at most `limit` characters, as the parser demands of messages and notes
// (line breaks and tabs become spaces, other control characters go).
QString signalLine(const QString &text, qsizetype limit);

// For chamberd's relay (server/media/README.md). Types a bridge may send: answer, candidate,
// return-offer, return-candidate, error. Everything else from a bridge is refused.
bool isBridgeSignal(SignalType type);
// Types chamber-media sends that go to the bridge named in `peer`: offer, candidate,
// return-answer, return-candidate, peer-state, return-state, peer-removed, error (an error goes
// to a bridge only when it names one: use the message overload).
bool isForBridge(SignalType type);
bool isForBridge(const SignalMessage &message);

} // namespace chamber::media
