#include "benchmeeting.h"

#include "clientfleet.h"
#include "protocol/joinlink.h"
#include "protocol/schema.h"
#include "protocol/tlspin.h"
#include "restcall.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>

namespace chamber::bench::voting {

BenchServer::BenchServer(const QString &workDir, const QByteArray &config, const QString &program)
    : process(workDir + QStringLiteral("/data"))
{
    const QString configPath = workDir + QStringLiteral("/chamberd.conf");
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(config) < 0)
        fail(QStringLiteral("cannot write %1").arg(configPath));
    file.close();
    if (!program.isEmpty())
        process.setProgram(program);
    if (!process.start({QStringLiteral("--config"), configPath}))
        fail(QStringLiteral("chamberd did not start: ") + QString::fromUtf8(process.log()));
    api = process.baseUrl() + QStringLiteral("/api/v1");
    pid = process.records(QStringLiteral("chamberd ready"))
              .value(0)
              .value(QLatin1String("pid"))
              .toInteger();
}

testing::RestResponse BenchServer::call(
    const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return testing::restCall(method, api + path, process.pin(), process.adminToken(),
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

PinnedRest::PinnedRest(QString base, QByteArray pin, QByteArray token)
    : m_base(std::move(base))
    , m_pin(std::move(pin))
    , m_token(std::move(token))
{ }

std::vector<PinnedRest::Answer> PinnedRest::postAll(
    const QString &path, const std::vector<QByteArray> &bodies)
{
    std::vector<Answer> answers(bodies.size());
    size_t pending = bodies.size();
    for (size_t i = 0; i < bodies.size(); ++i) {
        QNetworkRequest request {QUrl(m_base + path)};
        request.setSslConfiguration(protocol::pinnedClientConfiguration());
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_network.post(request, bodies[i]);
        QObject::connect(
            reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &errors) {
                if (protocol::peerMatchesPin(reply->sslConfiguration().peerCertificate(), m_pin))
                    reply->ignoreSslErrors(errors);
            });
        QObject::connect(reply, &QNetworkReply::finished, reply, [&answers, &pending, reply, i] {
            answers[i].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answers[i].body = reply->readAll();
            answers[i].joinUrl = reply->rawHeader("Chamber-Join-Url");
            --pending;
            reply->deleteLater();
        });
    }
    if (!waitUntil([&] { return pending == 0; }, 300000))
        fail(QStringLiteral("REST: %1 requests to %2 unanswered").arg(pending).arg(path));
    return answers;
}

QJsonArray createMeetingWithDelegates(BenchServer &server, int count, const QString &title)
{
    if (server.call("POST", QStringLiteral("/meetings"), {{QStringLiteral("title"), title}}).status
        != 201)
        fail(QStringLiteral("meeting.create failed"));
    QByteArray csv = "name,seat\n";
    for (int i = 1; i <= count; ++i)
        csv += QStringLiteral("Delegate %1,S%1\n").arg(i, 4, 10, QLatin1Char('0')).toUtf8();
    const testing::RestResponse imported
        = testing::restCall("POST", server.api + QStringLiteral("/meetings/1/delegates/import"),
            server.process.pin(), server.process.adminToken(), csv,
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv")}});
    const QJsonArray delegates
        = imported.json().value(kResult).toObject().value(QLatin1String("delegates")).toArray();
    if (imported.status != 200 || delegates.size() != count)
        fail(QStringLiteral("import: %1 %2")
                 .arg(imported.status)
                 .arg(QString::fromUtf8(imported.body.left(300))));
    return delegates;
}

JoinCodes makeJoinCodes(BenchServer &server, const QJsonArray &delegates)
{
    PinnedRest rest(server.api, server.process.pin(), server.process.adminToken());
    std::vector<QByteArray> bodies;
    for (const QJsonValue &delegate : delegates)
        bodies.push_back(
            QJsonDocument(QJsonObject {{QStringLiteral("role"), QStringLiteral("delegate")},
                              {QStringLiteral("delegate"), delegate.toInteger()}})
                .toJson(QJsonDocument::Compact));
    JoinCodes codes;
    for (const PinnedRest::Answer &code :
        rest.postAll(QStringLiteral("/meetings/1/join-codes?format=svg"), bodies)) {
        auto link = protocol::parseJoinLink(QString::fromUtf8(code.joinUrl));
        if (code.status != 201 || !link)
            fail(QStringLiteral("join code: %1 %2")
                     .arg(code.status)
                     .arg(QString::fromUtf8(code.body.left(300))));
        codes.tokens.append(link->token);
        codes.wsUrl = link->webSocketUrl().toString();
        codes.pin = link->pin;
    }
    return codes;
}

double pipelineAsAdmin(BenchServer &server, const QStringList &frames, const QString &idPrefix)
{
    ClientFleet admin(server.process.pin(), 1);
    if (!admin.connectAll(server.process.wsUrl()))
        fail(QStringLiteral("admin connection failed"));
    admin.arm([](const QString &text) { return text.contains(QLatin1String(R"("type":"ok")")); });
    admin.send(0,
        compact({{kType, QStringLiteral("hello")}, {kId, QStringLiteral("hello")},
            {QStringLiteral("protocol"), protocol::kProtocolVersion},
            {QStringLiteral("credential"), QString::fromUtf8(server.process.adminToken())}}));
    if (!admin.waitAllArrived(10000))
        fail(QStringLiteral("admin hello failed"));
    int answered = 0;
    QString firstError;
    const QString marker = QStringLiteral(R"("id":"%1)").arg(idPrefix);
    admin.arm([&](const QString &text) {
        if (!text.contains(marker))
            return false;
        ++answered;
        if (!text.contains(QLatin1String(R"("type":"ok")")) && firstError.isEmpty())
            firstError = text;
        return true;
    });
    const qint64 start = nowNs();
    for (const QString &frame : frames)
        admin.send(0, frame);
    waitUntil([&] { return answered >= frames.size(); }, 300000);
    if (answered < frames.size() || !firstError.isEmpty())
        fail(QStringLiteral("%1 of %2 answered; %3")
                 .arg(answered)
                 .arg(frames.size())
                 .arg(firstError));
    admin.closeAll();
    return double(nowNs() - start) / 1e9;
}

QStringList checkInFrames(const QJsonArray &delegates)
{
    QStringList frames;
    for (const QJsonValue &delegate : delegates)
        frames << compact({{kType, QStringLiteral("attendance.checkIn")},
            {kId, QStringLiteral("ci%1").arg(delegate.toInteger())}, {QStringLiteral("meeting"), 1},
            {QStringLiteral("delegate"), delegate.toInteger()}});
    return frames;
}

qint64 createPoll(BenchServer &server, const QString &title)
{
    const testing::RestResponse created = server.call("POST", QStringLiteral("/meetings/1/polls"),
        {{QStringLiteral("title"), title},
            {QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("preset"), QStringLiteral("simple-majority")}}}});
    const qint64 poll
        = created.json().value(kResult).toObject().value(QLatin1String("poll")).toInteger();
    if (created.status != 201 || poll <= 0)
        fail(QStringLiteral("poll: %1").arg(QString::fromUtf8(created.body.left(300))));
    return poll;
}

} // namespace chamber::bench::voting
