#include "ctl/logsource.h"

#include "storage/chaincheck.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace chamber::ctl {

QStringList LogCheck::failures() const
{
    QStringList lines;
    if (!problem.isEmpty())
        return {problem};
    for (const protocol::ChainBreak &broken : chain.breaks)
        lines << QStringLiteral("BROKEN: ") + broken.describe();
    if (!replay.problem().isEmpty())
        lines << replay.problem();
    for (const PublishedInLog &published : replay.published()) {
        for (const QString &difference : published.differences)
            lines << QStringLiteral("meeting %1, poll %2: %3")
                         .arg(published.meeting)
                         .arg(published.poll)
                         .arg(difference);
    }
    return lines;
}

void readExportFile(const QString &path, const QByteArray &resultKey, LogCheck &log)
{
    log.name = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        log.problem = QStringLiteral("%1: %2").arg(path, file.errorString());
        return;
    }
    protocol::ChainVerifier verifier;
    verifier.checkResultAnchors(resultKey);
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        auto event = protocol::Event::fromJson(document.object());
        if (!document.isObject() || !event) {
            log.problem
                = QStringLiteral("%1:%2: not an event line (%3)")
                      .arg(path)
                      .arg(lineNumber)
                      .arg(!document.isObject() ? (parseError.error == QJsonParseError::NoError
                                   ? QStringLiteral("not a JSON object")
                                   : parseError.errorString())
                                                : event.error().message);
            return;
        }
        verifier.add(event.value(), lineNumber);
        log.replay.add(event.value());
        if (log.onEvent)
            log.onEvent(event.value());
    }
    log.chain = verifier.finish();
    if (log.chain.events == 0)
        log.problem = QStringLiteral("%1 holds no events").arg(path);
}

void readDataDirectory(const QString &dataDir, const QByteArray &resultKey, LogCheck &log)
{
    const QString path = dataDir + QStringLiteral("/chamber.db");
    log.name = path;
    if (!QFileInfo::exists(path)) {
        log.problem = QStringLiteral("%1 does not exist").arg(path);
        return;
    }
    auto store = storage::EventStore::openReadOnly(path);
    if (!store) {
        log.problem = store.error().message;
        return;
    }
    auto checkpoints = storage::loadCheckpoints(store.value()->database());
    if (!checkpoints) {
        log.problem = checkpoints.error().message;
        return;
    }
    log.checkpoints = qint64(checkpoints->size());
    storage::ChainCheckOptions options;
    options.scope = storage::ChainCheckOptions::Scope::Everything;
    options.resultKey = resultKey;
    options.onEvent = [&log](const protocol::Event &event) {
        log.replay.add(event);
        if (log.onEvent)
            log.onEvent(event);
    };
    auto check = storage::checkChain(*store.value(), options);
    if (!check) {
        log.problem = check.error().message;
        return;
    }
    log.chain = check->report;
}

} // namespace chamber::ctl
