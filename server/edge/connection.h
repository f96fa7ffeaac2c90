// One client connection, on an I/O thread: TLS handshake, HTTP/1.1 requests (heads parsed and
// limited here, bodies read only as far as the main thread allows), responses (files streamed
// from here as the client takes them) and, after an upgrade, WebSocket framing. Every state has
// a deadline; nothing a client sends is buffered beyond the limit of the state it is in, and
// when its budget is spent the socket is simply not read until it refills.
#pragma once

#include "edge/edgelimits.h"
#include "edge/httprequest.h"
#include "edge/httpresponse.h"
#include "edge/wsframes.h"
#include "support/tokenbucket.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

class QSslSocket;

namespace chamber::edge {

class Admission;
class ConnectionLink;
class EdgeServer;

// What every connection of one server shares; immutable after start but for the admission
// counts (which lock).
struct EdgeShared
{
    EdgeLimits limits;
    QSslConfiguration tls;
    QString spoolDir;
    QString webSocketPath = QStringLiteral("/ws");
    std::unique_ptr<Admission> admission;
    EdgeServer *server = nullptr; // main thread; outlives every connection
    std::atomic<quint64> nextId {1};
};

class Connection : public QObject
{
    Q_OBJECT

public:
    Connection(qintptr descriptor, const QHostAddress &peer, std::shared_ptr<EdgeShared> shared,
        QObject *parent);
    ~Connection() override;

    // False when the descriptor could not be taken (the connection is then to be deleted).
    bool start();

    // Called on this thread, posted by the main thread through the ConnectionLink.
    void respond(quint64 serial, const HttpResponse &response);
    void readBody(quint64 serial, qint64 limit);
    void startWebSocket();
    void sendWebSocketText(const QByteArray &utf8);
    void closeWebSocket(quint16 code, const QString &reason);
    void abortNow();

private:
    enum class State {
        Handshake,
        Head, // reading a request head (or idle between requests)
        AwaitBodyDecision, // a large body announced; the main thread decides
        Body,
        Dispatched, // the main thread has the request
        Writing, // streaming a file response
        WebSocketPending, // upgraded; waiting for the main thread's peer object
        WebSocket,
        Closing, // the last bytes go out; whatever comes in is dropped
        Closed, // the socket is gone (aborted or ended); the object is about to be deleted
    };

    void onEncrypted();
    void onReadable();
    void onWritten();
    void onDisconnected();
    void onDeadline();

    // HTTP
    void readHead();
    void handleHead(HttpHead head);
    void beginBody(qint64 limit);
    void discardBody(const HttpResponse &answer);
    int bodyDeadlineMs() const; // answered; its body is read and dropped
    void readBodyBytes();
    void dispatch();
    void refuse(int status, const QString &reason);
    void writeResponse(const HttpResponse &response);
    void pumpFile();
    void responseDone();
    void upgrade(HttpRequest request);
    // WebSocket (connectionws.cpp)
    void readFrames();
    void handleFrame(WsFrame frame);
    void failWebSocket(quint16 code, const QString &reason);
    void writeFrame(WsOpcode opcode, QByteArrayView payload);

    bool takeBudget(); // false: reading pauses until the bucket has a token again
    void setDeadline(int ms);
    void finish(); // graceful close
    void scheduleShutWrite();
    void shutWriteWhenFlushed();
    void updateBacklog();
    void endHandshake();
    qint64 nowMs() const { return m_clock.elapsed(); }

    std::shared_ptr<EdgeShared> m_shared;
    std::shared_ptr<ConnectionLink> m_link;
    const EdgeLimits &m_limits;
    qintptr m_descriptor;
    QSslSocket *m_socket = nullptr;
    State m_state = State::Handshake;
    bool m_admitted = true;
    bool m_handshaking = false;
    bool m_paused = false;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    QTimer m_resume;
    QTimer m_writeStall;
    support::TokenBucket m_budget;

    QByteArray m_in;
    qsizetype m_inOffset = 0; // WebSocket: bytes of m_in already decoded
    quint64 m_serial = 0;
    HttpRequest m_request;
    bool m_keepAlive = true;
    bool m_closeAfterResponse = false;
    qint64 m_bodyExpected = 0;
    qint64 m_bodyReceived = 0;
    QByteArray m_body;
    std::unique_ptr<QFile> m_spool;
    QFile m_file;
    qint64 m_fileRemaining = 0;
    qint64 m_dropped = 0; // bytes discarded while closing
    bool m_writeShut = false;
    bool m_shutWriteScheduled = false;
    bool m_discarding = false;

    WsMessageAssembler m_assembler;
    bool m_upgraded = false; // the main thread has (or is getting) a WsPeer for it
};

} // namespace chamber::edge
