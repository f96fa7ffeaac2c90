// The kiosk's document downloads against the real chamberd: every document of the meeting
// arrives and is verified; a download cut halfway resumes with a Range request instead of
// starting over; a damaged partial copy is found by its digest and fetched again; the cache
// limit removes other meetings' documents first; a document the server does not give is
// reported, not retried in a loop; and with the server gone the documents still open and
// their pages render.
#include "documentcache.h"
#include "documentdownloader.h"
#include "enroll.h"
#include "pdfmaker.h"
#include "restcall.h"
#include "serverprocess.h"
#include "support/durablefile.h"
#include "tcpproxy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace chamber;
using namespace chamber::kiosk;
using namespace chamber::testing;

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

DownloadOptions fastRetries()
{
    DownloadOptions options;
    options.minRetryMs = 50;
    options.maxRetryMs = 200;
    return options;
}

} // namespace

class TestDocumentSync : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    DeviceIdentity m_identity;
    // Three real PDFs on the demo meeting's items: small, middle, and one of a few hundred kB.
    QList<QByteArray> m_pdfs;
    QList<DocumentDownloader::Wanted> m_wanted;

    void upload(qint64 item, const QString &name, const QByteArray &content)
    {
        const RestResponse response = restCall("POST",
            m_server.baseUrl()
                + QStringLiteral("/api/v1/meetings/1/items/%1/documents?name=%2")
                      .arg(item)
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(name))),
            m_server.pin(), m_server.adminToken(), content);
        QVERIFY2(response.status == 201, response.body.constData());
    }

    DeviceIdentity throughPort(quint16 port) const
    {
        DeviceIdentity identity = m_identity;
        identity.port = port;
        return identity;
    }

    static bool waitReady(DocumentDownloader &downloader, int count, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return downloader.readyCount() == count; }, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        const QString credential = enrollDevice(m_server, 1, QStringLiteral("delegate"), 3);
        QVERIFY(!credential.isEmpty());
        m_identity.host = QStringLiteral("127.0.0.1");
        m_identity.port = m_server.port();
        m_identity.pin = m_server.pin();
        m_identity.credential = credential;
        m_identity.device
            = credential.mid(1, credential.indexOf(QLatin1Char('.')) - 1).toLongLong();
        m_identity.meeting = 1;
        m_identity.role = QStringLiteral("delegate");
        m_identity.delegate = 3;
        QVERIFY(m_identity.isValid());

        m_pdfs = {makeArticlePdf(1), makeArticlePdf(2, 6), makeArticlePdf(3, 120)};
        upload(3, QStringLiteral("Diễn văn khai mạc.pdf"), m_pdfs[0]);
        upload(5, QStringLiteral("Báo cáo kinh tế - xã hội.pdf"), m_pdfs[1]);
        upload(6, QStringLiteral("Dự toán ngân sách 2027.pdf"), m_pdfs[2]);
        for (const QByteArray &pdf : m_pdfs)
            m_wanted.append({sha256Hex(pdf), pdf.size()});
        QVERIFY2(m_pdfs[2].size() > 200 * 1024, "the large document should take many reads");
    }

    void downloadsEveryDocumentAndVerifiesIt()
    {
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(m_identity);
        QSignalSpy ready(&downloader, &DocumentDownloader::documentReady);
        downloader.setWanted(m_wanted);
        QVERIFY(waitReady(downloader, 3));
        QCOMPARE(ready.count(), 3);
        for (int i = 0; i < m_pdfs.size(); ++i) {
            QVERIFY(cache.has(m_wanted[i].sha256));
            QCOMPARE(support::sha256OfFile(cache.filePath(m_wanted[i].sha256)), m_wanted[i].sha256);
            QCOMPARE(cache.partSize(m_wanted[i].sha256), 0);
        }
        QCOMPARE(downloader.receivedBytes(), downloader.wantedBytes());
        QCOMPARE(downloader.stats().corrupted, 0);
        QCOMPARE(downloader.stats().fetchedBytes, downloader.wantedBytes());

        // A second start with the same cache fetches nothing: the index says they are here.
        DocumentCache again(directory.path(), 0);
        QVERIFY(again.load());
        DocumentDownloader second(again, fastRetries());
        second.setServer(m_identity);
        second.setWanted(m_wanted);
        QCOMPARE(second.readyCount(), 3);
        QCOMPARE(second.stats().fetchedBytes, 0);
    }

    void interruptedDownloadResumesWithRange()
    {
        TcpProxy proxy(m_server.port());
        QVERIFY(proxy.listen());
        // Each of the first two connections dies after 96 kB: TLS handshake, headers and a
        // part of the body get through.
        proxy.cutAfter(96 * 1024, 2);
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(throughPort(proxy.port()));
        downloader.setWanted({m_wanted[2]});
        QVERIFY(waitReady(downloader, 1));
        QCOMPARE(proxy.cuts(), 2);
        QVERIFY2(downloader.stats().resumed >= 1, "the second attempt continues the part");
        // Resumed, not restarted: little more than the file's size came over the wire.
        QVERIFY2(downloader.stats().fetchedBytes < m_wanted[2].bytes + 64 * 1024,
            qPrintable(QString::number(downloader.stats().fetchedBytes)));
        QCOMPARE(support::sha256OfFile(cache.filePath(m_wanted[2].sha256)), m_wanted[2].sha256);
    }

    void damagedPartIsDetectedAndFetchedAgain()
    {
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        // An earlier attempt left half the file, with one byte flipped on this device's storage.
        const QString sha = m_wanted[2].sha256;
        QByteArray half = m_pdfs[2].left(m_pdfs[2].size() / 2);
        half[half.size() / 3] = char(half[half.size() / 3] ^ 0x20);
        QFile part(cache.partPath(sha));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(half);
        part.close();

        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(m_identity);
        downloader.setWanted({m_wanted[2]});
        QVERIFY(waitReady(downloader, 1));
        QCOMPARE(downloader.stats().resumed, 1);
        QCOMPARE(downloader.stats().corrupted, 1);
        QCOMPARE(downloader.stats().completed, 1);
        QCOMPARE(support::sha256OfFile(cache.filePath(sha)), sha);
    }

    void wrongBytesAreNeverKept()
    {
        // A part of the full length whose bytes are wrong: nothing to fetch, the check fails,
        // the copy goes and the document is fetched whole.
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        const QString sha = m_wanted[0].sha256;
        QFile part(cache.partPath(sha));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(QByteArray(m_pdfs[0].size(), 'x'));
        part.close();
        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(m_identity);
        downloader.setWanted({m_wanted[0]});
        QVERIFY(waitReady(downloader, 1));
        QCOMPARE(downloader.stats().corrupted, 1);
        QCOMPARE(support::sha256OfFile(cache.filePath(sha)), sha);
    }

    void cacheLimitEvictsOtherMeetingsFirst()
    {
        QTemporaryDir directory;
        // Room for this meeting's three documents and little else.
        qint64 ours = 0;
        for (const auto &wanted : m_wanted)
            ours += wanted.bytes;
        DocumentCache cache(directory.path(), ours + 20 * 1024);
        QVERIFY(cache.load());
        // Two documents of an earlier meeting (7) fill the cache; the older one was read
        // last week.
        QStringList earlier;
        for (int i = 0; i < 2; ++i) {
            const QByteArray content = makeArticlePdf(4 + i, 20 + 10 * i);
            const QString sha = sha256Hex(content);
            QFile part(cache.partPath(sha));
            QVERIFY(part.open(QIODevice::WriteOnly));
            part.write(content);
            part.close();
            QVERIFY(cache.adopt(sha, 7));
            earlier.append(sha);
            QTest::qWait(20); // distinct last-used times
        }
        QVERIFY(cache.usedBytes() > 20 * 1024);

        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(m_identity);
        downloader.setWanted(m_wanted);
        QVERIFY(waitReady(downloader, 3));
        for (const auto &wanted : m_wanted)
            QVERIFY(cache.has(wanted.sha256));
        QVERIFY2(cache.usedBytes() <= cache.limitBytes(),
            qPrintable(QStringLiteral("%1 > %2").arg(cache.usedBytes()).arg(cache.limitBytes())));
        QVERIFY(!cache.has(earlier[0]));
        QVERIFY(!QFile::exists(cache.filePath(earlier[0])));

        // What the meeting still has is never evicted, even when nothing else is left to go.
        QSet<QString> keep;
        for (const auto &wanted : m_wanted)
            keep.insert(wanted.sha256);
        const QStringList removed = cache.evict(1, keep, 1LL << 40);
        for (const auto &wanted : m_wanted) {
            QVERIFY(cache.has(wanted.sha256));
            QVERIFY(!removed.contains(wanted.sha256));
        }
    }

    void documentTheServerDoesNotGiveIsReportedOnce()
    {
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(m_identity);
        const QString unknown = sha256Hex("no such document");
        downloader.setWanted({{unknown, 1000}});
        QVERIFY(QTest::qWaitFor(
            [&] {
                return downloader.progress(unknown)->status == DocumentDownloader::Status::Failed;
            },
            10000));
        QVERIFY(!downloader.progress(unknown)->problem.isEmpty());
        const int attempts = downloader.progress(unknown)->attempts;
        QTest::qWait(500);
        QCOMPARE(downloader.progress(unknown)->attempts, attempts); // not retried by itself
        QVERIFY(!QFile::exists(cache.partPath(unknown)));
    }

    void serverGoneWaitsAndRetries()
    {
        TcpProxy proxy(m_server.port());
        QVERIFY(proxy.listen());
        proxy.setRefusing(true);
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(throughPort(proxy.port()));
        downloader.setWanted({m_wanted[0]});
        QVERIFY(QTest::qWaitFor([&] { return proxy.connections() >= 3; }, 10000));
        QCOMPARE(downloader.readyCount(), 0);
        QCOMPARE(
            downloader.progress(m_wanted[0].sha256)->status == DocumentDownloader::Status::Failed,
            false);
        proxy.setRefusing(false); // the Wi-Fi is back
        QVERIFY(waitReady(downloader, 1));
    }

    // Last: stops the server.
    void documentsOpenWithTheServerGone()
    {
        QTemporaryDir directory;
        {
            DocumentCache cache(directory.path(), 0);
            QVERIFY(cache.load());
            DocumentDownloader downloader(cache, fastRetries());
            downloader.setServer(m_identity);
            downloader.setWanted(m_wanted);
            QVERIFY(waitReady(downloader, 3));
        }
        QCOMPARE(m_server.terminate(), 0);

        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        DocumentDownloader downloader(cache, fastRetries());
        downloader.setServer(m_identity);
        downloader.setWanted(m_wanted);
        QCOMPARE(downloader.readyCount(), 3);
        QPdfDocument pdf;
        QCOMPARE(pdf.load(cache.filePath(m_wanted[2].sha256)), QPdfDocument::Error::None);
        QVERIFY(pdf.pageCount() >= 120);
        // Turning pages: each renders, and they differ.
        QImage previous;
        for (int page : {0, 1, 50, 119}) {
            const QImage image = pdf.render(page, QSize(620, 877));
            QVERIFY(!image.isNull());
            QVERIFY(image != previous);
            previous = image;
        }
    }
};

QTEST_MAIN(TestDocumentSync)
#include "test_document_sync.moc"
