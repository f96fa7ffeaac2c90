#include "edge/connection.h"

#include "edge/admission.h"
#include "edge/connectionlink.h"
#include "edge/edgeserver.h"
#include "edge/wspeer.h"
#include "protocol/error.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>

#include <algorithm>

#include <sys/socket.h>
#include <unistd.h>

namespace chamber::edge {

namespace {

// A response body is handed to the socket this much at a time, refilled as it drains.
constexpr qint64 kFileChunk = 64 * 1024;
constexpr qint64 kFileBacklog = 256 * 1024;
// Socket reads at a time; the socket itself buffers no more than this.
constexpr qint64 kReadChunk = 64 * 1024;
// While closing after a refusal the client may still be sending its body; reading (and
// dropping) some of it lets it see the answer instead of a reset.
constexpr qint64 kLingerBytes = 4 * 1024 * 1024;
constexpr int kLingerMs = 2000;
constexpr int kBodyGraceMs = 10000;
// A body refused as too large (413) after its request was authorized is read and dropped up to
// this size, so that the client sees the answer: Qt's own client reports an upload whose
// connection ends while it sends as a network error, not as the 413 it was given.
constexpr qint64 kDiscardBytes = 64LL * 1024 * 1024;

ErrorCode errorCodeForStatus(int status)
{
    switch (status) {
    case 413:
    case 414:
    case 431:
        return ErrorCode::TooLarge;
    case 429:
        return ErrorCode::RateLimited;
    case 408:
    case 503:
        return ErrorCode::Unavailable;
    case 505:
        return ErrorCode::UnsupportedVersion;
    default:
        return ErrorCode::BadField;
    }
}

HttpResponse errorResponse(int status, const QString &reason)
{
    QJsonObject body = makeError(errorCodeForStatus(status), reason).toJson();
    body.insert(QStringLiteral("type"), QStringLiteral("error"));
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}};
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.close = true;
    return response;
}

} // namespace

Connection::Connection(qintptr descriptor, const QHostAddress &peer,
    std::shared_ptr<EdgeShared> shared, QObject *parent)
    : QObject(parent)
    , m_shared(std::move(shared))
    , m_link(std::make_shared<ConnectionLink>(m_shared->nextId++, peer))
    , m_limits(m_shared->limits)
    , m_descriptor(descriptor)
    , m_assembler(m_shared->limits.maxWebSocketMessageBytes)
{
    m_clock.start();
    m_budget = support::TokenBucket(m_limits.connectionBudget, nowMs());
    m_link->attachConnection(this);
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::CoarseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &Connection::onDeadline);
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] {
        m_paused = false;
        onReadable();
    });
    m_writeStall.setSingleShot(true);
    m_writeStall.setTimerType(Qt::CoarseTimer);
    connect(&m_writeStall, &QTimer::timeout, this, &Connection::abortNow);
}

Connection::~Connection()
{
    m_link->detachConnection();
    endHandshake();
    if (m_admitted)
        m_shared->admission->release(m_link->peer());
    if (m_spool)
        m_spool->remove();
    if (m_upgraded)
        m_link->toPeer([](WsPeer &peer) { peer.deliverDisconnected(); });
    if (m_socket)
        m_socket->disconnect(this);
    else if (m_descriptor >= 0)
        ::close(int(m_descriptor));
}

bool Connection::start()
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(m_descriptor)) {
        delete socket;
        return false;
    }
    m_socket = socket;
    m_descriptor = -1;
    // The socket never buffers more than this of what the client sends; beyond, TCP tells the
    // client to wait. That is how every state that is not reading holds a client back.
    m_socket->setReadBufferSize(kReadChunk);
    m_socket->setSslConfiguration(m_shared->tls);
    connect(m_socket, &QSslSocket::encrypted, this, &Connection::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &Connection::onReadable);
    connect(m_socket, &QSslSocket::bytesWritten, this, &Connection::onWritten);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &Connection::onWritten);
    connect(m_socket, &QSslSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });

    bool refused = false;
    const std::shared_ptr<ConnectionLink> dropped = m_shared->admission->handshakeStarted(
        m_link, QDeadlineTimer::current().deadline(), &refused);
    if (refused)
        return false;
    m_handshaking = true;
    if (dropped)
        dropped->toConnection([](Connection &connection) { connection.abortNow(); });
    setDeadline(m_limits.handshakeTimeoutMs);
    m_socket->startServerEncryption();
    return true;
}

void Connection::endHandshake()
{
    if (!m_handshaking)
        return;
    m_handshaking = false;
    m_shared->admission->handshakeEnded(*m_link);
}

void Connection::setDeadline(int ms)
{
    if (ms > 0)
        m_deadline.start(ms);
    else
        m_deadline.stop();
}

void Connection::onEncrypted()
{
    endHandshake();
    m_state = State::Head;
    // The first request must come as quickly as any head must be complete.
    setDeadline(m_limits.headTimeoutMs);
    onReadable();
}

void Connection::onDeadline()
{
    if (m_state == State::Closed)
        return;
    switch (m_state) {
    case State::Head:
        if (!m_in.isEmpty()) {
            refuse(408, QStringLiteral("the request head did not arrive in time"));
            return;
        }
        break;
    case State::Body:
        if (!m_discarding) {
            refuse(408, QStringLiteral("the request body came too slowly"));
            return;
        }
        break;
    default:
        break;
    }
    abortNow();
}

bool Connection::takeBudget()
{
    if (m_budget.take(nowMs()))
        return true;
    m_paused = true;
    m_resume.start(int(std::clamp<qint64>(m_budget.waitMs(nowMs()), 1, 60000)));
    return false;
}

void Connection::onReadable()
{
    if (!m_socket || m_paused || m_state == State::Closed)
        return;
    switch (m_state) {
    case State::Head:
        readHead();
        break;
    case State::Body:
        readBodyBytes();
        break;
    case State::WebSocket:
        readFrames();
        break;
    case State::Closing:
        m_dropped += m_socket->skip(m_socket->bytesAvailable());
        if (m_dropped > kLingerBytes)
            abortNow();
        break;
    default:
        break; // not reading: the socket's small buffer fills and TCP holds the client
    }
}

void Connection::readHead()
{
    const qsizetype room = m_limits.maxHeadBytes + 1 - m_in.size();
    if (room > 0 && m_socket->bytesAvailable() > 0)
        m_in += m_socket->read(room);
    if (m_in.isEmpty())
        return;
    if (m_in.size() == qsizetype(1) || m_deadline.remainingTime() > m_limits.headTimeoutMs) {
        // The first byte of a request starts its clock (an idle keep-alive had a longer one).
        setDeadline(m_limits.headTimeoutMs);
    }
    HttpHeadLimits limits;
    limits.maxHeadBytes = m_limits.maxHeadBytes;
    limits.maxHeaderCount = m_limits.maxHeaderCount;
    HttpHeadParse parsed = parseHttpHead(m_in, limits);
    switch (parsed.status) {
    case HttpHeadParse::Status::NeedMore:
        return;
    case HttpHeadParse::Status::Refused:
        refuse(parsed.httpStatus, parsed.reason);
        return;
    case HttpHeadParse::Status::Complete:
        if (!takeBudget())
            return; // parsed again when the bucket refills
        m_in.remove(0, parsed.consumed);
        handleHead(std::move(parsed.head));
        return;
    }
}

void Connection::handleHead(HttpHead head)
{
    ++m_serial;
    m_keepAlive = head.keepAlive;
    m_request = HttpRequest(std::move(head), m_link->peer());
    m_body.clear();
    const HttpHead &parsed = m_request.head();
    if (parsed.upgradeWebSocket && m_request.url().path() == m_shared->webSocketPath) {
        upgrade(m_request);
        return;
    }
    const qint64 length = m_request.contentLength();
    if (length <= 0) {
        dispatch();
        return;
    }
    if (length <= m_limits.preAuthBodyBytes) {
        beginBody(m_limits.preAuthBodyBytes);
        return;
    }
    // Too large to read for anyone: the main thread authenticates and authorizes the request
    // from its head and says how much body its route takes, or answers without reading it.
    m_state = State::AwaitBodyDecision;
    setDeadline(0);
    HttpRequest announced = m_request;
    auto link = m_link;
    const quint64 serial = m_serial;
    EdgeServer *server = m_shared->server;
    QMetaObject::invokeMethod(
        server,
        [server, announced, link, serial] {
            server->announceBody(announced, Responder(link, serial));
        },
        Qt::QueuedConnection);
}

void Connection::readBody(quint64 serial, qint64 limit)
{
    if (serial != m_serial || m_state != State::AwaitBodyDecision)
        return;
    if (m_request.contentLength() > limit) {
        refuse(413,
            QStringLiteral("the body is larger than this request takes (%1 bytes)").arg(limit));
        return;
    }
    if (m_request.value("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    beginBody(limit);
}

// The body must come at minBodyBytesPerSecond, after a grace for the first bytes.
int Connection::bodyDeadlineMs() const
{
    return int(std::min<qint64>(
        kBodyGraceMs + m_bodyExpected * 1000 / m_limits.minBodyBytesPerSecond, 24 * 3600 * 1000));
}

void Connection::discardBody(const HttpResponse &answer)
{
    m_closeAfterResponse = answer.close || !m_keepAlive;
    m_socket->write(serializeResponseHead(answer, !m_closeAfterResponse));
    m_socket->write(answer.body);
    updateBacklog();
    m_discarding = true;
    m_bodyExpected = m_request.contentLength();
    m_bodyReceived = 0;
    m_state = State::Body;
    setDeadline(bodyDeadlineMs());
    readBodyBytes();
}

void Connection::beginBody(qint64 limit)
{
    m_bodyExpected = m_request.contentLength();
    if (m_bodyExpected > limit) {
        refuse(413, QStringLiteral("the body is larger than %1 bytes").arg(limit));
        return;
    }
    m_bodyReceived = 0;
    if (m_bodyExpected > m_limits.memoryBodyBytes) {
        m_spool = std::make_unique<QFile>(QStringLiteral("%1/body-%2-%3")
                                              .arg(m_shared->spoolDir)
                                              .arg(m_link->id())
                                              .arg(m_serial));
        if (!m_spool->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            m_spool.reset();
            refuse(503, QStringLiteral("the server cannot take large bodies now"));
            return;
        }
    } else {
        m_body.reserve(m_bodyExpected);
    }
    m_state = State::Body;
    setDeadline(bodyDeadlineMs());
    readBodyBytes();
}

void Connection::readBodyBytes()
{
    while (m_bodyReceived < m_bodyExpected) {
        QByteArray chunk;
        const qint64 wanted = qMin(m_bodyExpected - m_bodyReceived, kReadChunk);
        if (!m_in.isEmpty()) {
            chunk = m_in.left(wanted);
            m_in.remove(0, chunk.size());
        } else if (m_socket->bytesAvailable() > 0) {
            chunk = m_socket->read(wanted);
        } else {
            return; // more comes with readyRead
        }
        if (m_discarding) {
            // dropped
        } else if (m_spool) {
            if (m_spool->write(chunk) != chunk.size()) {
                m_spool->remove();
                m_spool.reset();
                refuse(503, QStringLiteral("the server's disk is full; nothing was stored"));
                return;
            }
        } else {
            m_body += chunk;
        }
        m_bodyReceived += chunk.size();
    }
    if (m_discarding) {
        m_discarding = false;
        responseDone();
        return;
    }
    if (m_spool) {
        m_spool->close();
        const QString path = m_spool->fileName();
        m_spool.reset();
        if (!m_request.mapBodyFile(path)) {
            refuse(503, QStringLiteral("the body could not be kept"));
            return;
        }
    } else {
        m_request.setBody(std::move(m_body));
        m_body = QByteArray();
    }
    dispatch();
}

void Connection::dispatch()
{
    m_state = State::Dispatched;
    setDeadline(0); // the main thread may take long (a conversion); the client may leave
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    auto link = m_link;
    const quint64 serial = m_serial;
    EdgeServer *server = m_shared->server;
    QMetaObject::invokeMethod(
        server,
        [server, request = std::move(request), link, serial] {
            server->deliverRequest(request, Responder(link, serial));
        },
        Qt::QueuedConnection);
}

void Connection::refuse(int status, const QString &reason)
{
    if (m_state == State::Closing || !m_socket)
        return;
    writeResponse(errorResponse(status, reason));
}

void Connection::respond(quint64 serial, const HttpResponse &response)
{
    if (serial != m_serial || (m_state != State::Dispatched && m_state != State::AwaitBodyDecision))
        return;
    HttpResponse answer = response;
    if (m_state == State::AwaitBodyDecision) {
        if (answer.status == 413 && m_request.contentLength() <= kDiscardBytes) {
            discardBody(answer);
            return;
        }
        // Answered without its body being read: the body's bytes would be taken for the next
        // request, so the connection ends here.
        answer.close = true;
    }
    writeResponse(answer);
}

void Connection::writeResponse(const HttpResponse &response)
{
    m_closeAfterResponse = response.close || !m_keepAlive;
    m_socket->write(serializeResponseHead(response, !m_closeAfterResponse));
    if (!response.headOnly && response.status >= 200 && response.status != 204
        && response.status != 304) {
        if (!response.filePath.isEmpty()) {
            m_file.setFileName(response.filePath);
            if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(response.fileOffset)) {
                abortNow(); // the head promised a body that cannot come
                return;
            }
            m_fileRemaining = response.fileLength;
            m_state = State::Writing;
            setDeadline(0);
            pumpFile();
            return;
        }
        m_socket->write(response.body);
    }
    updateBacklog();
    responseDone();
}

void Connection::pumpFile()
{
    while (m_fileRemaining > 0
        && m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < kFileBacklog) {
        const QByteArray chunk = m_file.read(qMin(kFileChunk, m_fileRemaining));
        if (chunk.isEmpty()) {
            abortNow(); // the file shrank under us: the length sent cannot be kept
            return;
        }
        m_socket->write(chunk);
        m_fileRemaining -= chunk.size();
    }
    updateBacklog();
    if (m_fileRemaining == 0) {
        m_file.close();
        responseDone();
    }
}

void Connection::responseDone()
{
    if (m_closeAfterResponse) {
        finish();
        return;
    }
    m_state = State::Head;
    setDeadline(m_limits.idleTimeoutMs);
    if (!m_in.isEmpty() || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &Connection::onReadable, Qt::QueuedConnection);
}

void Connection::onWritten()
{
    if (!m_socket || m_state == State::Closed)
        return;
    updateBacklog();
    if (m_state == State::Writing)
        pumpFile();
    else if (m_state == State::Closing)
        scheduleShutWrite();
}

void Connection::updateBacklog()
{
    const qint64 backlog = m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    m_link->socketBacklog = backlog;
    // A client that takes nothing for this long is gone or hostile either way.
    if (backlog > 0)
        m_writeStall.start(m_limits.writeStallTimeoutMs);
    else
        m_writeStall.stop();
}

void Connection::finish()
{
    if (m_state == State::Closing)
        return;
    m_state = State::Closing;
    m_paused = false;
    m_resume.stop();
    setDeadline(0); // a slow reader of the last response is the write-stall timer's
    scheduleShutWrite();
    onReadable();
}

// Closing the socket while the client is still sending (the body of a refused upload) would
// answer its data with a reset, and the reset can destroy our answer before the client reads
// it. So: the answer goes out, then only our sending side is shut (the client sees the end),
// and what it still sends is read and dropped until it closes too, or for kLingerMs.
// finish() and onWritten() run inside QSslSocket's own signals, where flushing it again
// re-enters its TLS code (and crashed there): the check runs from the event loop instead.
void Connection::scheduleShutWrite()
{
    if (m_writeShut || m_shutWriteScheduled)
        return;
    m_shutWriteScheduled = true;
    QMetaObject::invokeMethod(this, &Connection::shutWriteWhenFlushed, Qt::QueuedConnection);
}

void Connection::shutWriteWhenFlushed()
{
    m_shutWriteScheduled = false;
    if (m_writeShut || m_state != State::Closing)
        return;
    // QSslSocket encrypts what was written on a later turn of the event loop and does not count
    // it in bytesToWrite() meanwhile; flush() encrypts it now and hands it to the TCP socket,
    // whose own buffer then says what has not reached the kernel yet.
    m_socket->flush();
    if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > 0)
        return; // called again as the socket drains
    m_writeShut = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    setDeadline(kLingerMs);
}

void Connection::abortNow()
{
    if (m_state == State::Closed)
        return;
    if (!m_socket) {
        deleteLater();
        return;
    }
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort(); // emits disconnected
    onDisconnected();
}

void Connection::onDisconnected()
{
    // Work the main thread posted before it learnt of the end may still arrive; nothing may
    // touch the socket after this (QSslSocket crashes writing after an abort).
    m_state = State::Closed;
    m_deadline.stop();
    m_resume.stop();
    m_writeStall.stop();
    deleteLater();
}

} // namespace chamber::edge
