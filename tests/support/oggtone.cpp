#include "oggtone.h"

#include "childprocess.h"

#include <QFile>
#include <QProcess>

namespace chamber::testing {

QByteArray oggTone(const QString &scratchDirectory, int seconds)
{
    const QString path = scratchDirectory + QStringLiteral("/tone.ogg");
    QProcess gst;
    chamber::testing::dieWithTest(gst);
    gst.start(QStringLiteral("gst-launch-1.0"),
        {QStringLiteral("-q"), QStringLiteral("audiotestsrc"),
            QStringLiteral("num-buffers=%1").arg(seconds * 50),
            QStringLiteral("samplesperbuffer=960"), QStringLiteral("freq=440"), QStringLiteral("!"),
            QStringLiteral("audio/x-raw,rate=48000,channels=1"), QStringLiteral("!"),
            QStringLiteral("audioconvert"), QStringLiteral("!"), QStringLiteral("opusenc"),
            QStringLiteral("bitrate=24000"), QStringLiteral("!"), QStringLiteral("oggmux"),
            QStringLiteral("!"), QStringLiteral("filesink"), QStringLiteral("location=") + path});
    if (!gst.waitForFinished(30000) || gst.exitStatus() != QProcess::NormalExit
        || gst.exitCode() != 0)
        return {};
    QFile file(path);
    QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    file.close();
    file.remove();
    return bytes;
}

} // namespace chamber::testing
