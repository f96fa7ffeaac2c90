#include "chamberctlrun.h"

#include "serverprocess.h"

#include "childprocess.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace chamber::testing {

CtlRun runChamberctl(const QStringList &arguments, const QProcessEnvironment &environment,
    int timeoutMs, const QByteArray &standardInput)
{
    QProcess process;
    chamber::testing::dieWithTest(process);
    process.setProcessEnvironment(environment);
    process.start(binaryPath(QStringLiteral("chamberctl")), arguments);
    if (!standardInput.isEmpty() && process.waitForStarted(timeoutMs))
        process.write(standardInput);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs))
        return {};
    return CtlRun {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

QString writeTestFile(
    const QTemporaryDir &directory, const QString &name, const QByteArray &content)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
    return path;
}

} // namespace chamber::testing
