// Annotation backups without a server: the store's paths and atomic writes, entity-tag lists,
// and the service's rules (whose notes, which documents, sizes, versions) on a meeting built
// with the harness.
#include "meetingharness.h"
#include "services/annotationservice.h"
#include "storage/annotationfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::services;
using namespace chamber::testing;

namespace {

const QString kDocument = QString(64, QLatin1Char('b'));
const QString kRemovedDocument = QString(64, QLatin1Char('c'));

QByteArray etagOf(const QByteArray &blob)
{
    return '"' + QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex() + '"';
}

QJsonObject documentAdded(qint64 id, const QString &sha256)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("item"), 1},
        {QStringLiteral("sha256"), sha256}, {QStringLiteral("name"), QStringLiteral("a.pdf")},
        {QStringLiteral("title"), QStringLiteral("A")}, {QStringLiteral("pages"), 1},
        {QStringLiteral("bytes"), 100}, {QStringLiteral("source"), QStringLiteral("pdf")}};
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next().mid(root.size());
    files.sort();
    return files;
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MeetingHarness m_meeting = meetingWith(3);
    std::unique_ptr<storage::AnnotationFiles> m_files;
    std::unique_ptr<AnnotationService> m_service;

    Principal delegate(qint64 delegate, qint64 device = 10) const
    {
        return Principal::forDevice(device, m_meeting.state.id, DeviceRole::Delegate, delegate);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_meeting.ok(
            QStringLiteral("agenda.add"), {{QStringLiteral("title"), QStringLiteral("Mục 1")}});
        QVERIFY(m_meeting.state.agenda.contains(1));
        m_meeting.applyDirect(QStringLiteral("document.added"), documentAdded(1, kDocument));
        m_meeting.applyDirect(QStringLiteral("document.added"), documentAdded(2, kRemovedDocument));
        m_meeting.applyDirect(
            QStringLiteral("document.removed"), {{QStringLiteral("document"), 2}});
        QVERIFY(m_meeting.state.documents.hasContent(kDocument));
        m_files = std::make_unique<storage::AnnotationFiles>(m_dir.filePath(QStringLiteral("a")));
        QVERIFY(m_files->open());
        m_service = std::make_unique<AnnotationService>(
            [this](qint64 id) { return id == m_meeting.state.id ? &m_meeting.state : nullptr; },
            *m_files, 1024);
    }

    void pathsAreOnlyEverMadeOfIdsAndHashes()
    {
        QCOMPARE(m_files->pathOf(1, 2, kDocument),
            m_dir.filePath(QStringLiteral("a/m1/d2/")) + kDocument + QStringLiteral(".bin"));
        QVERIFY(m_files->pathOf(0, 2, kDocument).isEmpty());
        QVERIFY(m_files->pathOf(1, -1, kDocument).isEmpty());
        QVERIFY(m_files->pathOf(1, 2, QStringLiteral("../../x")).isEmpty());
        QVERIFY(m_files->pathOf(1, 2, kDocument.toUpper()).isEmpty());
        QVERIFY(!m_files->write(1, 2, QStringLiteral("x"), "blob"));
    }

    void writesReplaceAtomicallyAndLeaveNoTemporaries()
    {
        storage::AnnotationFiles files(m_dir.filePath(QStringLiteral("store")));
        QVERIFY(files.open());
        QVERIFY(files.write(4, 5, kDocument, "first"));
        QVERIFY(files.write(4, 5, kDocument, "second"));
        QCOMPARE(files.read(4, 5, kDocument).value(), std::optional<QByteArray>("second"));
        QCOMPARE(filesUnder(files.directory()),
            QStringList {QStringLiteral("/m4/d5/") + kDocument + QStringLiteral(".bin")});
        // What a crash in the middle of a write leaves behind is cleared at the next start.
        QFile leftover(files.pathOf(4, 5, kDocument) + QStringLiteral(".tmp-1234"));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.close();
        QVERIFY(files.open());
        QCOMPARE(filesUnder(files.directory()).size(), 1);
        QCOMPARE(files.remove(4, 5, kDocument).value(), true);
        QCOMPARE(files.remove(4, 5, kDocument).value(), false);
        QCOMPARE(files.read(4, 5, kDocument).value(), std::optional<QByteArray>());
    }

    void entityTagLists_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<bool>("matches");
        QTest::newRow("same") << QByteArray("\"abc\"") << true << true;
        QTest::newRow("other") << QByteArray("\"abd\"") << true << false;
        QTest::newRow("in a list") << QByteArray("\"x\", \"abc\" ,\"y\"") << true << true;
        QTest::newRow("weak never") << QByteArray("W/\"abc\"") << true << false;
        QTest::newRow("unquoted") << QByteArray("abc") << true << false;
        QTest::newRow("star, exists") << QByteArray(" * ") << true << true;
        QTest::newRow("star, none") << QByteArray("*") << false << false;
        QTest::newRow("none") << QByteArray("\"abc\"") << false << false;
        QTest::newRow("garbage") << QByteArray(",,,\"") << true << false;
    }
    void entityTagLists()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, exists);
        QFETCH(bool, matches);
        QCOMPARE(etagListMatches(header, "\"abc\"", exists), matches);
    }

    void whoMayKeepNotes()
    {
        const AnnotationReply byAdmin = m_service->put(Principal::admin(), kDocument, "x", {}, {});
        QCOMPARE(byAdmin.error->code, ErrorCode::Forbidden);
        for (const DeviceRole role : {DeviceRole::Chair, DeviceRole::Tally, DeviceRole::Bridge}) {
            const Principal screen = Principal::forDevice(20, m_meeting.state.id, role, 0);
            QCOMPARE(m_service->get(screen, kDocument, {}).error->code, ErrorCode::Forbidden);
        }
        // A document of another meeting, a removed one, or none at all: not found.
        const Principal stranger = Principal::forDevice(30, 99, DeviceRole::Delegate, 1);
        QCOMPARE(m_service->put(stranger, kDocument, "x", {}, {}).error->code, ErrorCode::NotFound);
        QCOMPARE(m_service->put(delegate(1), kRemovedDocument, "x", {}, {}).error->code,
            ErrorCode::NotFound);
        QCOMPARE(m_service->get(delegate(1), QString(64, QLatin1Char('d')), {}).error->code,
            ErrorCode::NotFound);
        QVERIFY(filesUnder(m_files->directory()).isEmpty());
    }

    void eachDelegateHasTheirOwn()
    {
        QCOMPARE(m_service->put(delegate(1, 10), kDocument, "one", {}, {}).status, 201);
        QCOMPARE(m_service->put(delegate(2, 11), kDocument, "two", {}, {}).status, 201);
        // Another tablet (device 12) of delegate 1 reads delegate 1's.
        const AnnotationReply read = m_service->get(delegate(1, 12), kDocument, {});
        QCOMPARE(read.status, 200);
        QCOMPARE(read.blob, QByteArray("one"));
        QCOMPARE(read.etag, etagOf("one"));
        QCOMPARE(m_service->get(delegate(2, 11), kDocument, {}).blob, QByteArray("two"));
        QCOMPARE(m_service->get(delegate(3, 13), kDocument, {}).error->code, ErrorCode::NotFound);
        QCOMPARE(m_service->get(delegate(1), kDocument, etagOf("one")).status, 304);
    }

    void sizes()
    {
        const AnnotationReply big
            = m_service->put(delegate(3), kDocument, QByteArray(1025, 'x'), {}, {});
        QCOMPARE(big.error->code, ErrorCode::TooLarge);
        QCOMPARE(m_service->put(delegate(3), kDocument, QByteArray(), {}, {}).error->code,
            ErrorCode::BadField);
        QVERIFY(!QFile::exists(m_files->pathOf(m_meeting.state.id, 3, kDocument)));
        QCOMPARE(m_service->put(delegate(3), kDocument, QByteArray(1024, 'x'), {}, {}).status, 201);
    }

    void versions()
    {
        const QByteArray v1 = etagOf("one");
        // Stale If-Match: 412 with the current version; nothing written.
        const AnnotationReply stale = m_service->put(delegate(1), kDocument, "uno", "\"old\"", {});
        QCOMPARE(stale.status, 412);
        QCOMPARE(stale.etag, v1);
        QCOMPARE(m_service->get(delegate(1), kDocument, {}).blob, QByteArray("one"));
        // The right one: replaced, 200.
        const AnnotationReply replaced = m_service->put(delegate(1), kDocument, "uno", v1, {});
        QCOMPARE(replaced.status, 200);
        QCOMPARE(replaced.etag, etagOf("uno"));
        // A resend of that request: the bytes are there already, so 200 although v1 is stale.
        const AnnotationReply resent = m_service->put(delegate(1), kDocument, "uno", v1, {});
        QCOMPARE(resent.status, 200);
        QCOMPARE(resent.json.value(QLatin1String("changed")).toBool(), false);
        QCOMPARE(m_service->put(delegate(1), kDocument, "eins", {}, "*").status, 412);
        QCOMPARE(m_service->remove(delegate(1), kDocument, v1).status, 412);
        QCOMPARE(m_service->remove(delegate(1), kDocument, etagOf("uno"))
                     .json.value(QLatin1String("deleted"))
                     .toBool(),
            true);
        QCOMPARE(m_service->put(delegate(1), kDocument, "eins", "*", {}).status, 412);
        QCOMPARE(m_service->put(delegate(1), kDocument, "eins", {}, "*").status, 201);
    }
};

QTEST_GUILESS_MAIN(TestAnnotations)
#include "test_annotations.moc"
