#include "recordingcheck.h"

#include "childprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace chamber::testing {

Discovered discover(const QString &path)
{
    Discovered result;
    QProcess tool;
    dieWithTest(tool);
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("gst-discoverer-1.0"), {path});
    if (!tool.waitForFinished(60000)) {
        result.output = QStringLiteral("gst-discoverer-1.0 did not finish: ") + tool.errorString();
        tool.kill();
        return result;
    }
    result.output = QString::fromUtf8(tool.readAll());
    // It exits 0 even when it cannot read the file; what it prints tells.
    static const QRegularExpression duration(
        QStringLiteral(R"(Duration: (\d+):(\d\d):(\d\d)\.(\d{9}))"));
    const auto match = duration.match(result.output);
    if (!match.hasMatch())
        return result;
    result.durationMs = ((match.captured(1).toLongLong() * 60 + match.captured(2).toLongLong()) * 60
                            + match.captured(3).toLongLong())
            * 1000
        + match.captured(4).left(3).toLongLong();
    result.readable = result.output.contains(QLatin1String("container #0: Ogg"))
        && result.output.contains(QRegularExpression(QStringLiteral(R"(audio #\d+: Opus)")));
    return result;
}

QString fileSha256(const QString &path)
{
    // Read whole, independently of the server's block-wise hashing (recordings are small).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace chamber::testing
