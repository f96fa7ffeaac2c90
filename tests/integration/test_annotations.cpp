// Encrypted annotation backups against the real chamberd: a delegate's tablet stores an
// opaque blob per document and any tablet of the same delegate gets it back; other delegates,
// the chair console, the tally screen and the admin token do not; unknown documents and
// oversized blobs are refused and nothing is stored; versions (ETag, If-Match) stop one
// tablet from overwriting another's change while resends stay harmless; an acknowledged
// backup survives kill -9; a revoked tablet is cut off.
#include "enroll.h"
#include "pdfmaker.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chamber;
using namespace chamber::testing;

namespace {

// What a tablet would send: ciphertext, i.e. bytes that look random.
QByteArray ciphertext(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QByteArray etagOf(const QByteArray &blob)
{
    return '"' + QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex() + '"';
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<ServerProcess> m_first; // after a restart: owns the data directory
    std::unique_ptr<ServerProcess> m_server;
    QString m_document; // sha256 of a PDF of meeting 1
    QString m_tabletA; // delegate 1
    QString m_tabletB; // delegate 1's second tablet
    QString m_otherDelegate; // delegate 2
    QString m_chair;
    QString m_tally;

    bool start(const QString &dataDir = {})
    {
        m_server = std::make_unique<ServerProcess>(dataDir);
        return m_server->start({QStringLiteral("--demo"), QStringLiteral("--config"),
            m_config.filePath(QStringLiteral("chamberd.conf"))});
    }

    RestResponse call(const QByteArray &method, const QString &credential, const QString &sha256,
        const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return restCall(method,
            m_server->baseUrl() + QStringLiteral("/api/v1/annotations/") + sha256, m_server->pin(),
            credential.toUtf8(), body, headers);
    }

    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return restCall(method, m_server->baseUrl() + QStringLiteral("/api/v1") + path,
            m_server->pin(), m_server->adminToken(), body);
    }

    QString blobPath(qint64 delegate, const QString &sha256) const
    {
        return m_server->dataDir()
            + QStringLiteral("/annotations/m1/d%1/%2.bin").arg(delegate).arg(sha256);
    }

    QByteArray stored(qint64 delegate, const QString &sha256) const
    {
        QFile file(blobPath(delegate, sha256));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QStringList everythingStored() const
    {
        QStringList files;
        const QString root = m_server->dataDir() + QStringLiteral("/annotations");
        QDir dir(root);
        for (const QString &meeting : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString &delegate :
                QDir(root + u'/' + meeting).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                for (const QString &file : QDir(root + u'/' + meeting + u'/' + delegate)
                                               .entryList(QDir::Files | QDir::Hidden))
                    files << meeting + u'/' + delegate + u'/' + file;
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile config(m_config.filePath(QStringLiteral("chamberd.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[documents]\nmax-annotation-kib = 16\n");
        config.close();
        QVERIFY(start());
        const QByteArray pdf = makeArticlePdf(1);
        const RestResponse uploaded
            = admin("POST", QStringLiteral("/meetings/1/items/3/documents?name=a.pdf"), pdf);
        QCOMPARE(uploaded.status, 201);
        m_document = uploaded.json()
                         .value(QLatin1String("document"))
                         .toObject()
                         .value(QLatin1String("sha256"))
                         .toString();
        m_tabletA = enrollDevice(*m_server, 1, QStringLiteral("delegate"), 1);
        m_tabletB = enrollDevice(*m_server, 1, QStringLiteral("delegate"), 1);
        m_otherDelegate = enrollDevice(*m_server, 1, QStringLiteral("delegate"), 2);
        m_chair = enrollDevice(*m_server, 1, QStringLiteral("chair"));
        m_tally = enrollDevice(*m_server, 1, QStringLiteral("tally"));
        for (const QString &credential : {m_tabletA, m_tabletB, m_otherDelegate, m_chair, m_tally})
            QVERIFY(!credential.isEmpty());
    }

    void delegateBacksUpAndAnotherTabletRestores()
    {
        const QByteArray blob = ciphertext(5000);
        const RestResponse put = call("PUT", m_tabletA, m_document, blob);
        QCOMPARE(put.status, 201);
        QCOMPARE(put.header("ETag"), etagOf(blob));
        QCOMPARE(put.json().value(QLatin1String("created")).toBool(), true);
        QCOMPARE(stored(1, m_document), blob); // on disk once acknowledged

        const RestResponse restored = call("GET", m_tabletB, m_document);
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.body, blob);
        QCOMPARE(restored.header("ETag"), etagOf(blob));
        QCOMPARE(restored.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(restored.header("Cache-Control"), QByteArray("no-store"));
        const RestResponse unchanged
            = call("GET", m_tabletB, m_document, {}, {{"If-None-Match", etagOf(blob)}});
        QCOMPARE(unchanged.status, 304);
        QVERIFY(unchanged.body.isEmpty());

        // The same bytes again (a resend after a lost answer): nothing changes.
        const RestResponse again = call("PUT", m_tabletA, m_document, blob);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("changed")).toBool(), false);
    }

    void nobodyElseReadsThem()
    {
        // Another delegate has its own (none yet), never delegate 1's.
        QCOMPARE(call("GET", m_otherDelegate, m_document).status, 404);
        const QByteArray theirs = ciphertext(300);
        QCOMPARE(call("PUT", m_otherDelegate, m_document, theirs).status, 201);
        QCOMPARE(call("GET", m_otherDelegate, m_document).body, theirs);
        QVERIFY(call("GET", m_tabletA, m_document).body != theirs);
        QCOMPARE(stored(2, m_document), theirs);
        // Screens that are not a delegate's, and the admin token: refused.
        for (const QString &credential : {m_chair, m_tally}) {
            QCOMPARE(call("GET", credential, m_document).status, 403);
            QCOMPARE(call("PUT", credential, m_document, "x").status, 403);
            QCOMPARE(call("DELETE", credential, m_document).status, 403);
        }
        const RestResponse byAdmin
            = call("GET", QString::fromUtf8(m_server->adminToken()), m_document);
        QCOMPARE(byAdmin.status, 403);
        QVERIFY2(byAdmin.body.contains("admin token"), byAdmin.body.constData());
        QCOMPARE(call("DELETE", QString::fromUtf8(m_server->adminToken()), m_document).status, 403);
        QCOMPARE(call("GET", QString(), m_document).status, 401);
        QCOMPARE(call("GET", QStringLiteral("d1.forged"), m_document).status, 401);
    }

    void unknownDocumentsAndOversizedBlobsStoreNothing()
    {
        const QStringList before = everythingStored();
        const QString unknown(64, QLatin1Char('a'));
        QCOMPARE(call("PUT", m_tabletA, unknown, ciphertext(100)).status, 404);
        QCOMPARE(call("GET", m_tabletA, unknown).status, 404);
        // Not a hash at all: no such resource.
        QCOMPARE(call("PUT", m_tabletA, QStringLiteral("..%2F..%2Fchamber.db"), "x").status, 404);
        QCOMPARE(call("PUT", m_tabletA, m_document.toUpper(), "x").status, 404);
        const QByteArray current = stored(1, m_document);
        const RestResponse big = call("PUT", m_tabletA, m_document, ciphertext(16 * 1024 + 1));
        QCOMPARE(big.status, 413);
        QVERIFY2(big.body.contains("max-annotation-kib"), big.body.constData());
        QCOMPARE(call("PUT", m_tabletA, m_document, QByteArray()).status, 400);
        QCOMPARE(everythingStored(), before);
        QCOMPARE(stored(1, m_document), current);
        // Exactly the limit is fine.
        QCOMPARE(call("PUT", m_otherDelegate, m_document, ciphertext(16 * 1024)).status, 200);
    }

    void versionsStopLostUpdates()
    {
        const RestResponse base = call("GET", m_tabletA, m_document);
        const QByteArray seen = base.header("ETag");
        // Tablet B changes the notes, knowing the version it replaces.
        const QByteArray fromB = ciphertext(800);
        const RestResponse changed
            = call("PUT", m_tabletB, m_document, fromB, {{"If-Match", seen}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.header("ETag"), etagOf(fromB));
        // Tablet A, still on the old version, is told instead of overwriting B's change.
        const QByteArray fromA = ciphertext(900);
        const RestResponse conflict
            = call("PUT", m_tabletA, m_document, fromA, {{"If-Match", seen}});
        QCOMPARE(conflict.status, 412);
        QCOMPARE(conflict.header("ETag"), etagOf(fromB)); // what to fetch and merge
        QCOMPARE(stored(1, m_document), fromB);
        // B resending its PUT (same bytes, the If-Match now stale): still fine, no change.
        QCOMPARE(call("PUT", m_tabletB, m_document, fromB, {{"If-Match", seen}}).status, 200);
        // Create-only fails when there is one; "*" matches any version.
        QCOMPARE(call("PUT", m_tabletA, m_document, fromA, {{"If-None-Match", "*"}}).status, 412);
        QCOMPARE(call("PUT", m_tabletA, m_document, fromA, {{"If-Match", "*"}}).status, 200);
        QCOMPARE(
            call("DELETE", m_tabletB, m_document, {}, {{"If-Match", etagOf(fromB)}}).status, 412);
        QCOMPARE(stored(1, m_document), fromA);
    }

    void acknowledgedBackupSurvivesKillNine()
    {
        const QByteArray blob = ciphertext(12000);
        const RestResponse put = call("PUT", m_tabletA, m_document, blob);
        QCOMPARE(put.status, 200);
        m_server->kill(); // right after the answer: no chance to flush anything later
        const QString data = m_server->dataDir();
        m_first = std::move(m_server); // it owns the temporary data directory
        QVERIFY(start(data));
        const RestResponse restored = call("GET", m_tabletB, m_document);
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.body, blob);
        QVERIFY(QDir(data + QStringLiteral("/annotations/m1/d1"))
                    .entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden)
                    .isEmpty());
    }

    void deleteAndRevocation()
    {
        const RestResponse removed = call("DELETE", m_tabletB, m_document);
        QCOMPARE(removed.status, 200);
        QCOMPARE(removed.json().value(QLatin1String("deleted")).toBool(), true);
        QVERIFY(!QFile::exists(blobPath(1, m_document)));
        const RestResponse again = call("DELETE", m_tabletB, m_document);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("deleted")).toBool(), false);
        QCOMPARE(call("GET", m_tabletA, m_document).status, 404);

        // Revoke tablet A (the first delegate device enrolled): it is cut off at once.
        QCOMPARE(call("PUT", m_tabletA, m_document, ciphertext(10)).status, 201);
        const QJsonArray devices = admin("GET", QStringLiteral("/meetings/1/devices"))
                                       .json()
                                       .value(QLatin1String("devices"))
                                       .toArray();
        qint64 tabletA = 0;
        for (const QJsonValue &device : devices) {
            const QJsonObject d = device.toObject();
            if (d.value(QLatin1String("delegate")).toInteger() == 1
                && (tabletA == 0 || d.value(QLatin1String("id")).toInteger() < tabletA))
                tabletA = d.value(QLatin1String("id")).toInteger();
        }
        QVERIFY(tabletA > 0);
        QCOMPARE(
            admin("DELETE", QStringLiteral("/meetings/1/devices/%1").arg(tabletA)).status, 200);
        QCOMPARE(call("GET", m_tabletA, m_document).status, 401);
        QCOMPARE(call("PUT", m_tabletA, m_document, ciphertext(10)).status, 401);
        // The delegate's other tablet still has the notes.
        QCOMPARE(call("GET", m_tabletB, m_document).status, 200);
    }
};

QTEST_MAIN(TestAnnotations)
#include "test_annotations.moc"
