#include "ctl/verify.h"

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

} // namespace chamber::ctl
