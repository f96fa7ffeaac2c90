#include "joinstorm.h"

#include "clientfleet.h"
#include "protocol/schema.h"
#include "protocol/tlspin.h"
#include "votingbench.h"

#include <QWebSocket>

namespace chamber::bench {

using namespace chamber::bench::voting;

JoinStorm::JoinStorm(QByteArray pin, QString wsUrl, const QJsonArray &tokens)
    : m_pin(std::move(pin))
    , m_url(std::move(wsUrl))
    , m_tokens(tokens)
    , m_joinedMs(size_t(tokens.size()), -1)
    , m_done(size_t(tokens.size()), 0)
{
    for (qsizetype index = 0; index < tokens.size(); ++index) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *raw = socket.get();
        const auto i = size_t(index);
        raw->setSslConfiguration(protocol::pinnedClientConfiguration());
        QObject::connect(
            raw, &QWebSocket::sslErrors, raw, [this, raw](const QList<QSslError> &errors) {
                if (protocol::peerMatchesPin(raw->sslConfiguration().peerCertificate(), m_pin))
                    raw->ignoreSslErrors(errors);
            });
        QObject::connect(raw, &QWebSocket::connected, raw, [this, raw, i] {
            raw->sendTextMessage(
                compact({{kType, QStringLiteral("enroll")}, {kId, QStringLiteral("enroll")},
                    {QStringLiteral("token"), m_tokens.at(qsizetype(i))},
                    {QStringLiteral("name"), QStringLiteral("storm-tablet-%1").arg(i)}}));
        });
        QObject::connect(raw, &QWebSocket::textMessageReceived, raw,
            [this, i](const QString &text) { onText(i, text); });
        QObject::connect(raw, &QWebSocket::disconnected, raw, [this, raw, i] {
            failed(i, QStringLiteral("cut (%1 %2)").arg(raw->closeCode()).arg(raw->closeReason()));
        });
        QObject::connect(raw, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), raw,
            [this, raw, i] { failed(i, raw->errorString()); });
        m_sockets.push_back(std::move(socket));
    }
}

JoinStorm::~JoinStorm()
{
    for (auto &socket : m_sockets) {
        socket->disconnect();
        socket->abort();
    }
}

void JoinStorm::run(int timeoutMs)
{
    m_pending = int(m_sockets.size());
    m_start = nowNs();
    for (auto &socket : m_sockets)
        socket->open(QUrl(m_url));
    waitUntil([this] { return m_pending <= 0; }, timeoutMs);
}

int JoinStorm::joined() const
{
    return int(
        std::count_if(m_joinedMs.begin(), m_joinedMs.end(), [](double ms) { return ms >= 0; }));
}

void JoinStorm::onText(size_t index, const QString &text)
{
    if (m_done[index])
        return;
    const QJsonObject message = parse(text);
    const QString type = message.value(kType).toString();
    const QString id = message.value(kId).toString();
    if (type == QLatin1String("snapshot")) {
        m_joinedMs[index] = double(nowNs() - m_start) / 1e6;
        m_done[index] = 1;
        --m_pending;
        return;
    }
    if (id.isEmpty())
        return; // an event before the snapshot: not ours to judge
    if (!isOk(message)) {
        failed(index, QStringLiteral("%1 refused: %2").arg(id, text.left(200)));
        return;
    }
    QWebSocket &socket = *m_sockets[index];
    if (id == QLatin1String("enroll")) {
        socket.sendTextMessage(
            compact({{kType, QStringLiteral("hello")}, {kId, QStringLiteral("hello")},
                {QStringLiteral("protocol"), protocol::kProtocolVersion},
                {QStringLiteral("credential"),
                    message.value(kResult).toObject().value(QLatin1String("credential"))},
                {QStringLiteral("client"), QStringLiteral("bench_joinstorm")}}));
    } else if (id == QLatin1String("hello")) {
        socket.sendTextMessage(compact({{kType, QStringLiteral("subscribe")},
            {kId, QStringLiteral("subscribe")}, {QStringLiteral("meeting"), 1}}));
    }
}

void JoinStorm::failed(size_t index, const QString &why)
{
    if (m_done[index])
        return;
    m_done[index] = 1;
    --m_pending;
    if (m_firstFailure.isEmpty())
        m_firstFailure = QStringLiteral("tablet %1: %2").arg(index).arg(why);
}

} // namespace chamber::bench
