// Runs the real chamberctl binary and collects what it said, for the tests of its commands.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace chamber::testing {

struct CtlRun
{
    int exitCode = -1; // -1: it did not finish in time
    QString out;
    QString err;
};

// `standardInput` is written to its stdin (a pipe, never a terminal), which is then closed.
CtlRun runChamberctl(const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    int timeoutMs = 60000, const QByteArray &standardInput = {});

// Writes `content` to the file `name` in `directory`; its path.
QString writeTestFile(
    const QTemporaryDir &directory, const QString &name, const QByteArray &content);

} // namespace chamber::testing
