// Structured log records, private files, and what a failed write is called.
#include "support/durablefile.h"
#include "support/log.h"
#include "support/privatefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <sys/stat.h>

using namespace chamber;

class TestSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRecordCarriesFields()
    {
        const QString raw = QStringLiteral("listening") + QChar(0x1f)
            + QStringLiteral(R"({"port":8443,"address":"0.0.0.0"})");
        const QByteArray line = log::formatRecord(log::Format::Json, QtInfoMsg, "chamber.server",
            raw, QStringLiteral("2026-12-08T00:00:00.000Z"));
        QVERIFY(line.endsWith('\n'));
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        QCOMPARE(record.value(QLatin1String("msg")).toString(), QStringLiteral("listening"));
        QCOMPARE(record.value(QLatin1String("port")).toInt(), 8443);
        QCOMPARE(record.value(QLatin1String("level")).toString(), QStringLiteral("info"));
        QCOMPARE(record.value(QLatin1String("cat")).toString(), QStringLiteral("chamber.server"));
    }

    void textRecordIsReadable()
    {
        const QString raw = QStringLiteral("session opened") + QChar(0x1f)
            + QStringLiteral(R"({"client":"chamber kiosk","n":2})");
        const QByteArray line = log::formatRecord(
            log::Format::Text, QtWarningMsg, "chamber.ws", raw, QStringLiteral("T"));
        QCOMPARE(
            line, QByteArray("T warning chamber.ws session opened client=\"chamber kiosk\" n=2\n"));
        // Messages from Qt itself (no fields) are records too.
        const QJsonObject plain
            = QJsonDocument::fromJson(log::formatRecord(log::Format::Json, QtCriticalMsg, nullptr,
                                          QStringLiteral("QSslSocket: oops"), QStringLiteral("T")))
                  .object();
        QCOMPARE(plain.value(QLatin1String("level")).toString(), QStringLiteral("error"));
        QCOMPARE(plain.value(QLatin1String("msg")).toString(), QStringLiteral("QSslSocket: oops"));
    }

    void privateFilesAreOwnerOnly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("a/b"));
        QVERIFY(support::ensurePrivateDirectory(folder));
        const QString path = folder + QStringLiteral("/secret");
        QVERIFY(support::writePrivateFile(path, "token\n"));
        struct stat info = {};
        QCOMPARE(::stat(path.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(::stat(folder.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        // Replacing keeps the mode and the content is the new one.
        QVERIFY(support::writePrivateFile(path, "other\n"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("other\n"));
        QVERIFY(!support::writePrivateFile(dir.filePath(QStringLiteral("missing/dir/x")), "y"));
    }

    void fullDiskIsUnavailable()
    {
        // A full disk or quota: the secretary may try again once space is made (503).
        for (const int error : {ENOSPC, EDQUOT}) {
            const Error full = support::ioErrorFor(
                error, QStringLiteral("cannot write"), QStringLiteral("/data/docs/.upload-1"));
            QCOMPARE(full.code, ErrorCode::Unavailable);
            QVERIFY2(full.message.startsWith(
                         QStringLiteral("the server's disk is full; nothing was stored (cannot "
                                        "write /data/docs/.upload-1: ")),
                qPrintable(full.message));
        }
        // Anything else stays a fault of the server.
        for (const int error : {EIO, EACCES, EROFS}) {
            const Error fault = support::ioErrorFor(
                error, QStringLiteral("cannot write"), QStringLiteral("/data/x"));
            QCOMPARE(fault.code, ErrorCode::Internal);
            QVERIFY(fault.message.startsWith(QStringLiteral("cannot write /data/x: ")));
        }
        errno = ENOSPC;
        QCOMPARE(support::ioError(QStringLiteral("cannot sync file"), QStringLiteral("/x")).code,
            ErrorCode::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestSupport)
#include "test_support.moc"
