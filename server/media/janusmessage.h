// The Janus WebSocket API as data: the few requests chamber-media sends to a Janus server
// (create a session, attach to the streaming plugin, plugin messages, trickle, keepalive,
// detach) and a strict reader of what Janus sends back. Qt Core only, so the fuzz target links
// it alone.
//
// Janus is outside data (another process, perhaps another host): every field chamber-media
// acts on is checked for its JSON type and range, an SDP or candidate must pass the same checks
// as the bridge signaling before it is relayed, and a refusal names the field. Fields this
// reader does not use are ignored (Janus adds some between versions); a known field of the
// wrong type is an error.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace chamber::media {

// A reply larger than this is refused unparsed (an offer with its candidates is ~4 KiB).
constexpr qsizetype kMaxJanusMessageBytes = 256 * 1024;

enum class JanusKind {
    Success, // a request done (create, attach, detach, synchronous plugin requests)
    Error, // a request refused by Janus itself
    Ack, // an asynchronous request (plugin message, trickle, keepalive) was taken
    Event, // a plugin event, maybe with a jsep (the streaming plugin's offer)
    Trickle, // one of Janus's ICE candidates, or the end of them
    WebrtcUp, // the handle's PeerConnection is up (ICE and DTLS done)
    Media, // Janus started or stopped receiving a medium on the handle
    SlowLink, // losses on the handle
    Hangup, // the handle's PeerConnection is gone (with a reason)
    Detached, // the handle is gone
    Timeout, // the session timed out (no keepalive)
};

QString janusKindName(JanusKind kind);

struct JanusMessage
{
    JanusKind kind = JanusKind::Error;
    QString transaction; // empty for events Janus sends on its own
    qint64 sessionId = 0;
    qint64 sender = 0; // the handle an event is about
    qint64 dataId = 0; // success of create/attach: the new session's or handle's id
    QString plugin; // plugindata.plugin
    QJsonObject pluginData; // plugindata.data (plugin specific; see parseStreamingReply)
    QString jsepType; // "offer" or "answer" when the message carries a jsep
    QString jsepSdp;
    int mline = -1; // trickle: sdpMLineIndex
    QString candidate; // trickle: "candidate:…"; empty with completed
    bool candidatesCompleted = false;
    QString mediaType; // media: audio or video
    bool receiving = false; // media
    QString reason; // hangup
    chamber::Error error; // kind Error: Janus's code (details[0]) and reason
};

// One message from one WebSocket text frame.
Result<JanusMessage> parseJanusMessage(QByteArrayView json);

// What the streaming plugin said in plugindata.data: an error (error_code, error) or its result.
struct StreamingReply
{
    QString what; // "created", "destroyed", "info", "event", …
    qint64 mountpointId = 0; // created, info
    int videoPort = 0; // created: where the mountpoint takes RTP ("ports" of the stream)
    int audioPort = 0;
    int viewers = -1; // info
    QString status; // event: result.status (preparing, starting, started, stopping, …)
};
Result<StreamingReply> parseStreamingReply(const JanusMessage &message);

// Requests, compact JSON. session/handle 0: not sent.
QByteArray janusRequest(const QString &kind, const QString &transaction, qint64 session = 0,
    qint64 handle = 0, const QJsonObject &extra = {});

} // namespace chamber::media
