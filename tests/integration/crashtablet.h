// A delegate's tablet in the crash test (crash_voting.cpp): a pinned WebSocket with an
// outbox that resends every unanswered ballot after a reconnection, as the kiosk does, and
// records every answer so that the test can compare them with the count.
#pragma once

#include "protocol/receipt.h"
#include "protocol/schema.h"
#include "protocol/tlspin.h"
#include "spin.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QWebSocket>

#include <cstdio>
#include <memory>
#include <vector>

namespace chamber::testing::crash {

inline const QLatin1String kType("type");
inline const QLatin1String kId("id");

// The demo meeting has 40 delegates; more tablets need more delegates.
constexpr int kDemoDelegates = 40;

using chamber::testing::spinUntil;

inline QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline bool isOk(const QJsonObject &reply)
{
    return reply.value(kType).toString() == QLatin1String("ok");
}

// What a tablet does in one round.
struct Plan
{
    enum class Change { None, Immediate, AfterAck };
    QString castId;
    QString choice;
    QString key;
    int offsetMs = 0; // after the start of casting
    bool resend = false; // sends the same command twice at once
    // Sends an answered ballot again after the restart, like a tablet that lost the answer
    // (restarted before it wrote it down): the server must give the stored answer.
    bool forgetAck = false;
    Change change = Change::None;
    QString changeId;
    QString changeChoice;
};

// One delegate's tablet: a pinned WebSocket that says hello with the device credential, sends
// its ballot when due, and sends again after every reconnection whatever has no answer yet.
class Tablet : public QObject
{
public:
    Tablet(qint64 delegate, QString credential, QByteArray pin)
        : m_delegate(delegate)
        , m_credential(std::move(credential))
        , m_pin(std::move(pin))
    { }

    qint64 delegate() const { return m_delegate; }

    void beginRound(qint64 poll, Plan plan)
    {
        m_poll = poll;
        m_plan = std::move(plan);
        m_castDue = m_changeDue = false;
        m_castAnswers.clear();
        m_changeAnswers.clear();
        m_castAnsweredBy = -1;
        m_replayed = m_replayAnswered = false;
    }

    // Opens a new connection to the server incarnation `generation` (the old one is dropped).
    void connectTo(const QString &url, int generation)
    {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_helloDone = false;
        m_generation = generation;
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        QWebSocket *socket = m_socket;
        socket->setSslConfiguration(protocol::pinnedClientConfiguration());
        connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &e) {
            if (protocol::peerMatchesPin(socket->sslConfiguration().peerCertificate(), m_pin))
                socket->ignoreSslErrors(e);
        });
        connect(socket, &QWebSocket::connected, this, [this, socket] {
            send(socket,
                QJsonObject {{kType, QStringLiteral("hello")}, {kId, QStringLiteral("hello")},
                    {QStringLiteral("protocol"), protocol::kProtocolVersion},
                    {QStringLiteral("credential"), m_credential},
                    {QStringLiteral("client"), QStringLiteral("crash_voting")}});
        });
        // Sending into a dead connection would only be lost: the outbox waits for the next hello.
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (socket == m_socket)
                m_helloDone = false;
        });
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this, generation](const QString &text) {
                received(QJsonDocument::fromJson(text.toUtf8()).object(), generation);
            });
        socket->open(QUrl(url));
    }

    bool ready() const { return m_helloDone; }
    bool disconnected() const
    {
        return !m_socket || m_socket->state() == QAbstractSocket::UnconnectedState;
    }

    // The plan's moment has come: send now if connected, else when connected again.
    void castNow()
    {
        m_castDue = true;
        if (m_plan.change == Plan::Change::Immediate)
            m_changeDue = true;
        if (!m_helloDone)
            return;
        sendCast();
        if (m_plan.resend)
            sendCast();
        if (m_changeDue)
            sendChange();
    }

    bool done() const
    {
        const bool changeAnswered
            = m_plan.change == Plan::Change::None || !m_changeAnswers.isEmpty();
        return m_castDue && !m_castAnswers.isEmpty() && changeAnswered
            && (!m_replayed || m_replayAnswered);
    }

    // An answered ballot sent again after the restart (Plan::forgetAck).
    bool replayed() const { return m_replayed; }

    const Plan &plan() const { return m_plan; }
    const QList<QJsonObject> &castAnswers() const { return m_castAnswers; }
    const QList<QJsonObject> &changeAnswers() const { return m_changeAnswers; }
    // The server incarnation whose first answer to the ballot arrived; -1: none yet.
    int castAnsweredBy() const { return m_castAnsweredBy; }
    bool acknowledged() const { return !m_castAnswers.isEmpty() && isOk(m_castAnswers.first()); }
    QString receipt() const { return protocol::ballotReceipt(1, m_poll, m_plan.key); }

private:
    void send(QWebSocket *socket, const QJsonObject &message)
    {
        socket->sendTextMessage(compact(message));
    }

    QJsonObject ballot(const QString &id, const QString &choice) const
    {
        return {{kType, QStringLiteral("ballot.cast")}, {kId, id}, {QStringLiteral("meeting"), 1},
            {QStringLiteral("poll"), m_poll}, {QStringLiteral("delegate"), m_delegate},
            {QStringLiteral("choice"), choice}, {QStringLiteral("key"), m_plan.key}};
    }

    void sendCast() { send(m_socket, ballot(m_plan.castId, m_plan.choice)); }

    void sendChange() { send(m_socket, ballot(m_plan.changeId, m_plan.changeChoice)); }

    void received(const QJsonObject &message, int generation)
    {
        const QString id = message.value(kId).toString();
        if (id == QLatin1String("hello") && generation == m_generation) {
            if (!isOk(message)) {
                std::fprintf(stderr, "delegate %lld: hello refused: %s\n",
                    static_cast<long long>(m_delegate), qPrintable(compact(message)));
                return;
            }
            m_helloDone = true;
            // The outbox: everything due without an answer goes again, same ids, in order.
            if (m_castDue && m_castAnswers.isEmpty()) {
                sendCast();
                if (m_plan.resend)
                    sendCast();
            }
            if (m_changeDue && m_changeAnswers.isEmpty())
                sendChange();
            if (generation > 0 && m_plan.forgetAck && !m_castAnswers.isEmpty() && !m_replayed) {
                m_replayed = true;
                sendCast();
            }
        } else if (!m_plan.castId.isEmpty() && id == m_plan.castId) {
            if (m_castAnswers.isEmpty())
                m_castAnsweredBy = generation;
            else if (m_replayed && generation > 0)
                m_replayAnswered = true;
            m_castAnswers << message;
            if (isOk(message) && m_plan.change == Plan::Change::AfterAck && !m_changeDue) {
                m_changeDue = true;
                if (m_helloDone && generation == m_generation)
                    sendChange();
            }
        } else if (!m_plan.changeId.isEmpty() && id == m_plan.changeId) {
            m_changeAnswers << message;
        }
    }

    qint64 m_delegate;
    QString m_credential;
    QByteArray m_pin;
    QPointer<QWebSocket> m_socket;
    int m_generation = 0;
    bool m_helloDone = false;
    qint64 m_poll = 0;
    Plan m_plan;
    bool m_castDue = false;
    bool m_changeDue = false;
    QList<QJsonObject> m_castAnswers;
    QList<QJsonObject> m_changeAnswers;
    int m_castAnsweredBy = -1;
    bool m_replayed = false;
    bool m_replayAnswered = false;
};

using Tablets = std::vector<std::unique_ptr<Tablet>>;

} // namespace chamber::testing::crash
