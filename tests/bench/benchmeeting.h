// Setting up a meeting on a real chamberd for the benchmarks that vote (bench_voting,
// bench_hostile, bench_joinstorm): the server with its config, delegates, a join code per
// tablet, check-in and polls, through the admin's REST API and WebSocket.
#pragma once

#include "restcall.h"
#include "serverprocess.h"
#include "votingbench.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>

#include <vector>

namespace chamber::bench::voting {

// chamberd started by a benchmark on a fresh data directory, with a config file of `config`.
struct BenchServer
{
    // `program`: a chamberd binary to run instead of the one built beside the benchmarks.
    BenchServer(const QString &workDir, const QByteArray &config, const QString &program = {});

    testing::ServerProcess process;
    QString api; // https://127.0.0.1:PORT/api/v1
    qint64 pid = 0;

    testing::RestResponse call(
        const QByteArray &method, const QString &path, const QJsonObject &body = {});
};

// Many REST requests at once over one pinned manager (kept-alive connections, no handshake
// per request); restCall() makes a fresh manager per call, which a thousand calls would pay
// for in TLS handshakes.
class PinnedRest
{
public:
    PinnedRest(QString base, QByteArray pin, QByteArray token);

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray joinUrl;
    };

    std::vector<Answer> postAll(const QString &path, const std::vector<QByteArray> &bodies);

private:
    QNetworkAccessManager m_network;
    QString m_base;
    QByteArray m_pin;
    QByteArray m_token;
};

// Meeting 1 with `count` delegates (seats S0001…); returns the delegates as imported.
QJsonArray createMeetingWithDelegates(BenchServer &server, int count, const QString &title);

// One seat join code per delegate, redeemed later by a tablet's enroll.
struct JoinCodes
{
    QJsonArray tokens; // in the order of the delegates
    QString wsUrl;
    QByteArray pin;
};
JoinCodes makeJoinCodes(BenchServer &server, const QJsonArray &delegates);

// One admin connection; `frames` pipelined; waits for an ok to each; returns the seconds.
double pipelineAsAdmin(BenchServer &server, const QStringList &frames, const QString &idPrefix);

// attendance.checkIn frames for `delegates` (ids ci<delegate>), for pipelineAsAdmin.
QStringList checkInFrames(const QJsonArray &delegates);

// A draft simple-majority poll in meeting 1; its id.
qint64 createPoll(BenchServer &server, const QString &title);

} // namespace chamber::bench::voting
