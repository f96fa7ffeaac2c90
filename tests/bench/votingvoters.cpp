// The voters' process of the voting benchmark: a thousand tablets in one ClientFleet that
// enroll, say hello, cast at once, drop together and measure the echo baseline, each on a
// command from the driving process.
#include "clientfleet.h"
#include "drivenprocess.h"
#include "protocol/receipt.h"
#include "protocol/schema.h"
#include "stats.h"
#include "votingbench.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>
#include <memory>

namespace chamber::bench::voting {

namespace {

// Sends `frames[i]` on connection i, one after another as fast as the loop goes, and returns
// each send's time; arrivals come from the fleet, armed before.
std::vector<qint64> sendEach(ClientFleet &fleet, const QStringList &frames)
{
    std::vector<qint64> sent(size_t(fleet.size()));
    for (int i = 0; i < fleet.size(); ++i) {
        sent[size_t(i)] = nowNs();
        fleet.send(i, frames.at(i));
    }
    return sent;
}

std::vector<double> latenciesMs(const ClientFleet &fleet, const std::vector<qint64> &sent)
{
    std::vector<double> samples;
    for (size_t i = 0; i < sent.size(); ++i) {
        if (fleet.arrivals()[i] >= 0)
            samples.push_back(double(fleet.arrivals()[i] - sent[i]) / 1e6);
    }
    return samples;
}

} // namespace

int voterProcess()
{
    StdinCommands input;
    std::unique_ptr<ClientFleet> tablets;
    std::vector<qint64> delegates;
    int casts = 0; // request ids must be unique per session: each cast's ids carry its number

    for (QJsonObject command = input.next(); !command.isEmpty(); command = input.next()) {
        const QString what = command.value(QLatin1String("cmd")).toString();
        if (what == QLatin1String("enroll")) {
            // Every tablet: connect, enroll with its seat's token, hello with the credential.
            const QByteArray pin
                = QByteArray::fromHex(command.value(QLatin1String("pin")).toString().toLatin1());
            const QJsonArray tokens = command.value(QLatin1String("tokens")).toArray();
            const int count = int(tokens.size());
            tablets = std::make_unique<ClientFleet>(pin, count);
            delegates.assign(size_t(count), 0);
            std::vector<QString> credentials;
            credentials.resize(size_t(count));
            qint64 start = steadyNs();
            if (!tablets->connectAll(command.value(QLatin1String("url")).toString()))
                fail(QStringLiteral("voters: could not connect %1 tablets").arg(count));
            const double connectS = double(steadyNs() - start) / 1e9;

            start = steadyNs();
            int refused = 0;
            tablets->arm([&](const QString &text) {
                const QJsonObject reply = parse(text);
                const QString id = reply.value(kId).toString();
                if (!id.startsWith(QLatin1String("en")))
                    return false;
                const int index = id.mid(2).toInt();
                const QJsonObject result = reply.value(kResult).toObject();
                credentials[size_t(index)] = result.value(QLatin1String("credential")).toString();
                delegates[size_t(index)] = result.value(QLatin1String("delegate")).toInteger();
                refused += isOk(reply) ? 0 : 1;
                return true;
            });
            QStringList frames;
            for (int i = 0; i < count; ++i)
                frames << compact({{kType, QStringLiteral("enroll")},
                    {kId, QStringLiteral("en%1").arg(i)}, {QStringLiteral("token"), tokens.at(i)},
                    {QStringLiteral("name"), QStringLiteral("bench-tablet-%1").arg(i)}});
            sendEach(*tablets, frames);
            if (!tablets->waitAllArrived(120000) || refused > 0)
                fail(QStringLiteral("voters: %1 enrollments refused or unanswered").arg(refused));
            const double enrollS = double(steadyNs() - start) / 1e9;

            start = steadyNs();
            tablets->arm([](const QString &text) {
                return text.contains(QLatin1String(R"("id":"hello")"))
                    && text.contains(QLatin1String(R"("type":"ok")"));
            });
            frames.clear();
            for (int i = 0; i < count; ++i)
                frames << compact({{kType, QStringLiteral("hello")}, {kId, QStringLiteral("hello")},
                    {QStringLiteral("protocol"), protocol::kProtocolVersion},
                    {QStringLiteral("credential"), credentials[size_t(i)]},
                    {QStringLiteral("client"), QStringLiteral("bench_voting")}});
            sendEach(*tablets, frames);
            if (!tablets->waitAllArrived(60000))
                fail(QStringLiteral("voters: not every tablet got through hello"));
            answer({{QStringLiteral("event"), QStringLiteral("enrolled")},
                {QStringLiteral("connect_s"), connectS}, {QStringLiteral("enroll_s"), enrollS},
                {QStringLiteral("hello_s"), double(steadyNs() - start) / 1e9}});
        } else if (what == QLatin1String("cast")) {
            const qint64 poll = command.value(QLatin1String("poll")).toInteger();
            ++casts;
            const QString marker = QStringLiteral(R"("id":"b%1-)").arg(casts);
            const QStringList choices {
                QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("abstain")};
            QStringList frames;
            for (int i = 0; i < tablets->size(); ++i)
                frames << compact({{kType, QStringLiteral("ballot.cast")},
                    {kId, QStringLiteral("b%1-%2").arg(casts).arg(i)},
                    {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), poll},
                    {QStringLiteral("delegate"), delegates[size_t(i)]},
                    {QStringLiteral("choice"), choices.at(i % 3)},
                    {QStringLiteral("key"), protocol::makeBallotKey()}});
            int errors = 0;
            QString firstError;
            tablets->arm([&](const QString &text) {
                if (!text.contains(marker))
                    return false;
                if (!text.contains(QLatin1String(R"("type":"ok")"))) {
                    if (errors++ == 0)
                        firstError = text;
                }
                return true;
            });
            const std::vector<qint64> sent = sendEach(*tablets, frames);
            const bool all = tablets->waitAllArrived(60000);
            const qint64 lastArrival
                = *std::max_element(tablets->arrivals().begin(), tablets->arrivals().end());
            answer({{QStringLiteral("event"), QStringLiteral("cast")},
                {QStringLiteral("complete"), all}, {QStringLiteral("errors"), errors},
                {QStringLiteral("first_error"), firstError},
                {QStringLiteral("first_send_ns"), sent.front() + steadyOffsetNs()},
                {QStringLiteral("last_send_ns"), sent.back() + steadyOffsetNs()},
                {QStringLiteral("last_ack_ns"), lastArrival + steadyOffsetNs()},
                {QStringLiteral("latencies_ms"), toJsonArray(latenciesMs(*tablets, sent))}});
        } else if (what == QLatin1String("disconnect")) {
            // All at once, as when the room's access point restarts.
            const qint64 at = QDateTime::currentMSecsSinceEpoch();
            tablets->closeAll();
            answer({{QStringLiteral("event"), QStringLiteral("disconnected")},
                {QStringLiteral("at_ms"), at}});
        } else if (what == QLatin1String("echo")) {
            const QByteArray pin
                = QByteArray::fromHex(command.value(QLatin1String("pin")).toString().toLatin1());
            const int count = command.value(QLatin1String("clients")).toInt();
            const int rounds = command.value(QLatin1String("rounds")).toInt();
            ClientFleet echo(pin, count);
            if (!echo.connectAll(command.value(QLatin1String("url")).toString()))
                fail(QStringLiteral("voters: could not connect %1 clients to the echo server")
                         .arg(count));
            std::vector<double> samples;
            for (int round = 0; round < rounds; ++round) {
                // A frame of a ballot's size, so both measure the same bytes on the wire.
                QStringList frames;
                for (int i = 0; i < count; ++i)
                    frames << compact({{kType, QStringLiteral("ballot.cast")},
                        {kId, QStringLiteral("e%1-%2").arg(round).arg(i)},
                        {QStringLiteral("meeting"), 1}, {QStringLiteral("poll"), 1},
                        {QStringLiteral("delegate"), i + 1},
                        {QStringLiteral("choice"), QStringLiteral("abstain")},
                        {QStringLiteral("key"), protocol::makeBallotKey()}});
                const QString marker = QStringLiteral(R"("id":"e%1-)").arg(round);
                echo.arm([marker](const QString &text) { return text.contains(marker); });
                const std::vector<qint64> sent = sendEach(echo, frames);
                if (!echo.waitAllArrived(30000))
                    fail(QStringLiteral("voters: echo round %1 incomplete").arg(round));
                const std::vector<double> roundSamples = latenciesMs(echo, sent);
                samples.insert(samples.end(), roundSamples.begin(), roundSamples.end());
                waitUntil([] { return false; }, 100);
            }
            echo.closeAll();
            answer({{QStringLiteral("event"), QStringLiteral("echo")},
                {QStringLiteral("latencies_ms"), toJsonArray(samples)}});
        } else if (what == QLatin1String("quit")) {
            break;
        }
    }
    return 0;
}

} // namespace chamber::bench::voting
