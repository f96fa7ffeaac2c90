#include "ctl/verify.h"

#include "protocol/ed25519.h"
#include "storage/eventstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::ctl {

QString VerifyOutcome::describe() const
{
    if (!problem.isEmpty())
        return QStringLiteral("cannot verify: ") + problem;
    QStringList lines;
    for (const protocol::ChainBreak &broken : report.breaks)
        lines << QStringLiteral("BROKEN: ") + broken.describe();
    lines << QStringLiteral("%1: %2 events in %3 meeting(s) checked")
                 .arg(report.ok() ? QStringLiteral("OK, chain intact") : QStringLiteral("FAILED"))
                 .arg(report.events)
                 .arg(report.meetings);
    return lines.join(u'\n');
}

VerifyOutcome verifyExportFile(const QString &path)
{
    VerifyOutcome outcome;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.problem = QStringLiteral("%1: %2").arg(path, file.errorString());
        return outcome;
    }
    protocol::ChainVerifier verifier;
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        auto event = protocol::Event::fromJson(document.object());
        if (!document.isObject() || !event) {
            outcome.problem = QStringLiteral("%1:%2: not an event line (%3)")
                                  .arg(path)
                                  .arg(lineNumber)
                                  .arg(document.isObject() ? event.error().message
                                                           : QStringLiteral("not a JSON object"));
            return outcome;
        }
        verifier.add(event.value(), lineNumber);
    }
    outcome.report = verifier.finish();
    if (outcome.report.events == 0)
        outcome.problem = QStringLiteral("%1 holds no events").arg(path);
    return outcome;
}

VerifyOutcome verifyDataDirectory(const QString &dataDir)
{
    VerifyOutcome outcome;
    const QString path = dataDir + QStringLiteral("/chamber.db");
    if (!QFileInfo::exists(path)) {
        outcome.problem = QStringLiteral("%1 does not exist").arg(path);
        return outcome;
    }
    auto store = storage::EventStore::openReadOnly(path);
    if (!store) {
        outcome.problem = store.error().message;
        return outcome;
    }
    auto report = store.value()->verify();
    if (!report)
        outcome.problem = report.error().message;
    else
        outcome.report = report.value();
    return outcome;
}

bool looksLikeResultFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    return object.contains(QLatin1String("signature"))
        && object.contains(QLatin1String("document"));
}

ResultCheck verifyResultFile(
    const QString &path, const QByteArray &trustedKey, const QString &logPath)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("%1: %2").arg(path, file.errorString()), {}};
    const QJsonObject signedResult = QJsonDocument::fromJson(file.readAll()).object();
    if (auto verified = protocol::verifyResult(signedResult, trustedKey); !verified)
        return {verified.error().message, {}};
    const QJsonObject document = signedResult.value(QLatin1String("document")).toObject();
    const QByteArray key = QByteArray::fromBase64(
        signedResult.value(QLatin1String("publicKey")).toString().toLatin1());
    const QJsonObject poll = document.value(QLatin1String("poll")).toObject();
    const QJsonObject outcome = document.value(QLatin1String("outcome")).toObject();
    QString summary
        = QStringLiteral("signature OK (key %1)%2: poll %3 \"%4\": %5 (%6)")
              .arg(protocol::keyFingerprint(key),
                  trustedKey.isEmpty() ? QStringLiteral(" — compare the key with the server's")
                                       : QString())
              .arg(poll.value(QLatin1String("id")).toInteger())
              .arg(poll.value(QLatin1String("title")).toString(),
                  outcome.value(QLatin1String("verdict")).toString(),
                  outcome.value(QLatin1String("explanation")).toString());
    if (!logPath.isEmpty()) {
        const VerifyOutcome chain = verifyExportFile(logPath);
        if (!chain.ok())
            return {QStringLiteral("the log does not verify: ") + chain.describe(), {}};
        const QJsonObject last = document.value(QLatin1String("lastEvent")).toObject();
        const qint64 seq = last.value(QLatin1String("seq")).toInteger();
        const QString hash = last.value(QLatin1String("hash")).toString();
        QFile log(logPath);
        log.open(QIODevice::ReadOnly);
        bool found = false;
        while (!log.atEnd() && !found) {
            const QJsonObject event = QJsonDocument::fromJson(log.readLine()).object();
            found = event.value(QLatin1String("meeting")).toInteger()
                    == document.value(QLatin1String("meeting"))
                           .toObject()
                           .value(QLatin1String("id"))
                           .toInteger()
                && event.value(QLatin1String("seq")).toInteger() == seq
                && event.value(QLatin1String("hash")).toString() == hash;
        }
        if (!found)
            return {QStringLiteral("the result names event %1 (%2…), which is not in %3")
                        .arg(seq)
                        .arg(hash.left(12), logPath),
                {}};
        summary += QStringLiteral("; anchored at event %1 of the verified log").arg(seq);
    }
    return {{}, summary};
}

} // namespace chamber::ctl
