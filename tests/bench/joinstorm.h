// A join storm: many tablets opening their connections at the same moment, each going through
// what a kiosk does after scanning its seat card: TLS WebSocket, enroll with its own join code,
// hello with the credential it got, subscribe to the meeting, until the first snapshot.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <memory>
#include <vector>

class QWebSocket;

namespace chamber::bench {

class JoinStorm
{
public:
    JoinStorm(QByteArray pin, QString wsUrl, const QJsonArray &tokens);
    ~JoinStorm();

    // Opens every connection at once (no batches: that is the storm) and runs the event loop
    // until every tablet has its snapshot or failed, or `timeoutMs` has passed.
    void run(int timeoutMs);

    // Per tablet: milliseconds from the storm's start to its snapshot; -1 if it never came.
    const std::vector<double> &joinedMs() const { return m_joinedMs; }
    int joined() const;
    // The first failure seen (a refusal, a cut), for the report.
    QString firstFailure() const { return m_firstFailure; }

private:
    void onText(size_t index, const QString &text);
    void failed(size_t index, const QString &why);

    QByteArray m_pin;
    QString m_url;
    QJsonArray m_tokens;
    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    std::vector<double> m_joinedMs;
    std::vector<char> m_done; // snapshot received or failed
    qint64 m_start = 0;
    int m_pending = 0;
    QString m_firstFailure;
};

} // namespace chamber::bench
